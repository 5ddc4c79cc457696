import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  calendarDate,
  dateInZone,
  daysBetween,
  formatShortDate,
  isCalendarDate,
  parseDisplayDate,
  startOfDayInZone,
} from './dates'

const d = calendarDate

describe('calendar dates in the company time zone', () => {
  it('17:30 UTC is already the next day in WIB (UTC+7) but not in UTC', () => {
    const instant = new Date('2026-01-31T17:30:00Z')
    expect(dateInZone(instant, 'Asia/Jakarta')).toBe('2026-02-01')
    expect(dateInZone(instant, 'UTC')).toBe('2026-01-31')
  })

  it('WITA (UTC+8) and WIT (UTC+9) turn the day earlier', () => {
    const instant = new Date('2026-03-31T15:30:00Z')
    expect(dateInZone(instant, 'Asia/Jakarta')).toBe('2026-03-31')
    expect(dateInZone(instant, 'Asia/Makassar')).toBe('2026-03-31')
    expect(dateInZone(instant, 'Asia/Jayapura')).toBe('2026-04-01')
  })

  it('a day in WIB starts at 17:00 UTC the day before', () => {
    expect(startOfDayInZone(d('2026-11-22'), 'Asia/Jakarta').toISOString()).toBe(
      '2026-11-21T17:00:00.000Z',
    )
    expect(startOfDayInZone(d('2026-11-22'), 'Asia/Jayapura').toISOString()).toBe(
      '2026-11-21T15:00:00.000Z',
    )
  })

  it('validates real dates only', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('22/11/2026')).toBe(false)
  })

  it('adds days across month and year ends', () => {
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01')
    expect(addDays(d('2026-03-01'), -1)).toBe('2026-02-28')
    expect(daysBetween(d('2026-01-17'), d('2026-02-01'))).toBe(15)
  })

  it('anniversaries snap to the month end and back: 31 Jan → 28 Feb → 31 Mar → 30 Apr', () => {
    const start = d('2026-01-31')
    expect(addMonths(start, 1, 31)).toBe('2026-02-28')
    expect(addMonths(start, 2, 31)).toBe('2026-03-31')
    expect(addMonths(start, 3, 31)).toBe('2026-04-30')
    expect(addMonths(d('2028-01-31'), 1, 31)).toBe('2028-02-29')
  })
})

describe('dates typed the Indonesian way, day first', () => {
  it.each([
    ['4/12/2026', '2026-12-04'],
    ['04/12/2026', '2026-12-04'],
    ['4-12-2026', '2026-12-04'],
    ['4.12.2026', '2026-12-04'],
    [' 31/01/2027 ', '2027-01-31'],
    ['2026-12-04', '2026-12-04'],
  ])('%s is %s', (text, date) => {
    expect(parseDisplayDate(text)).toBe(date)
  })

  it.each(['12/31/2026', '31/02/2026', '4/12/26', '4/12/2', '', 'besok'])(
    '%s is not a date',
    (text) => {
      expect(parseDisplayDate(text)).toBeNull()
    },
  )

  it('writes a date as dd/mm/yyyy', () => {
    expect(formatShortDate(calendarDate('2026-12-04'))).toBe('04/12/2026')
  })
})
