import { addMonths, calendarDate, daysInMonth, type CalendarDate } from './dates'

/**
 * The first day of the next billing period after `today` for a service: the next fixed billing
 * day, or the next activation anniversary (snapping to the month end, BILLING.md rule 2).
 */
export function nextPeriodStart(
  today: CalendarDate,
  schedule: { billingDay: number | null; activationDate: string | null },
): CalendarDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const anchor =
    schedule.billingDay ??
    (schedule.activationDate ? Number(schedule.activationDate.slice(8, 10)) : 1)
  const thisMonth = calendarDate(
    `${y}-${String(m).padStart(2, '0')}-${String(Math.min(anchor, daysInMonth(y, m))).padStart(2, '0')}`,
  )
  if (Number(thisMonth.slice(8, 10)) > d) return thisMonth
  return addMonths(thisMonth, 1, anchor)
}
