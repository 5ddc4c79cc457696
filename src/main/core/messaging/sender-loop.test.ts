import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMessageSim, type MessageSim } from '../../../../test/sim/messaging/index'
import { messagingFixture, queueTexts } from './testing'
import { setChannel } from './channels'
import { startMessageSender } from './sender-loop'

let wa: MessageSim
beforeAll(async () => {
  wa = await startMessageSim()
})
afterAll(async () => {
  await wa.close()
})

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(check()).toBe(true)
}

describe('the host’s message sender', () => {
  it('sends as soon as it is woken, and on its tick once the rate window frees', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
      ratePerMinute: 2,
    })
    const sender = startMessageSender(f.deps, { tickMs: 30, log: () => {} })
    try {
      await queueTexts(f, 3)
      sender.wake()
      await until(() => wa.received.length === 2)
      await new Promise((r) => setTimeout(r, 100))
      expect(wa.received).toHaveLength(2)
      f.clock.advanceMinutes(1)
      await until(() => wa.received.length === 3)
    } finally {
      await sender.stop()
    }
  })

  it('skips a company whose sending is paused', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: wa.tokens.fonnte,
      baseUrl: wa.url,
    })
    await queueTexts(f, 1)
    const before = wa.received.length
    let asked = 0
    const sender = startMessageSender(f.deps, {
      tickMs: 20,
      shouldRun: async () => {
        asked++
        return false
      },
    })
    await until(() => asked >= 3)
    await sender.stop()
    expect(wa.received.length).toBe(before)
  })
})
