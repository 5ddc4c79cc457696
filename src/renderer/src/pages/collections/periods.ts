import { periodLabel } from '@shared/billing'
import { addMonths, dateInZone, type CalendarDate } from '@shared/dates'

/** Today as the company counts days (its time zone, not the browser's). */
export function companyToday(timeZone: string): CalendarDate {
  return dateInZone(new Date(), timeZone)
}

/** The period picker's choices: this month and the eleven before it, newest first. */
export function recentPeriods(today: CalendarDate, locale: string) {
  const first = `${today.slice(0, 7)}-01` as CalendarDate
  return Array.from({ length: 12 }, (_, i) => {
    const value = addMonths(first, -i).slice(0, 7)
    return { value, label: periodLabel(value, locale) }
  })
}
