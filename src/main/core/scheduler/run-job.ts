import { isCalendarDate } from '@shared/dates'
import { AppError, isAppError } from '@shared/errors'
import type { JobName, JobTrigger } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import type { AutopilotDeps } from '../collections'
import { companyTimeZone } from '../companies'
import { writeTx } from '../db'
import type { JobContext } from '../deps'
import { notify } from '../notifications'
import { errorText } from './error-text'
import { JOBS, type JobDef, type JobRegistry } from './registry'
import { toRunView, type JobRunView } from './run-view'
import { pausedJobs } from './pause'

/**
 * A run still marked `running` after this long belongs to a host that stopped mid-run (power
 * cut, killed process): it is closed as failed instead of blocking its job forever.
 */
export const STALE_RUN_MS = 2 * 60 * 60 * 1000

export const INTERRUPTED =
  'Terhenti sebelum selesai (host mati atau dihentikan saat tugas berjalan).'

export interface JobRunRequest {
  companyId: number
  job: string
  /** The business day the run acts for, `YYYY-MM-DD` in the company's time zone. */
  asOf: string
  trigger: JobTrigger
  actor: Actor & { companyId: number }
  /** The schedule entry's variant (the hourly failure check); null otherwise. */
  variant?: string | null
}

export type JobRunResult = JobRunView & { detail?: Record<string, unknown> }

export interface StartedJob {
  runId: number
  /** Settles when the run is recorded as done or failed; rejects only if recording fails. */
  done: Promise<JobRunResult>
}

function jobDef(registry: JobRegistry, name: string): JobDef {
  const def = registry.find((j) => j.name === name)
  if (!def) throw new AppError('JOB_UNKNOWN', `unknown job ${name}`, { job: name })
  return def
}

/**
 * Records the run as `running` (refusing a second one of the same job and company) and starts
 * it; the caller gets the run's id at once and the outcome through `done`.
 */
export async function startJob(
  deps: AutopilotDeps,
  req: JobRunRequest,
  registry: JobRegistry = JOBS,
): Promise<StartedJob> {
  const def = jobDef(registry, req.job)
  if (!isCalendarDate(req.asOf)) {
    throw new AppError('VALIDATION', `not a date: ${req.asOf}`, { option: 'as-of' })
  }
  const timeZone = await companyTimeZone(deps, req.companyId)
  const runId = await writeTx(deps.db, async (tx) => {
    const now = deps.clock.now()
    const running = await tx
      .selectFrom('job_runs')
      .select(['id', 'started_at'])
      .where('company_id', '=', req.companyId)
      .where('job', '=', def.name)
      .where('status', '=', 'running')
      .execute()
    for (const r of running) {
      if (now.getTime() - Date.parse(r.started_at) < STALE_RUN_MS) {
        throw new AppError('JOB_BUSY', `job ${def.name} is running (run ${r.id})`, {
          job: def.name,
          runId: r.id,
        })
      }
      await tx
        .updateTable('job_runs')
        .set({
          status: 'failed',
          error: INTERRUPTED,
          finished_at: now.toISOString(),
        })
        .where('id', '=', r.id)
        .execute()
    }
    const row = await tx
      .insertInto('job_runs')
      .values({
        company_id: req.companyId,
        job: def.name,
        as_of: req.asOf,
        trigger: req.trigger,
        status: 'running',
        username: req.actor.username,
        started_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (req.trigger !== 'schedule') {
      await appendAudit(tx, deps.clock, req.actor, {
        action: 'schedule.run',
        entityType: 'job_run',
        entityId: row.id,
        after: { job: def.name, as_of: req.asOf, trigger: req.trigger },
      })
    }
    return row.id
  })
  const ctx: JobContext = {
    companyId: req.companyId,
    asOf: req.asOf,
    timeZone,
    actor: req.actor,
    runId,
    trigger: req.trigger,
  }
  return { runId, done: finish(deps, def, ctx, req.variant ?? null) }
}

async function finish(
  deps: AutopilotDeps,
  def: JobDef,
  ctx: JobContext,
  variant: string | null,
): Promise<JobRunResult> {
  let outcome: Awaited<ReturnType<JobDef['run']>> | null = null
  let failure: string | null = null
  try {
    outcome = await def.run(deps, ctx, variant)
  } catch (error) {
    failure = errorText(error)
  }
  const row = await writeTx(deps.db, async (tx) => {
    const at = deps.clock.now().toISOString()
    const updated = await tx
      .updateTable('job_runs')
      .set({
        status: failure === null ? 'done' : 'failed',
        counts_json: JSON.stringify(outcome?.counts ?? {}),
        error: failure,
        finished_at: at,
      })
      .where('id', '=', ctx.runId!)
      .returningAll()
      .executeTakeFirstOrThrow()
    // Nobody watches a scheduled run: its failure has to reach the office. One notice per job
    // and day, however often a ten-minute job fails.
    if (failure !== null && ctx.trigger === 'schedule') {
      await notify(
        tx,
        ctx.companyId,
        [
          {
            kind: 'job_failed',
            params: { job: def.name, date: ctx.asOf },
            link: `/schedule?job=${def.name}&status=failed`,
            permission: 'schedule.view',
            dedupeKey: `job_failed:${def.name}:${ctx.asOf}`,
          },
        ],
        at,
      )
    }
    return updated
  })
  return { ...toRunView(row), ...(outcome?.detail ? { detail: outcome.detail } : {}) }
}

/** Runs one job to the end and returns its recorded run (failed runs too: see `status`). */
export async function runJob(
  deps: AutopilotDeps,
  req: JobRunRequest,
  registry: JobRegistry = JOBS,
): Promise<JobRunResult> {
  return (await startJob(deps, req, registry)).done
}

/** A job the day left out, and why. */
export interface SkippedDailyJob {
  job: JobName
  status: 'paused' | 'busy'
}

export type DailyItem = JobRunResult | SkippedDailyJob

/**
 * Everything a day runs, in the scheduler's order (`jobs run daily`): how tests and operators
 * replay a day. Paused jobs are left out; a job already running elsewhere is reported as busy
 * rather than stopping the rest of the day.
 */
export async function runDaily(
  deps: AutopilotDeps,
  req: Omit<JobRunRequest, 'job' | 'variant'>,
  registry: JobRegistry = JOBS,
): Promise<DailyItem[]> {
  const paused = await pausedJobs(deps.db, req.companyId)
  const items: DailyItem[] = []
  for (const def of registry) {
    if (paused.has(def.name)) {
      items.push({ job: def.name, status: 'paused' })
      continue
    }
    try {
      items.push(await runJob(deps, { ...req, job: def.name }, registry))
    } catch (error) {
      if (!isAppError(error) || error.code !== 'JOB_BUSY') throw error
      items.push({ job: def.name, status: 'busy' })
    }
  }
  return items
}
