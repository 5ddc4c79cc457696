import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { DEFAULT_ROLE_PERMISSIONS } from '@shared/permissions'
import { billingFixture } from '../billing/testing'
import { changeServiceStatus } from '../customers'
import { recordPayment, reversePayment } from '../payments'
import { invoicedVsCollected, paymentsReport, receivablesByCustomer } from '../reports'
import { createUser } from '../users'
import { chartSpans, dashboardAccess, dashboardSummary, paymentsChart } from '.'

type Fixture = Awaited<ReturnType<typeof billingFixture>>
const d = calendarDate
const everything = dashboardAccess(new Set(DEFAULT_ROLE_PERMISSIONS.superadmin))
const on = (f: Fixture, date: string, hour = '03') => f.clock.set(`${date}T${hour}:00:00Z`)

async function pay(
  f: Fixture,
  actor: Fixture['actor'],
  customerId: number,
  amount: number,
  method: 'cash' | 'transfer' = 'cash',
) {
  return recordPayment(
    f.deps,
    actor,
    {
      customerId,
      amount,
      method,
      reference: method === 'cash' ? null : `TRF-${customerId}-${f.clock.now().getTime()}`,
      invoiceId: null,
      notes: null,
    },
    f.tz,
  )
}

/**
 * Four customers billed January to March 2026; payments in full, in part, by two cashiers, one
 * reversed; one service isolated and one restored on the day the dashboard is read (2026-03-20).
 */
async function business() {
  const f = await billingFixture()
  const budi = await f.customer('Budi Santoso')
  const siti = await f.customer('Siti Aminah')
  const agus = await f.customer('Agus Salim', { productId: f.p20.id })
  const dewi = await f.customer('Dewi Lestari')
  const kasir = await createUser(
    f.deps,
    f.actor,
    { userId: f.actor.userId, role: 'superadmin' },
    {
      name: 'Kasir Satu',
      username: 'kasir1',
      phone: null,
      email: null,
      role: 'admin_billing',
      password: 'Kasir-Rahasia-42',
    },
  )
  const cashier = { ...f.actor, userId: kasir.id, username: 'kasir1' }
  for (const [period, day] of [
    ['2026-01', '2026-01-01'],
    ['2026-02', '2026-02-01'],
    ['2026-03', '2026-03-01'],
  ] as const) {
    on(f, day)
    await f.run(period, day)
  }
  on(f, '2026-02-05')
  await pay(f, f.actor, budi.customerId, 150_000)
  on(f, '2026-02-18')
  await pay(f, f.actor, siti.customerId, 300_000, 'transfer')
  on(f, '2026-03-16')
  await pay(f, f.actor, agus.customerId, 100_000)
  // The day the dashboard is read: two cashiers, two methods, one payment reversed.
  on(f, '2026-03-20', '02')
  await pay(f, f.actor, budi.customerId, 150_000, 'transfer')
  await pay(f, cashier, dewi.customerId, 50_000)
  const wrong = await pay(f, cashier, dewi.customerId, 25_000)
  await reversePayment(
    f.deps,
    f.actor,
    { paymentId: wrong.paymentId, reason: 'Salah input nominal' },
    f.tz,
  )
  await changeServiceStatus(
    f.deps,
    f.actor,
    { serviceId: agus.serviceId, status: 'isolir', reason: 'Menunggak' },
    f.tz,
  )
  await changeServiceStatus(
    f.deps,
    f.actor,
    { serviceId: dewi.serviceId, status: 'isolir', reason: 'Menunggak' },
    f.tz,
  )
  await changeServiceStatus(
    f.deps,
    f.actor,
    { serviceId: dewi.serviceId, status: 'aktif', reason: 'Sudah bayar' },
    f.tz,
  )
  return { f, kasir, budi, siti, agus, dewi }
}

const today = d('2026-03-20')
const summary = (f: Fixture, access = everything, userId: number | null = f.actor.userId) =>
  dashboardSummary(f.db, f.companyId, { asOf: today, today, timeZone: f.tz, userId, access })

describe('dashboard figures agree with the reports on the same data', () => {
  it('invoiced vs collected of this period is the report of 2026-03 to the rupiah', async () => {
    const { f } = await business()
    const s = await summary(f)
    const report = await invoicedVsCollected(f.db, f.companyId, { from: '2026-03', to: '2026-03' })
    expect(s.period).toBe('2026-03')
    expect(s.billing).toEqual({
      invoices: report.totals.invoices,
      invoiced: report.totals.invoiced,
      collected: report.totals.collected,
      rate: report.totals.rate,
    })
    expect(s.billing!.invoices).toBe(4)
    expect(s.billing!.invoiced).toBeGreaterThan(0)
  })

  it('outstanding receivables and overdue customers are those of Piutang as of today', async () => {
    const { f } = await business()
    const s = await summary(f)
    const aging = await receivablesByCustomer(f.db, f.companyId, { asOf: today, today })
    expect(s.receivables!.total).toBe(aging.total)
    expect(s.receivables!.invoices).toBe(aging.invoices)
    expect(s.receivables!.customers).toBe(aging.customers.length)
    const overdue = aging.customers.filter((c) => c.total - c.buckets.current > 0)
    expect(s.receivables!.overdueCustomers).toBe(overdue.length)
    expect(s.receivables!.overdueAmount).toBe(aging.total - aging.buckets.current)
    expect(s.receivables!.total).toBeGreaterThan(0)
    expect(s.receivables!.overdueCustomers).toBeGreaterThan(0)
  })

  it("today's takings are the payments report of today: kept payments by method", async () => {
    const { f } = await business()
    const s = await summary(f)
    const report = await paymentsReport(f.db, f.companyId, { from: today, to: today })
    expect(s.takings!.scope).toBe('all')
    expect(s.takings!.total).toEqual(report.total)
    expect(s.takings!.total).toEqual({ count: 2, amount: 200_000 })
    expect(s.takings!.byMethod).toEqual(report.byMethod)
  })

  it("a cashier sees only what they took today: the report's line for that cashier", async () => {
    const { f, kasir } = await business()
    const access = dashboardAccess(new Set(['dashboard.view', 'payments.record']))
    const s = await summary(f, access, kasir.id)
    const report = await paymentsReport(f.db, f.companyId, { from: today, to: today })
    const mine = report.byCashier.find((c) => c.userId === kasir.id)!
    expect(s.takings!.scope).toBe('own')
    expect(s.takings!.total).toEqual({ count: mine.count, amount: mine.amount })
    expect(s.takings!.total).toEqual({ count: 1, amount: 50_000 })
    expect(s.takings!.byMethod).toEqual([{ method: 'cash', count: 1, amount: 50_000 }])
  })

  it('the payment chart sums to the payments report over each span, per range', async () => {
    const { f } = await business()
    for (const range of ['week', 'month', 'days30', 'year'] as const) {
      const chart = await paymentsChart(f.db, f.companyId, range, today)
      const spans = chartSpans(range, today)
      const now = await paymentsReport(f.db, f.companyId, spans.current)
      const before = await paymentsReport(f.db, f.companyId, spans.previous)
      expect(chart.totals, range).toEqual({
        current: now.total.amount,
        currentCount: now.total.count,
        previous: before.total.amount,
        previousCount: before.total.count,
      })
      expect(
        chart.points.reduce((s, p) => s + p.amount, 0),
        range,
      ).toBe(now.total.amount)
    }
    const month = await paymentsChart(f.db, f.companyId, 'month', today)
    expect(month.current).toEqual({ from: '2026-03-01', to: '2026-03-31' })
    expect(month.points.find((p) => p.key === '2026-03-16')).toMatchObject({
      amount: 100_000,
      previousKey: '2026-02-16',
    })
    expect(month.points.find((p) => p.key === '2026-03-18')?.previousAmount).toBe(300_000)
    const week = await paymentsChart(f.db, f.companyId, 'week', today)
    // 2026-03-20 is a Friday: the week runs Monday 16 to Sunday 22.
    expect(week.current).toEqual({ from: '2026-03-16', to: '2026-03-22' })
    expect(week.totals.current).toBe(300_000)
    const year = await paymentsChart(f.db, f.companyId, 'year', today)
    expect(year.points).toHaveLength(12)
    expect(year.points[1]).toMatchObject({ key: '2026-02', amount: 450_000, previousAmount: 0 })
  })
})

describe('the other cards', () => {
  it('counts customers by status, new ones this month, and today’s isolir and restores', async () => {
    const { f } = await business()
    const s = await summary(f)
    expect(s.customers).toEqual({ aktif: 3, isolir: 1, putus: 0, newThisMonth: 0 })
    expect(s.collections).toEqual({ isolatedToday: 2, restoredToday: 1 })
    expect(s.messages).toEqual({ failed: 0, queued: 0 })
    expect(s.routerJobs).toEqual({ failed: 0, pending: 0 })
    const april = await dashboardSummary(f.db, f.companyId, {
      asOf: d('2026-04-02'),
      today: d('2026-04-02'),
      timeZone: f.tz,
      userId: null,
      access: everything,
    })
    expect(april.collections).toEqual({ isolatedToday: 0, restoredToday: 0 })
  })

  it('a customer is new in the month they were created in, by the company clock (WIB)', async () => {
    const { f } = await business()
    f.clock.set('2026-03-10T03:00:00Z')
    await f.customer('Rina Marlina')
    // 00:30 WIB on 1 April is still 31 March in UTC: April's, not March's.
    f.clock.set('2026-03-31T17:30:00Z')
    await f.customer('Joko Widodo')
    const s = await summary(f)
    expect(s.customers!.newThisMonth).toBe(1)
    const april = await dashboardSummary(f.db, f.companyId, {
      asOf: d('2026-04-02'),
      today: d('2026-04-02'),
      timeZone: f.tz,
      userId: null,
      access: everything,
    })
    expect(april.customers!.newThisMonth).toBe(1)
  })
})

describe('what a role is sent', () => {
  it('a role without a permission gets no card for it, not an empty one', async () => {
    const { f } = await business()
    const tech = await summary(f, dashboardAccess(new Set(DEFAULT_ROLE_PERMISSIONS.technician)))
    expect(Object.keys(tech).sort()).toEqual(['asOf', 'customers', 'period', 'routerJobs'])
    const cashier = await summary(
      f,
      dashboardAccess(new Set(['dashboard.view', 'payments.record'])),
    )
    expect(Object.keys(cashier).sort()).toEqual(['asOf', 'period', 'takings'])
  })
})
