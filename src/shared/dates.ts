/**
 * Calendar dates (`YYYY-MM-DD`) are computed in the company's time zone; instants are ISO-8601 UTC.
 * Pure arithmetic on calendar dates happens in UTC so no daylight or offset can shift a day.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' }

export const COMPANY_TIME_ZONES = [
  { id: 'Asia/Jakarta', label: 'WIB' },
  { id: 'Asia/Makassar', label: 'WITA' },
  { id: 'Asia/Jayapura', label: 'WIT' },
] as const

export type CompanyTimeZone = (typeof COMPANY_TIME_ZONES)[number]['id']
export const DEFAULT_TIME_ZONE: CompanyTimeZone = 'Asia/Jakarta'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isCalendarDate(text: string): text is CalendarDate {
  const m = DATE_RE.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

export function calendarDate(text: string): CalendarDate {
  if (!isCalendarDate(text)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`)
  return text
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const formatterCache = new Map<string, Intl.DateTimeFormat>()
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatterCache.set(timeZone, f)
  }
  return f
}

/** The calendar date an instant falls on in a time zone (midnight belongs to the new day). */
export function dateInZone(instant: Date, timeZone: string): CalendarDate {
  const parts = partsFormatter(timeZone).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return calendarDate(`${get('year')}-${get('month')}-${get('day')}`)
}

function toUtc(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10) as CalendarDate
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = toUtc(date)
  t.setUTCDate(t.getUTCDate() + days)
  return fromUtc(t)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000)
}

/**
 * The same day-of-month `months` later, snapped to the month's last day when it does not exist
 * (31 Jan + 1 month = 28/29 Feb). Anniversaries keep their own day: pass the original day.
 */
export function addMonths(date: CalendarDate, months: number, anchorDay?: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const day = Math.min(anchorDay ?? d, daysInMonth(year, month))
  return calendarDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  )
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The UTC instant at which a calendar date begins in a time zone. Indonesian zones have fixed
 * offsets, but this works for any zone by measuring the offset at that moment.
 */
export function startOfDayInZone(date: CalendarDate, timeZone: string): Date {
  const guess = toUtc(date)
  const offsetMs = zoneOffsetMs(guess, timeZone)
  const instant = new Date(guess.getTime() - offsetMs)
  // Re-measure at the candidate instant in case an offset change falls in between.
  const second = zoneOffsetMs(instant, timeZone)
  return second === offsetMs ? instant : new Date(guess.getTime() - second)
}

function zoneOffsetMs(instant: Date, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]))
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** "22 Nov 2026" style, for display only. */
export function formatDate(date: CalendarDate, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(toUtc(date))
}

/** An instant shown as local date and time in the company's zone, e.g. "22/11/2026 10.15". */
export function formatInstant(iso: string, timeZone: string, locale = 'id-ID'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso))
}

/**
 * What a person types as a date, read the Indonesian way: day first ("4/12/2026", "04-12-2026",
 * "4.12.2026"), or `YYYY-MM-DD` pasted from elsewhere. Only a four-digit year counts, so a date
 * half typed ("4/12/2") is not taken for another one. Null when it is not a real day.
 */
export function parseDisplayDate(text: string): CalendarDate | null {
  const trimmed = text.trim()
  if (isCalendarDate(trimmed)) return trimmed
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed)
  if (!m) return null
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return isCalendarDate(iso) ? iso : null
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, the way dates are written on Loket's screens and papers. */
export function formatShortDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-')
  return `${d}/${m}/${y}`
}
