import { describe, expect, it } from 'vitest'
import { customerBillingState } from './billing-state'
import { isolirByHand } from './manual-isolir'
import { collectionsFixture } from './testing'

/** Ani: January's invoice (Rp150.000, due 11 Jan) unpaid. */
async function ani() {
  const f = await collectionsFixture()
  const a = await f.customer('Ani Rahayu')
  await f.run('2026-01', '2026-01-01')
  const state = (asOf: string) => customerBillingState(f.deps.db, f.companyId, a.customerId, asOf)
  return { f, a, state }
}

describe('the troubleshooting screen’s billing state', () => {
  it('an unpaid invoice is arrears, overdue only after its due date', async () => {
    const { state } = await ani()
    expect((await state('2026-01-11')).arrears).toEqual({
      total: 150_000,
      count: 1,
      overdueTotal: 0,
      overdueCount: 0,
      oldestDueDate: '2026-01-11',
    })
    const late = await state('2026-01-12')
    expect(late.arrears).toMatchObject({ overdueTotal: 150_000, overdueCount: 1 })
    expect(late.openInvoices).toEqual([
      expect.objectContaining({ period: '2026-01', remaining: 150_000, overdue: true }),
    ])
  })

  it('an isolated service says since when and why, as the operator wrote it', async () => {
    const { f, a, state } = await ani()
    f.at('2026-01-15')
    await isolirByHand(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: [a.serviceId], reason: 'Tunggakan Januari' },
      f.tz,
    )
    expect((await state('2026-01-15')).services).toEqual([
      expect.objectContaining({
        serviceId: a.serviceId,
        status: 'isolir',
        since: '2026-01-15',
        reason: 'Tunggakan Januari',
      }),
    ])
  })

  it('another company’s customer is NOT_FOUND', async () => {
    const { f, a } = await ani()
    await expect(
      customerBillingState(f.deps.db, f.companyId + 1, a.customerId, '2026-01-15'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
