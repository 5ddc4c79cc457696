import type { BillingMode } from '@shared/catalog'
import { addMonths, calendarDate, daysInMonth, type CalendarDate } from '@shared/dates'

/** A billing period, half-open `[start, end)` on calendar dates (BILLING.md 1). */
export interface Period {
  start: CalendarDate
  end: CalendarDate
}

/**
 * The day of the month a service's periods start on: its fixed billing day (1–28), else its
 * activation anniversary (which may be 29–31 and snaps to short months' last day, rule 2).
 */
export function anchorDay(
  service: { billing_day: number | null; activation_date: string | null },
  defaultDay: number,
): number {
  if (service.billing_day) return service.billing_day
  if (service.activation_date) return Number(service.activation_date.slice(8, 10))
  return defaultDay
}

/** The period that starts in month `period` (`YYYY-MM`) for this anchor day. */
export function periodStartingIn(period: string, anchor: number): Period {
  const [y, m] = period.split('-').map(Number) as [number, number]
  const day = Math.min(anchor, daysInMonth(y, m))
  const start = calendarDate(`${period}-${String(day).padStart(2, '0')}`)
  return { start, end: addMonths(start, 1, anchor) }
}

/**
 * What the invoice dated in month `period` covers (rule 3): prepaid, the period starting then;
 * postpaid, the period that just ended.
 */
export function coveredPeriod(period: string, anchor: number, mode: BillingMode): Period {
  const current = periodStartingIn(period, anchor)
  if (mode === 'prepaid') return current
  return { start: addMonths(current.start, -1, anchor), end: current.start }
}

/** The period `[start, end)` that contains a date. */
export function periodContaining(date: CalendarDate, anchor: number): Period {
  const here = periodStartingIn(date.slice(0, 7), anchor)
  if (here.start <= date) return here
  return { start: addMonths(here.start, -1, anchor), end: here.start }
}
