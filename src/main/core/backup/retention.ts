import { dateInZone, type CalendarDate } from '@shared/dates'

/** How many of each period's newest backup to keep (issue 15: 7 daily, 4 weekly, 12 monthly). */
export interface RetentionPolicy {
  daily: number
  weekly: number
  monthly: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 }

export interface Dated {
  file: string
  /** ISO-8601 instant. */
  createdAt: string
}

export interface RetentionPlan {
  keep: string[]
  remove: string[]
}

/**
 * Which backups to keep: for each of the last `daily` days that have a backup, that day's newest;
 * likewise for ISO weeks and calendar months, all in the company's time zone. A backup kept by any
 * rule stays; the newest backup always stays. Periods are counted among those that have a backup,
 * not on the calendar: a host that was off for three weeks still keeps its last seven days of
 * backups rather than deleting everything older than a week.
 */
export function planRetention(
  backups: Dated[],
  timeZone: string,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): RetentionPlan {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const keep = new Set<string>()
  if (newestFirst[0]) keep.add(newestFirst[0].file)
  const rules: [number, (day: CalendarDate) => string][] = [
    [policy.daily, (day) => day],
    [policy.weekly, isoWeek],
    [policy.monthly, (day) => day.slice(0, 7)],
  ]
  for (const [count, periodOf] of rules) {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      if (seen.size >= count) break
      const period = periodOf(dateInZone(new Date(backup.createdAt), timeZone))
      if (seen.has(period)) continue
      seen.add(period)
      keep.add(backup.file)
    }
  }
  return {
    keep: newestFirst.filter((b) => keep.has(b.file)).map((b) => b.file),
    remove: newestFirst.filter((b) => !keep.has(b.file)).map((b) => b.file),
  }
}

/** `2026-W49`: the ISO week (Monday first; week 1 holds the year's first Thursday). */
export function isoWeek(day: CalendarDate): string {
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000
  const week = Math.floor((thursday.getTime() - firstMonday) / (7 * 86_400_000)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}
