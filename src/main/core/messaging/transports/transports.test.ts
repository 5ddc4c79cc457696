import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startMessageSim,
  startSmtpSim,
  type MessageSim,
  type SmtpSim,
} from '../../../../../test/sim/messaging/index'
import { fonnteTransport } from './fonnte'
import { smtpTransport } from './smtp'
import { SendError, type Transport } from './types'
import { urlTemplateTransport } from './url-template'
import { wablasTransport } from './wablas'

let wa: MessageSim
let mail: SmtpSim
beforeAll(async () => {
  wa = await startMessageSim()
  mail = await startSmtpSim({ user: 'tagihan', password: 'Rahasia-SMTP' })
})
afterAll(async () => {
  await wa.close()
  await mail.close()
})

const TO = '6281234567890'
const text = (body: string) => ({ to: TO, subject: null, body })

async function failure(transport: Transport, body = 'x'): Promise<SendError> {
  try {
    await transport.send(text(body))
  } catch (error) {
    expect(error).toBeInstanceOf(SendError)
    return error as SendError
  }
  throw new Error('the send did not fail')
}

describe('Fonnte', () => {
  const fonnte = () => fonnteTransport({ token: wa.tokens.fonnte, baseUrl: wa.url })

  it('sends target, message and countryCode=62 with the bare token, and returns Fonnte’s id', async () => {
    const r = await fonnte().send(text('Halo Budi, tagihan Rp150.000 & Rp0'))
    const got = wa.received.at(-1)!
    expect(got).toMatchObject({
      provider: 'fonnte',
      target: TO,
      message: 'Halo Budi, tagihan Rp150.000 & Rp0',
    })
    expect(r.providerId).toBe(got.id)
  })

  it('an invalid number is rejected for good, in Fonnte’s words', async () => {
    wa.failNext(1, 'reject')
    const e = await failure(fonnte())
    expect(e.kind).toBe('rejected')
    expect(e.message).toBe('invalid target')
  })

  it('a disconnected device, a wrong token, a 5xx and a refused connection are "down"', async () => {
    wa.failNext(1, 'disconnected')
    expect(await failure(fonnte())).toMatchObject({
      kind: 'down',
      message: expect.stringContaining('disconnected'),
    })
    const wrong = fonnteTransport({ token: 'salah', baseUrl: wa.url })
    expect(await failure(wrong)).toMatchObject({ kind: 'down', message: 'invalid token' })
    wa.failNext(1, 'down')
    expect(await failure(fonnte())).toMatchObject({
      kind: 'down',
      message: expect.stringContaining('HTTP 503'),
    })
    const gone = await startMessageSim()
    await gone.close()
    const closed = fonnteTransport({ token: 'x', baseUrl: gone.url })
    expect(await failure(closed)).toMatchObject({
      kind: 'down',
      message: expect.stringContaining('ECONNREFUSED'),
    })
  })

  it('a gateway that does not answer in time is "down"', async () => {
    wa.latencyMs = 300
    try {
      const { httpSend } = await import('./http')
      await expect(
        httpSend(`${wa.url}/send`, { method: 'POST', body: '' }, 50),
      ).rejects.toMatchObject({ kind: 'down', message: expect.stringContaining('tidak menjawab') })
    } finally {
      wa.latencyMs = 0
    }
  })
})

describe('Wablas', () => {
  const wablas = () => wablasTransport({ token: wa.tokens.wablas, baseUrl: `${wa.url}/` })

  it('posts phone and message to /api/send-message and returns the message id', async () => {
    const r = await wablas().send(text('Pengingat'))
    expect(wa.received.at(-1)).toMatchObject({
      provider: 'wablas',
      target: TO,
      message: 'Pengingat',
    })
    expect(r.providerId).toBe(wa.received.at(-1)!.id)
  })

  it('rejected number, disconnected device, wrong token and 503', async () => {
    wa.failNext(1, 'reject')
    expect(await failure(wablas())).toMatchObject({
      kind: 'rejected',
      message: 'phone number invalid',
    })
    wa.failNext(1, 'disconnected')
    expect((await failure(wablas())).kind).toBe('down')
    expect((await failure(wablasTransport({ token: 'salah', baseUrl: wa.url }))).kind).toBe('down')
    wa.failNext(1, 'down')
    expect((await failure(wablas())).kind).toBe('down')
  })
})

describe('generic URL template', () => {
  it('GET: {phone} and {message} URL-encoded, {token} filled in', async () => {
    const t = urlTemplateTransport({
      templateUrl: `${wa.url}/url-send?key={token}&phone={phone}&text={message}`,
      method: 'GET',
      bodyTemplate: '',
      bodyType: 'form',
      token: wa.tokens.url,
    })
    const r = await t.send(text('Total: Rp150.000 + 10% = ?&x=1 #ok'))
    expect(wa.received.at(-1)).toMatchObject({
      provider: 'url',
      target: TO,
      message: 'Total: Rp150.000 + 10% = ?&x=1 #ok',
    })
    expect(r.providerId).toBe(wa.received.at(-1)!.id)
  })

  it('POST JSON body with the token as Authorization header', async () => {
    const t = urlTemplateTransport({
      templateUrl: `${wa.url}/url-send`,
      method: 'POST',
      bodyTemplate: '{"phone":"{phone}","text":"{message}"}',
      bodyType: 'json',
      token: wa.tokens.url,
    })
    await t.send(text('Baris 1\nBaris "2"'))
    expect(wa.received.at(-1)).toMatchObject({ provider: 'url', message: 'Baris 1\nBaris "2"' })
  })

  it('a 400 is the message’s fault, a 401 or 503 the channel’s', async () => {
    const t = (token: string) =>
      urlTemplateTransport({
        templateUrl: `${wa.url}/url-send?phone={phone}&text={message}`,
        method: 'GET',
        bodyTemplate: '',
        bodyType: 'form',
        token,
      })
    wa.failNext(1, 'reject')
    expect((await failure(t(wa.tokens.url))).kind).toBe('rejected')
    expect((await failure(t('salah'))).kind).toBe('down')
    wa.failNext(1, 'down')
    expect((await failure(t(wa.tokens.url))).kind).toBe('down')
  })
})

describe('SMTP', () => {
  const config = () => ({
    host: '127.0.0.1',
    port: mail.port,
    secure: false,
    user: 'tagihan',
    password: 'Rahasia-SMTP',
    from: 'Net Jaya <tagihan@netjaya.id>',
  })

  it('sends subject and text from the channel’s address', async () => {
    const t = smtpTransport(config())
    try {
      const r = await t.send({
        to: 'budi@example.com',
        subject: 'Tagihan Desember',
        body: 'Halo Budi',
      })
      expect(r.providerId).toMatch(/@/)
    } finally {
      t.close?.()
    }
    expect(mail.received.at(-1)).toMatchObject({
      from: 'tagihan@netjaya.id',
      to: ['budi@example.com'],
      subject: 'Tagihan Desember',
      text: 'Halo Budi',
      user: 'tagihan',
    })
  })

  it('a refused mailbox is rejected; a 421, a wrong password and a dead server are down', async () => {
    const t = smtpTransport(config())
    try {
      mail.failNext(1, 'reject')
      const rejected = await t
        .send({ to: 'x@example.com', subject: 's', body: 'b' })
        .catch((e) => e)
      expect(rejected).toMatchObject({ kind: 'rejected', message: expect.stringContaining('550') })
      mail.failNext(1, 'down')
      const later = await t.send({ to: 'x@example.com', subject: 's', body: 'b' }).catch((e) => e)
      expect(later).toMatchObject({ kind: 'down' })
    } finally {
      t.close?.()
    }
    const wrong = smtpTransport({ ...config(), password: 'salah' })
    const auth = await wrong.send({ to: 'x@example.com', subject: 's', body: 'b' }).catch((e) => e)
    wrong.close?.()
    expect(auth).toMatchObject({ kind: 'down', message: expect.stringContaining('login SMTP') })
    const gone = await startSmtpSim()
    await gone.close()
    const dead = smtpTransport({ ...config(), port: gone.port })
    const refused = await dead
      .send({ to: 'x@example.com', subject: 's', body: 'b' })
      .catch((e) => e)
    dead.close?.()
    expect(refused).toMatchObject({ kind: 'down' })
  })
})
