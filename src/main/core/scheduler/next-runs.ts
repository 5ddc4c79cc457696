import { Cron } from 'croner'
import { cronOf, type JobWhen } from '@shared/schemas'

/**
 * The next times a schedule fires after `from`, as croner computes them in the company's time
 * zone (merged over the schedule's entries, earliest first). Empty for a continuous job.
 */
export function nextRunTimes(when: JobWhen[], timeZone: string, from: Date, count = 1): Date[] {
  const times = new Map<number, Date>()
  for (const w of when) {
    const pattern = cronOf(w)
    if (!pattern) continue
    // No callback: croner only computes, nothing is scheduled.
    const cron = new Cron(pattern, { timezone: timeZone })
    for (const d of cron.nextRuns(count, from)) times.set(d.getTime(), d)
  }
  return [...times.values()].sort((a, b) => a.getTime() - b.getTime()).slice(0, count)
}
