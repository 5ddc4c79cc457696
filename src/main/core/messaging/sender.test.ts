import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startMessageSim,
  startSmtpSim,
  type MessageSim,
  type SmtpSim,
} from '../../../../test/sim/messaging/index'
import { writeTx } from '../db'
import {
  messageRows,
  messagingFixture,
  numberOf,
  queueTexts,
  type MessagingFixture,
} from './testing'
import { listChannels, setChannel } from './channels'
import { sendDueMessages } from './sender'

let wa: MessageSim
let mail: SmtpSim
beforeAll(async () => {
  wa = await startMessageSim()
  mail = await startSmtpSim()
})
afterAll(async () => {
  await wa.close()
  await mail.close()
})
afterEach(() => {
  wa.received.length = 0
  mail.received.length = 0
  wa.latencyMs = 0
})

async function withFonnte(rate?: number) {
  const f = await messagingFixture()
  await setChannel(f.deps, f.actor, {
    provider: 'fonnte',
    token: wa.tokens.fonnte,
    baseUrl: wa.url,
    ...(rate ? { ratePerMinute: rate } : {}),
  })
  return f
}

const send = (f: MessagingFixture) => sendDueMessages(f.deps, { companyId: f.companyId })

describe('sending the outbox', () => {
  it('sends due messages oldest first and records each as terkirim with the gateway’s id', async () => {
    const f = await withFonnte()
    await queueTexts(f, 3)
    expect(await send(f)).toEqual({ sent: 3, failed: 0, retrying: 0, waiting: 0 })
    expect(wa.received.map((m) => m.target)).toEqual([numberOf(1), numberOf(2), numberOf(3)])
    const rows = await messageRows(f)
    expect(rows.map((r) => [r.status, r.attempts, r.provider_id, r.sent_at])).toEqual(
      wa.received.map((m) => ['terkirim', 1, m.id, f.clock.now().toISOString()]),
    )
    expect((await listChannels(f.deps, f.companyId)).whatsapp?.status).toBe('ok')
    // Sent is sent: a second run sends nothing again.
    expect(await send(f)).toEqual({ sent: 0, failed: 0, retrying: 0, waiting: 0 })
    expect(wa.received).toHaveLength(3)
  })

  it('a refused number fails for good with the gateway’s words; the others still go', async () => {
    const f = await withFonnte()
    await queueTexts(f, 3)
    wa.failNext(1, 'reject')
    expect(await send(f)).toEqual({ sent: 2, failed: 1, retrying: 0, waiting: 0 })
    const [first] = await messageRows(f)
    expect(first).toMatchObject({
      status: 'gagal',
      reason: 'rejected',
      error_detail: 'invalid target',
      attempts: 1,
      sent_at: null,
    })
  })

  it('a down channel stops for this run: one message waits 30 s, the rest stay queued', async () => {
    const f = await withFonnte()
    await queueTexts(f, 3)
    wa.failNext(1, 'down')
    expect(await send(f)).toEqual({ sent: 0, failed: 0, retrying: 1, waiting: 2 })
    const rows = await messageRows(f)
    expect(rows[0]).toMatchObject({
      status: 'antri',
      reason: 'channel_down',
      error_detail: expect.stringContaining('HTTP 503'),
      attempts: 1,
      sent_at: null,
      next_attempt_at: '2026-12-01T02:00:30.000Z',
    })
    expect(rows.slice(1).map((r) => [r.attempts, r.next_attempt_at, r.sent_at])).toEqual([
      [0, '2026-12-01T02:00:00.000Z', null],
      [0, '2026-12-01T02:00:00.000Z', null],
    ])
    expect((await listChannels(f.deps, f.companyId)).whatsapp).toMatchObject({
      status: 'error',
      statusDetail: expect.stringContaining('503'),
    })
    // The gateway is back: the two go now, the first when its 30 s are up.
    expect(await send(f)).toEqual({ sent: 2, failed: 0, retrying: 0, waiting: 0 })
    f.clock.set('2026-12-01T02:00:30.000Z')
    expect(await send(f)).toEqual({ sent: 1, failed: 0, retrying: 0, waiting: 0 })
    expect((await messageRows(f))[0]).toMatchObject({ status: 'terkirim', attempts: 2 })
    expect((await listChannels(f.deps, f.companyId)).whatsapp?.status).toBe('ok')
  })

  it('retries after 30 s, 1, 5, 15, 30 and 60 minutes, then gives up as gagal after 8 attempts', async () => {
    const f = await withFonnte()
    await queueTexts(f, 1)
    await wa.down()
    try {
      const waits: number[] = []
      for (let attempt = 1; attempt <= 8; attempt++) {
        const counts = await send(f)
        const [row] = await messageRows(f)
        expect(row!.attempts).toBe(attempt)
        if (attempt < 8) {
          expect(counts).toMatchObject({ retrying: 1, failed: 0 })
          expect(row).toMatchObject({ status: 'antri', reason: 'channel_down' })
          const next = Date.parse(row!.next_attempt_at!)
          waits.push((next - f.clock.now().getTime()) / 1000)
          // Not due a second early.
          f.clock.set(new Date(next - 1000))
          expect(await send(f)).toEqual({ sent: 0, failed: 0, retrying: 0, waiting: 0 })
          f.clock.set(new Date(next))
        } else {
          expect(counts).toMatchObject({ retrying: 0, failed: 1 })
          expect(row).toMatchObject({
            status: 'gagal',
            reason: 'channel_down',
            error_detail: expect.stringContaining('ECONNREFUSED'),
            next_attempt_at: null,
          })
        }
      }
      expect(waits).toEqual([30, 60, 300, 900, 1800, 3600, 3600])
    } finally {
      await wa.up()
    }
    expect(wa.received).toHaveLength(0)
  })

  it('keeps to the rate: 45 due at 20 a minute go out 20, 20 and 5, a minute apart', async () => {
    const f = await withFonnte()
    await queueTexts(f, 45)
    expect(await send(f)).toEqual({ sent: 20, failed: 0, retrying: 0, waiting: 25 })
    // Another run in the same minute (the CLI beside the host) finds the window full.
    f.clock.advanceMinutes(0.5)
    expect(await send(f)).toEqual({ sent: 0, failed: 0, retrying: 0, waiting: 25 })
    f.clock.set('2026-12-01T02:01:00.000Z')
    expect(await send(f)).toEqual({ sent: 20, failed: 0, retrying: 0, waiting: 5 })
    f.clock.advanceMinutes(1)
    expect(await send(f)).toEqual({ sent: 5, failed: 0, retrying: 0, waiting: 0 })
    expect(wa.received.map((m) => m.target)).toEqual(
      Array.from({ length: 45 }, (_, i) => numberOf(i + 1)),
    )
  })

  it('messages wait while their channel is not set up or switched off', async () => {
    const f = await messagingFixture()
    await queueTexts(f, 2)
    await queueTexts(f, 1, { channel: 'email' })
    expect(await send(f)).toEqual({ sent: 0, failed: 0, retrying: 0, waiting: 3 })
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
      enabled: false,
    })
    expect(await send(f)).toMatchObject({ sent: 0, waiting: 3 })
    expect((await messageRows(f)).map((r) => r.status)).toEqual(['antri', 'antri', 'antri'])
    await setChannel(f.deps, f.actor, { provider: 'fonnte', baseUrl: wa.url, enabled: true })
    expect(await send(f)).toEqual({ sent: 2, failed: 0, retrying: 0, waiting: 1 })
  })

  it('sends e-mail over SMTP with the message’s subject', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'smtp',
      host: '127.0.0.1',
      port: mail.port,
      from: 'Net Jaya <tagihan@netjaya.id>',
    })
    await queueTexts(f, 2, { channel: 'email' })
    expect(await send(f)).toEqual({ sent: 2, failed: 0, retrying: 0, waiting: 0 })
    expect(mail.received.map((m) => [m.to[0], m.subject, m.text])).toEqual([
      ['pelanggan1@example.com', 'Pesan 1', 'Pesan nomor 1'],
      ['pelanggan2@example.com', 'Pesan 2', 'Pesan nomor 2'],
    ])
  })

  it('never holds the database while a gateway answers', async () => {
    const f = await withFonnte()
    await queueTexts(f, 2)
    wa.latencyMs = 400
    const sending = send(f)
    await new Promise((r) => setTimeout(r, 100))
    const t = performance.now()
    await writeTx(f.db, (tx) =>
      tx
        .updateTable('companies')
        .set({ address: 'Jl. Baru 2' })
        .where('id', '=', f.companyId)
        .execute(),
    )
    expect(performance.now() - t).toBeLessThan(150)
    expect(await sending).toMatchObject({ sent: 2 })
  })
})
