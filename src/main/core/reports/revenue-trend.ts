import { sql } from 'kysely'
import { addMonths, calendarDate } from '@shared/dates'
import type { Db } from '../db'
import { customerFilter, filtersOf, type ReportFilters } from './filters'
import { inPeriods, invoicePeriod, periodsIn } from './periods'

export interface RevenueTrendRow {
  period: string
  amount: number
  /** The same month a year earlier. */
  previousPeriod: string
  previousAmount: number
  /** amount against previousAmount in percent, one decimal; null when a year earlier was 0. */
  change: number | null
}

export interface RevenueTrendReport extends ReportFilters {
  /** The last month of the twelve (`YYYY-MM`). */
  to: string
  months: RevenueTrendRow[]
  total: number
  previousTotal: number
  change: number | null
}

export const changePercent = (now: number, before: number): number | null =>
  before !== 0 ? Math.round(((now - before) / Math.abs(before)) * 1000) / 10 : null

const shift = (period: string, months: number) =>
  addMonths(calendarDate(`${period}-01`), months).slice(0, 7)

/**
 * Revenue of the twelve months up to `to` beside the same months a year earlier: per month what
 * the revenue report gives for that month alone (invoice lines of issued invoices by billing
 * period, plus voucher sales by sale date), read in one pass over the 24 months.
 */
export async function revenueTrend(
  db: Db,
  companyId: number,
  params: { to: string } & ReportFilters,
): Promise<RevenueTrendReport> {
  const first = shift(params.to, -23)
  const periods = periodsIn({ from: first, to: params.to })
  const range = { from: first, to: params.to }
  const productLines =
    params.productId === undefined ? sql`` : sql` AND l.product_id = ${params.productId}`
  const { rows } = await sql<{ period: string; amount: number }>`SELECT ${invoicePeriod} AS period,
      SUM(l.amount) AS amount
    FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
    WHERE ${inPeriods(companyId, range)}${customerFilter('i.customer_id', { areaId: params.areaId })}${productLines}
    GROUP BY 1`.execute(db)
  const amounts = new Map<string, number>()
  const add = (period: string, amount: number) =>
    amounts.set(period, (amounts.get(period) ?? 0) + Number(amount))
  for (const r of rows) add(r.period, r.amount)
  // Voucher sales belong to no customer or package, as in the revenue report.
  if (params.areaId === undefined && params.productId === undefined) {
    const end = addMonths(calendarDate(`${params.to}-01`), 1)
    const { rows: sales } = await sql<{ period: string; amount: number }>`SELECT
        substr(sale_date, 1, 7) AS period, SUM(amount) AS amount
      FROM hotspot_sales
      WHERE company_id = ${companyId} AND sale_date >= ${`${first}-01`} AND sale_date < ${end}
      GROUP BY 1`.execute(db)
    for (const s of sales) add(s.period, s.amount)
  }
  const months = periods.slice(12).map((period): RevenueTrendRow => {
    const previousPeriod = shift(period, -12)
    const amount = amounts.get(period) ?? 0
    const previousAmount = amounts.get(previousPeriod) ?? 0
    return {
      period,
      amount,
      previousPeriod,
      previousAmount,
      change: changePercent(amount, previousAmount),
    }
  })
  const total = months.reduce((s, m) => s + m.amount, 0)
  const previousTotal = months.reduce((s, m) => s + m.previousAmount, 0)
  return {
    to: params.to,
    ...filtersOf(params),
    months,
    total,
    previousTotal,
    change: changePercent(total, previousTotal),
  }
}
