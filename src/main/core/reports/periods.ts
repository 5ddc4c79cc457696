import { sql } from 'kysely'
import { addMonths, calendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'

export interface PeriodRange {
  /** `YYYY-MM`, inclusive. */
  from: string
  to: string
}

/** At most ten years in one report: enough for any question, and bounds what one call reads. */
const MAX_PERIODS = 120

export function periodsIn({ from, to }: PeriodRange): string[] {
  if (from > to) throw new AppError('VALIDATION', 'from must not be after to', { option: 'from' })
  const periods: string[] = []
  for (let p = from; p <= to; p = addMonths(calendarDate(`${p}-01`), 1).slice(0, 7)) {
    periods.push(p)
    if (periods.length > MAX_PERIODS) {
      throw new AppError('VALIDATION', `at most ${MAX_PERIODS} periods`, { option: 'to' })
    }
  }
  return periods
}

/**
 * The period an invoice belongs to: its billing period, or for an invoice of one-time charges
 * (no period) the month it was issued in.
 */
export const invoicePeriod = sql<string>`COALESCE(i.period, substr(i.issue_date, 1, 7))`

/**
 * Issued invoices of the periods `from`–`to`. Written as two ranges so SQLite can use
 * invoices_period_idx for period invoices and invoices_issue_idx for one-time ones.
 */
export function inPeriods(companyId: number, { from, to }: PeriodRange) {
  const end = addMonths(calendarDate(`${to}-01`), 1)
  return sql`i.company_id = ${companyId} AND i.status = 'issued' AND (
    i.period BETWEEN ${from} AND ${to}
    OR (i.period IS NULL AND i.issue_date >= ${`${from}-01`} AND i.issue_date < ${end}))`
}
