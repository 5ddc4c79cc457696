import { addMonths, calendarDate, dateInZone, type CalendarDate } from '@shared/dates'

/** What each report opens with: as of today, this month so far, the last six periods. */
export interface ReportDefaults {
  today: CalendarDate
  monthStart: CalendarDate
  thisPeriod: string
  sixPeriodsAgo: string
}

export function reportDefaults(now: Date, timeZone: string): ReportDefaults {
  const today = dateInZone(now, timeZone)
  const monthStart = calendarDate(`${today.slice(0, 7)}-01`)
  return {
    today,
    monthStart,
    thisPeriod: today.slice(0, 7),
    sixPeriodsAgo: addMonths(monthStart, -5).slice(0, 7),
  }
}

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** A range the API will accept: both ends filled in the right shape, the start not after the end. */
export function validRange(from: string, to: string, kind: 'period' | 'date'): boolean {
  const re = kind === 'period' ? PERIOD_RE : DATE_RE
  return re.test(from) && re.test(to) && from <= to
}
