import { describe, expect, it } from 'vitest'
import { billingFixture } from '../billing/testing'
import { recordPayment } from '../payments'
import { customerPaymentHistory } from './customer-payments'

type Fixture = Awaited<ReturnType<typeof billingFixture>>

const pay = (f: Fixture, customerId: number, amount: number, day: string) => {
  f.clock.set(`${day}T03:00:00Z`)
  return recordPayment(
    f.deps,
    f.actor,
    { customerId, amount, method: 'cash', reference: null, invoiceId: null, notes: null },
    f.tz,
  )
}

/** Budi (150.000 a month): January paid in two instalments, February at once, March open. */
async function budiIn2026() {
  const f = await billingFixture()
  const c = await f.customer('Budi Santoso')
  await f.run('2026-01', '2026-01-01')
  await pay(f, c.customerId, 50_000, '2026-01-05')
  await pay(f, c.customerId, 100_000, '2026-01-20')
  f.clock.set('2026-02-01T03:00:00Z')
  await f.run('2026-02', '2026-02-01')
  await pay(f, c.customerId, 150_000, '2026-02-03')
  f.clock.set('2026-03-01T03:00:00Z')
  await f.run('2026-03', '2026-03-01')
  return { f, c }
}

describe("a customer's payment history by year (seed 003)", () => {
  it('lists each month’s invoice with the days and amounts that paid it, marking instalments', async () => {
    const { f, c } = await budiIn2026()
    const h = await customerPaymentHistory(f.db, f.companyId, {
      customerId: c.customerId,
      year: 2026,
    })
    expect(h.months).toHaveLength(12)
    const [jan, feb, mar] = h.months.map((m) => m.invoices[0])
    expect(jan).toMatchObject({ period: '2026-01', status: 'lunas', instalments: true })
    expect(jan!.payments.map((p) => [p.date, p.amount])).toEqual([
      ['2026-01-05', 50_000],
      ['2026-01-20', 100_000],
    ])
    expect(feb).toMatchObject({ status: 'lunas', instalments: false })
    expect(feb!.payments.map((p) => [p.date, p.amount])).toEqual([['2026-02-03', 150_000]])
    expect(mar).toMatchObject({ status: 'belum_bayar', balance: 150_000, payments: [] })
    expect(h.months.slice(3).every((m) => m.invoices.length === 0)).toBe(true)
    expect(h.totals).toEqual({ invoiced: 450_000, paid: 300_000, balance: 150_000 })
    expect(h.years).toEqual([2026])
  })

  it('a year without invoices has twelve empty months and zero totals', async () => {
    const { f, c } = await budiIn2026()
    const h = await customerPaymentHistory(f.db, f.companyId, {
      customerId: c.customerId,
      year: 2025,
    })
    expect(h.months.every((m) => m.invoices.length === 0)).toBe(true)
    expect(h.totals).toEqual({ invoiced: 0, paid: 0, balance: 0 })
  })

  it('refuses a customer of another company as not found', async () => {
    const { f, c } = await budiIn2026()
    await expect(
      customerPaymentHistory(f.db, f.companyId + 1, { customerId: c.customerId, year: 2026 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
