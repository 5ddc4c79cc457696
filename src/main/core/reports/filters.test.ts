import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { billingFixture } from '../billing/testing'
import { addService, createCustomer } from '../customers'
import { customerInput, serviceInput } from '../customers/testing'
import { recordPayment } from '../payments'
import {
  invoicedVsCollected,
  paymentsReport,
  periodInvoices,
  receivablesByCustomer,
  receivablesByInvoice,
  receivablesSummary,
  revenueReport,
  type ReportFilters,
} from '.'

type Fixture = Awaited<ReturnType<typeof billingFixture>>
const d = calendarDate

/**
 * Ani (Cibinong, 10 Mbps), Bayu (Cibinong, 20 Mbps) and Citra (Bojonggede, 10 Mbps), billed for
 * January 2026; Ani pays in full and Citra 50.000 on 05/01.
 */
async function threeCustomers() {
  const f = await billingFixture('2026-01-01T03:00:00Z')
  const join = async (name: string, areaId: number, productId: number) => {
    const c = await createCustomer(f.deps, f.actor, customerInput(areaId, name))
    await addService(
      f.deps,
      f.actor,
      { ...serviceInput(c.id, productId), activationDate: '2025-12-01' },
      f.tz,
    )
    return c.id
  }
  const ids = {
    ani: await join('Ani', f.cbg.id, f.p10.id),
    bayu: await join('Bayu', f.cbg.id, f.p20.id),
    citra: await join('Citra', f.bjg.id, f.p10.id),
  }
  await f.run('2026-01', '2026-01-01')
  f.clock.set('2026-01-05T03:00:00Z')
  const pay = (customerId: number, amount: number) =>
    recordPayment(
      f.deps,
      f.actor,
      { customerId, amount, method: 'cash', reference: null, invoiceId: null, notes: null },
      f.tz,
    )
  await pay(ids.ani, 150_000)
  await pay(ids.citra, 50_000)
  return { f, ids }
}

/** The figures of every report for one filter, all on January 2026. */
async function figures(f: Fixture, filters: ReportFilters) {
  const range = { from: '2026-01', to: '2026-01', ...filters }
  const aging = { asOf: d('2026-01-20'), today: d('2026-01-20'), ...filters }
  const [collection, payments, revenue, invoices, byCustomer, byInvoice, summary] =
    await Promise.all([
      invoicedVsCollected(f.db, f.companyId, range),
      paymentsReport(f.db, f.companyId, { from: d('2026-01-01'), to: d('2026-01-31'), ...filters }),
      revenueReport(f.db, f.companyId, range),
      periodInvoices(f.db, f.companyId, { period: '2026-01', ...filters }),
      receivablesByCustomer(f.db, f.companyId, aging),
      receivablesByInvoice(f.db, f.companyId, aging),
      receivablesSummary(f.db, f.companyId, aging),
    ])
  return {
    invoiced: collection.totals.invoiced,
    collected: collection.totals.collected,
    payments: payments.total.amount,
    revenue: revenue.total,
    invoices: invoices.total,
    receivables: byCustomer.total,
    receivablesDetail: byInvoice.total,
    receivablesSummary: summary.total,
  }
}

/** The same figures summed over the given customers' invoices and payments, the obvious way. */
async function sumOver(f: Fixture, customerIds: number[]) {
  const invoices = await f.db
    .selectFrom('invoices')
    .select(['total', 'paid'])
    .where('customer_id', 'in', customerIds)
    .where('status', '=', 'issued')
    .execute()
  const payments = await f.db
    .selectFrom('payments')
    .select('amount')
    .where('customer_id', 'in', customerIds)
    .execute()
  const invoiced = invoices.reduce((s, i) => s + i.total, 0)
  const collected = invoices.reduce((s, i) => s + i.paid, 0)
  return {
    invoiced,
    collected,
    payments: payments.reduce((s, p) => s + p.amount, 0),
    revenue: invoiced,
    invoices: invoiced,
    receivables: invoiced - collected,
    receivablesDetail: invoiced - collected,
    receivablesSummary: invoiced - collected,
  }
}

describe('every report filters by area and package', () => {
  it('an area figure is the sum over that area’s customers only', async () => {
    const { f, ids } = await threeCustomers()
    expect(await figures(f, { areaId: f.cbg.id })).toEqual(await sumOver(f, [ids.ani, ids.bayu]))
    expect(await figures(f, { areaId: f.bjg.id })).toEqual(await sumOver(f, [ids.citra]))
  })

  it('a package figure is the sum over the customers with a service of that package only', async () => {
    const { f, ids } = await threeCustomers()
    const p10 = await figures(f, { productId: f.p10.id })
    expect(p10).toEqual(await sumOver(f, [ids.ani, ids.citra]))
    expect(p10.invoiced).toBe(300_000)
    expect(p10.receivables).toBe(100_000)
  })

  it('area and package together narrow to the customers matching both', async () => {
    const { f, ids } = await threeCustomers()
    expect(await figures(f, { areaId: f.cbg.id, productId: f.p10.id })).toEqual(
      await sumOver(f, [ids.ani]),
    )
  })

  it('without filters every customer counts, as before', async () => {
    const { f, ids } = await threeCustomers()
    expect(await figures(f, {})).toEqual(await sumOver(f, [ids.ani, ids.bayu, ids.citra]))
  })

  it('revenue of a package counts only that package’s lines', async () => {
    const { f } = await threeCustomers()
    const r = await revenueReport(f.db, f.companyId, {
      from: '2026-01',
      to: '2026-01',
      productId: f.p20.id,
    })
    expect(r.groups.flatMap((g) => g.rows.map((x) => [x.name, x.amount]))).toEqual([
      ['Rumah 20 Mbps', 200_000],
    ])
    expect(r.productId).toBe(f.p20.id)
  })
})
