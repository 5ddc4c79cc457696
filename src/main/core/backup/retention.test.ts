import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { isoWeek, planRetention, type Dated } from './retention'

const JAKARTA = 'Asia/Jakarta'

/** A backup at 02:30 Jakarta time (19:30 UTC the day before) on each day from `first`, `days` long. */
function dailyBackups(first: string, days: number): Dated[] {
  const start = new Date(`${first}T02:30:00+07:00`).getTime()
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(start + i * 86_400_000).toISOString()
    return { file: `b-${at.slice(0, 10)}`, createdAt: at }
  })
}

describe('retention: 7 daily, 4 weekly, 12 monthly', () => {
  it('a year and a half of daily backups keeps the last 7 days, 4 Sundays and 12 month ends', () => {
    // 2025-06-01 … 2026-12-04 (Friday), one backup a day.
    const backups = dailyBackups('2025-06-01', 552)
    expect(backups.at(-1)!.file).toBe('b-2026-12-03') // UTC date of 02:30 WIB on 4 Dec
    const { keep, remove } = planRetention(backups, JAKARTA)
    const jakartaDay = (file: string) => {
      const b = backups.find((x) => x.file === file)!
      return new Date(new Date(b.createdAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
    }
    const kept = keep.map(jakartaDay)
    expect(kept).toEqual([
      // daily: 28 Nov … 4 Dec
      '2026-12-04',
      '2026-12-03',
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
      '2026-11-28',
      // weekly: this week's newest is 4 Dec (kept), then the Sundays ending the three weeks before
      '2026-11-22',
      '2026-11-15',
      // monthly: December (4 Dec) and November (30 Nov) are kept already; then each month's last
      '2026-10-31',
      '2026-09-30',
      '2026-08-31',
      '2026-07-31',
      '2026-06-30',
      '2026-05-31',
      '2026-04-30',
      '2026-03-31',
      '2026-02-28',
      '2026-01-31',
    ])
    expect(keep.length + remove.length).toBe(552)
    expect(new Set([...keep, ...remove]).size).toBe(552)
  })

  it('periods are counted among backups that exist: a host off for weeks keeps its last 7', () => {
    const before = dailyBackups('2026-10-01', 10) // 1–10 October
    const after = dailyBackups('2026-11-20', 2) // then nothing until 20 November
    const { keep } = planRetention([...before, ...after], JAKARTA, {
      daily: 7,
      weekly: 0,
      monthly: 0,
    })
    expect(keep).toHaveLength(7)
    expect(keep.slice(2)).toEqual(
      before
        .slice(-5)
        .reverse()
        .map((b) => b.file),
    )
  })

  it('the day is the company’s: 23:30 UTC is already the next day in Jakarta', () => {
    const backups: Dated[] = [
      { file: 'late', createdAt: '2026-12-03T23:30:00Z' }, // 4 Dec 06:30 WIB
      { file: 'early', createdAt: '2026-12-03T01:00:00Z' }, // 3 Dec 08:00 WIB
      { file: 'earlier', createdAt: '2026-12-03T00:30:00Z' }, // 3 Dec 07:30 WIB
    ]
    const daily = { daily: 7, weekly: 0, monthly: 0 }
    expect(planRetention(backups, JAKARTA, daily).remove).toEqual(['earlier'])
    expect(planRetention(backups, 'UTC', daily).remove).toEqual(['early', 'earlier'])
  })

  it('nothing to keep by policy still keeps the newest; none in, none out', () => {
    const none = { daily: 0, weekly: 0, monthly: 0 }
    expect(planRetention(dailyBackups('2026-12-01', 3), JAKARTA, none).keep).toHaveLength(1)
    expect(planRetention([], JAKARTA)).toEqual({ keep: [], remove: [] })
  })

  it('ISO weeks: Monday starts a week; the year of its Thursday names it', () => {
    expect(isoWeek(calendarDate('2026-11-30'))).toBe('2026-W49') // Monday
    expect(isoWeek(calendarDate('2026-12-06'))).toBe('2026-W49') // Sunday
    expect(isoWeek(calendarDate('2026-12-07'))).toBe('2026-W50')
    expect(isoWeek(calendarDate('2027-01-01'))).toBe('2026-W53') // Friday of the last week of 2026
    expect(isoWeek(calendarDate('2025-12-29'))).toBe('2026-W01')
  })
})
