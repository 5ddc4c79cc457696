import { sql } from 'kysely'
import type { Db } from '../db'
import { customerFilter, filtersOf, type ReportFilters } from './filters'
import { inPeriods, invoicePeriod, periodsIn, type PeriodRange } from './periods'

export interface CollectionRow {
  period: string
  invoices: number
  invoiced: number
  /** What live allocations (payments, credit, credit notes) have paid on those invoices. */
  collected: number
  outstanding: number
  /** collected / invoiced in percent, one decimal; null when nothing was invoiced. */
  rate: number | null
}

export interface CollectionReport extends PeriodRange, ReportFilters {
  periods: CollectionRow[]
  totals: Omit<CollectionRow, 'period'>
}

export function collectionRate(collected: number, invoiced: number): number | null {
  return invoiced > 0 ? Math.round((collected / invoiced) * 1000) / 10 : null
}

/** Invoiced vs collected per period, every period of the range listed (empty ones as zeros). */
export async function invoicedVsCollected(
  db: Db,
  companyId: number,
  range: PeriodRange & ReportFilters,
): Promise<CollectionReport> {
  const periods = periodsIn(range)
  // `paid` is the sum of the invoice's live allocations, kept in the same transaction.
  const { rows } = await sql<{
    period: string
    invoices: number
    invoiced: number
    collected: number
  }>`SELECT ${invoicePeriod} AS period, COUNT(*) AS invoices, SUM(i.total) AS invoiced,
      SUM(i.paid) AS collected
    FROM invoices i WHERE ${inPeriods(companyId, range)}${customerFilter('i.customer_id', range)}
    GROUP BY 1`.execute(db)
  const found = new Map(rows.map((r) => [r.period, r]))
  const list = periods.map((period): CollectionRow => {
    const r = found.get(period)
    const invoiced = r?.invoiced ?? 0
    const collected = r?.collected ?? 0
    return {
      period,
      invoices: r?.invoices ?? 0,
      invoiced,
      collected,
      outstanding: invoiced - collected,
      rate: collectionRate(collected, invoiced),
    }
  })
  const sum = (k: 'invoices' | 'invoiced' | 'collected') => list.reduce((s, r) => s + r[k], 0)
  const invoiced = sum('invoiced')
  const collected = sum('collected')
  return {
    from: range.from,
    to: range.to,
    ...filtersOf(range),
    periods: list,
    totals: {
      invoices: sum('invoices'),
      invoiced,
      collected,
      outstanding: invoiced - collected,
      rate: collectionRate(collected, invoiced),
    },
  }
}
