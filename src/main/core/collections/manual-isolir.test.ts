import { describe, expect, it } from 'vitest'
import { runAutoIsolir } from './auto-isolir'
import { isolirByHand } from './manual-isolir'
import { collectionsFixture } from './testing'

/** January's invoice (Rp150.000, due 11 Jan) unpaid; on 15 Jan the office isolates by hand. */
async function overdue() {
  const f = await collectionsFixture()
  await f.whatsappOn()
  const ani = await f.customer('Ani Rahayu')
  await f.contact(ani.customerId, { phone: '081211112222' })
  await f.run('2026-01', '2026-01-01')
  const isolate = (notify?: boolean) =>
    isolirByHand(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: [ani.serviceId], reason: 'Isolir batch', notify },
      f.tz,
    )
  const restore = () =>
    isolirByHand(
      f.deps,
      f.actor,
      { action: 'restore', serviceIds: [ani.serviceId], reason: 'Buka isolir' },
      f.tz,
    )
  return { f, ani, isolate, restore }
}

describe('an isolir by hand tells the customer like the automatic run', () => {
  it('sends "layanan diisolir" with what is owed, by default (the policy is on)', async () => {
    const { f, ani, isolate } = await overdue()
    f.at('2026-01-15')
    const done = await isolate()
    expect(done).toMatchObject({ changed: 1, notices: { queued: 1 } })
    const [notice] = await f.messages('isolir_notice')
    expect(notice).toMatchObject({
      customer_id: ani.customerId,
      recipient: '6281211112222',
      status: 'antri',
      dedupe_key: `isolir:${ani.serviceId}:2026-01-15`,
    })
    expect(notice!.body).toContain('Total: Rp150.000')
    expect(notice!.body).toContain('Januari 2026')
  })

  it('the dialog can untick it, and the policy can switch it off', async () => {
    const { f, isolate, restore } = await overdue()
    f.at('2026-01-15')
    expect((await isolate(false)).notices).toEqual({ disabled: 1 })
    await restore()
    await f.policy({ sendManualIsolirNotice: false })
    f.at('2026-01-16')
    expect((await isolate()).notices).toEqual({ disabled: 1 })
    expect(await f.messages('isolir_notice')).toEqual([])
    // Ticked in the dialog, it goes even with the policy off.
    await restore()
    f.at('2026-01-17')
    expect((await isolate(true)).notices).toMatchObject({ queued: 1 })
  })

  it('is deduplicated like the automatic one: one notice per service and day', async () => {
    const { f, ani, isolate, restore } = await overdue()
    f.at('2026-01-18')
    await isolate()
    await restore()
    expect((await isolate()).notices).toMatchObject({ queued: 0, duplicates: 1 })
    // The automatic run of the same day isolates it (restored by hand) but tells nobody again.
    await restore()
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-18'))).toMatchObject({
      isolated: 1,
      messages_queued: 0,
      messages_duplicates: 1,
    })
    expect(await f.messages('isolir_notice')).toHaveLength(1)
    expect(await f.serviceStatus(ani.serviceId)).toBe('isolir')
  })

  it('a customer who owes nothing is not told about arrears', async () => {
    const f = await collectionsFixture()
    await f.whatsappOn()
    const budi = await f.customer('Budi Santoso')
    await f.contact(budi.customerId, { phone: '081233334444' })
    const done = await isolirByHand(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: [budi.serviceId], reason: 'Penyalahgunaan' },
      f.tz,
    )
    expect(done).toMatchObject({ changed: 1, notices: { queued: 0, skipped_no_arrears: 1 } })
    expect(await f.messages('isolir_notice')).toEqual([])
  })
})
