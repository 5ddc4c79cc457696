import { Cron } from 'croner'
import { dateInZone } from '@shared/dates'
import { isAppError } from '@shared/errors'
import { cronOf, type JobName } from '@shared/schemas'
import type { AutopilotDeps } from '../collections'
import { companyTimeZone } from '../companies'
import { writeTx } from '../db'
import { schedulerActor } from './actor'
import { jobRunsSettled, trackRun } from './background'
import { pausedJobs } from './pause'
import { JOBS, type JobRegistry } from './registry'
import { INTERRUPTED, runJob } from './run-job'

export interface SchedulerOptions {
  timeZoneOf?: (companyId: number) => Promise<string>
  registry?: JobRegistry
  /** Other croner patterns per job (tests use seconds); replaces that job's own schedule. */
  patterns?: Partial<Record<JobName, string[]>>
  /** How often new companies and changed time zones are picked up. */
  refreshMs?: number
  log?: (message: string) => void
}

export interface Scheduler {
  /** Re-reads the companies and their time zones (after setup, or a time zone change). */
  refresh(): Promise<void>
  /** When croner will next start this job for this company (null: not scheduled). */
  nextRun(companyId: number, job: JobName): Date | null
  /** Stops every timer and waits for runs still going. */
  stop(): Promise<void>
}

interface CompanyCrons {
  timeZone: string
  crons: { job: JobName; cron: Cron }[]
}

/**
 * The host's scheduler: one croner job per (company, job, schedule entry), in the company's
 * time zone. `protect` keeps a slow run from overlapping its own next tick; the run record's
 * JOB_BUSY check keeps it from overlapping a run started by hand or from the CLI. A paused job's
 * tick does nothing. Each tick acts for "today" in the company's zone, by the host's clock.
 */
/**
 * Runs the schedule or a person started in the host (never the CLI's) that are still marked
 * running when a host starts were cut off by its previous stop: closed now rather than blocking
 * their job until they go stale.
 */
async function closeInterruptedRuns(deps: AutopilotDeps): Promise<void> {
  await writeTx(deps.db, (tx) =>
    tx
      .updateTable('job_runs')
      .set({
        status: 'failed',
        error: INTERRUPTED,
        finished_at: deps.clock.now().toISOString(),
      })
      .where('status', '=', 'running')
      .where('trigger', 'in', ['schedule', 'manual'])
      .execute(),
  )
}

export async function startScheduler(
  deps: AutopilotDeps,
  options: SchedulerOptions = {},
): Promise<Scheduler> {
  const registry = options.registry ?? JOBS
  const timeZoneOf = options.timeZoneOf ?? ((id: number) => companyTimeZone(deps, id))
  const log = options.log ?? ((m: string) => console.error(m))
  const companies = new Map<number, CompanyCrons>()
  let stopped = false

  const tick = async (companyId: number, job: JobName, variant: string | null, tz: string) => {
    if (stopped) return
    try {
      if ((await pausedJobs(deps.db, companyId)).has(job) || stopped) return
      const result = await runJob(
        deps,
        {
          companyId,
          job,
          asOf: dateInZone(deps.clock.now(), tz),
          trigger: 'schedule',
          actor: schedulerActor(companyId),
          variant,
        },
        registry,
      )
      if (result.status === 'failed') log(`scheduler: ${job} failed: ${result.error}`)
    } catch (error) {
      // Busy: a run started by hand is still going; this tick simply has nothing to add.
      if (isAppError(error) && error.code === 'JOB_BUSY') return
      log(`scheduler: ${job}: ${String(error)}`)
    }
  }

  const schedule = (companyId: number, timeZone: string): CompanyCrons => {
    const crons: CompanyCrons['crons'] = []
    for (const def of registry) {
      const entries =
        options.patterns?.[def.name]?.map((pattern) => ({ pattern, variant: null })) ??
        def.when.flatMap((w) => {
          const pattern = cronOf(w)
          return pattern ? [{ pattern, variant: 'variant' in w ? (w.variant ?? null) : null }] : []
        })
      for (const { pattern, variant } of entries) {
        const cron = new Cron(pattern, { timezone: timeZone, protect: true, unref: true }, () => {
          // Tracked from the first await, so `stop` never closes the database under a tick.
          const run = tick(companyId, def.name, variant, timeZone)
          trackRun(deps.db, run)
          return run
        })
        crons.push({ job: def.name, cron })
      }
    }
    return { timeZone, crons }
  }

  const refresh = async () => {
    if (stopped) return
    const rows = await deps.db.selectFrom('companies').select('id').orderBy('id').execute()
    for (const { id } of rows) {
      const timeZone = await timeZoneOf(id)
      const current = companies.get(id)
      if (current?.timeZone === timeZone || stopped) continue
      for (const c of current?.crons ?? []) c.cron.stop()
      companies.set(id, schedule(id, timeZone))
    }
  }

  await closeInterruptedRuns(deps)
  await refresh()
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => log(`scheduler: refresh: ${String(error)}`))
  }, options.refreshMs ?? 60_000)
  timer.unref()

  return {
    refresh,
    nextRun(companyId, job) {
      const times = (companies.get(companyId)?.crons ?? [])
        .filter((c) => c.job === job)
        .map((c) => c.cron.nextRun())
        .filter((d): d is Date => d !== null)
        .sort((a, b) => a.getTime() - b.getTime())
      return times[0] ?? null
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      for (const c of companies.values()) for (const { cron } of c.crons) cron.stop()
      companies.clear()
      await jobRunsSettled(deps.db)
    },
  }
}
