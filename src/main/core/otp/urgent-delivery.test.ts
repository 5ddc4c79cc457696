import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMessageSim, type MessageSim } from '../../../../test/sim/messaging/index'
import { queueTexts } from '../messaging/testing'
import { sendDueMessages, setChannel, startMessageSender } from '../messaging'
import { OWNER_WA, otpFixture } from './testing'

let wa: MessageSim
beforeAll(async () => {
  wa = await startMessageSim()
})
afterAll(async () => {
  await wa.close()
})

async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(check()).toBe(true)
}

const codeMessages = () => wa.received.filter((m) => m.target === OWNER_WA)

describe('one-time codes go out ahead of the outbox queue', () => {
  it('a code is sent at once although 300 reminders wait and the channel’s minute is full', async () => {
    const f = await otpFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
      ratePerMinute: 20,
    })
    await queueTexts(f, 300)
    const before = wa.received.length
    expect((await sendDueMessages(f.deps, { companyId: f.companyId })).sent).toBe(20)

    await f.challenge()
    const code = await f.lastCode()
    const run = await sendDueMessages(f.deps, { companyId: f.companyId })
    expect(run.sent).toBe(1)
    expect(wa.received.length - before).toBe(21)
    expect(codeMessages().at(-1)!.message).toContain(`: ${code}`)
    // Sent: the code is erased from the outbox, and the history shows `{otp}` in its place.
    const row = await f.db
      .selectFrom('messages')
      .selectAll()
      .where('kind', '=', 'otp')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'terkirim', secret_sealed: null })
    expect(row.body).toContain('{otp}')
  })

  it('a reminder batch being sent does not delay a sign-in code', async () => {
    const f = await otpFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
      ratePerMinute: 20,
    })
    wa.latencyMs = 100
    const sender = startMessageSender(f.deps, { tickMs: 60_000, log: () => {} })
    f.deps.onUrgentMessages = () => sender.wakeUrgent()
    try {
      const start = wa.received.length
      const codesBefore = codeMessages().length
      await queueTexts(f, 20, { from: 500 })
      sender.wake()
      // The batch of 20 is being sent (about 2 s at 100 ms each) when the user asks for a code.
      await until(() => wa.received.length > start)
      await f.challenge()
      await until(() => codeMessages().length > codesBefore)
      const reminders = wa.received.slice(start).filter((m) => m.target !== OWNER_WA).length
      expect(reminders).toBeLessThan(20)
      await until(() => wa.received.length - start === 21)
    } finally {
      wa.latencyMs = 0
      await sender.stop()
    }
  })
})
