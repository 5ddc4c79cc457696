import nodemailer from 'nodemailer'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSmtpSim, type SmtpSim } from './smtp'

let sim: SmtpSim
beforeEach(async () => {
  sim = await startSmtpSim({ user: 'kasir', password: 'rahasia' })
})
afterEach(async () => {
  await sim.close()
})

const mailer = (auth?: { user: string; pass: string }) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: sim.port, secure: false, auth })

describe('the SMTP simulator', () => {
  it('records from, to, subject and text, Indonesian characters and long lines intact', async () => {
    const text = `Halo Budi – tagihan Rp150.000 jatuh tempo 10 Desember.\n${'panjang '.repeat(30)}`
    await mailer({ user: 'kasir', pass: 'rahasia' }).sendMail({
      from: 'Net Jaya <tagihan@netjaya.id>',
      to: 'budi@example.com',
      subject: 'Pengingat tagihan – Net Jaya',
      text,
    })
    expect(sim.received).toHaveLength(1)
    expect(sim.received[0]).toMatchObject({
      from: 'tagihan@netjaya.id',
      to: ['budi@example.com'],
      subject: 'Pengingat tagihan – Net Jaya',
      text: text.trimEnd(),
      user: 'kasir',
    })
  })

  it('refuses a wrong password', async () => {
    await expect(
      mailer({ user: 'kasir', pass: 'salah' }).sendMail({
        from: 'a@netjaya.id',
        to: 'b@example.com',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'EAUTH' })
    expect(sim.received).toHaveLength(0)
  })

  it('rejects the next recipient with 550 when told', async () => {
    sim.failNext(1, 'reject')
    await expect(
      mailer().sendMail({ from: 'a@netjaya.id', to: 'hilang@example.com', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 })
    await mailer().sendMail({ from: 'a@netjaya.id', to: 'ada@example.com', text: 'x' })
    expect(sim.received.map((m) => m.to[0])).toEqual(['ada@example.com'])
  })
})
