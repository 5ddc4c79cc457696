import { describe, expect, it } from 'vitest'
import { billingFixture } from '../billing/testing'
import { revenueReport } from './revenue'
import { revenueTrend } from './revenue-trend'

/** Ani (10 Mbps, 150.000) billed for January 2025; Ani and Bayu (20 Mbps, 200.000) for January 2026. */
async function twoJanuaries() {
  const f = await billingFixture('2025-01-01T03:00:00Z')
  await f.customer('Ani', { activation: '2024-12-01' })
  await f.run('2025-01', '2025-01-01')
  f.clock.set('2026-01-01T03:00:00Z')
  await f.customer('Bayu', { productId: f.p20.id, activation: '2025-12-01' })
  await f.run('2026-01', '2026-01-01')
  return f
}

describe('revenue trend: twelve months beside the same months a year earlier', () => {
  it('sets January 2026 (350.000) beside January 2025 (150.000): +133,3%', async () => {
    const f = await twoJanuaries()
    const r = await revenueTrend(f.db, f.companyId, { to: '2026-01' })
    expect(r.months).toHaveLength(12)
    expect(r.months[0]!.period).toBe('2025-02')
    expect(r.months.at(-1)).toEqual({
      period: '2026-01',
      amount: 350_000,
      previousPeriod: '2025-01',
      previousAmount: 150_000,
      change: 133.3,
    })
    expect(r.total).toBe(350_000)
    expect(r.previousTotal).toBe(150_000)
  })

  it('each month is what the revenue report gives for that month alone', async () => {
    const f = await twoJanuaries()
    const r = await revenueTrend(f.db, f.companyId, { to: '2026-01' })
    for (const m of r.months) {
      const [now, before] = await Promise.all([
        revenueReport(f.db, f.companyId, { from: m.period, to: m.period }),
        revenueReport(f.db, f.companyId, { from: m.previousPeriod, to: m.previousPeriod }),
      ])
      expect([m.amount, m.previousAmount]).toEqual([now.total, before.total])
    }
  })

  it('a month with nothing a year earlier has no change figure rather than a division by zero', async () => {
    const f = await twoJanuaries()
    const r = await revenueTrend(f.db, f.companyId, { to: '2026-01', productId: f.p20.id })
    expect(r.months.at(-1)).toMatchObject({ amount: 200_000, previousAmount: 0, change: null })
  })
})
