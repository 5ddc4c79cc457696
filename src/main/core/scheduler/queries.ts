import { AppError } from '@shared/errors'
import { cronOf, type JobName, type JobRunsInput, type JobWhen } from '@shared/schemas'
import { companyTimeZone } from '../companies'
import type { Db } from '../db'
import type { CoreDeps } from '../deps'
import { nextRunTimes } from './next-runs'
import { pausedJobs } from './pause'
import { JOBS, isContinuous, isPausable, type JobRegistry } from './registry'
import { toRunView, type JobRunView } from './run-view'

export interface JobOverview {
  name: JobName
  when: JobWhen[]
  /** croner patterns, company time zone (empty: continuous). */
  cron: string[]
  continuous: boolean
  pausable: boolean
  paused: boolean
  /** ISO instant of the next scheduled start (null: continuous). */
  nextRun: string | null
  lastRun: JobRunView | null
}

/** The latest run of each job (one indexed look-up per job). */
async function lastRuns(db: Db, companyId: number, names: string[]) {
  const runs = new Map<string, JobRunView>()
  for (const job of names) {
    const row = await db
      .selectFrom('job_runs')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('job', '=', job)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (row) runs.set(job, toRunView(row))
  }
  return runs
}

/** The schedule page's table: every job, when it runs next, whether paused, its last run. */
export async function listJobs(
  deps: CoreDeps,
  companyId: number,
  registry: JobRegistry = JOBS,
): Promise<JobOverview[]> {
  const timeZone = await companyTimeZone(deps, companyId)
  const paused = await pausedJobs(deps.db, companyId)
  const last = await lastRuns(
    deps.db,
    companyId,
    registry.map((j) => j.name),
  )
  const now = deps.clock.now()
  return registry.map((def) => ({
    name: def.name,
    when: def.when,
    cron: def.when.map(cronOf).filter((c): c is string => c !== null),
    continuous: isContinuous(def),
    pausable: isPausable(def),
    paused: paused.has(def.name),
    nextRun: nextRunTimes(def.when, timeZone, now, 1)[0]?.toISOString() ?? null,
    lastRun: last.get(def.name) ?? null,
  }))
}

/** The next `count` start times of one job (the page's preview). */
export async function previewJob(
  deps: CoreDeps,
  companyId: number,
  job: string,
  count: number,
  registry: JobRegistry = JOBS,
): Promise<string[]> {
  const def = registry.find((j) => j.name === job)
  if (!def) throw new AppError('JOB_UNKNOWN', `unknown job ${job}`, { job })
  const timeZone = await companyTimeZone(deps, companyId)
  return nextRunTimes(def.when, timeZone, deps.clock.now(), count).map((d) => d.toISOString())
}

/** Run history, newest first, filtered by job and status, a page at a time. */
export async function listRuns(
  db: Db,
  companyId: number,
  filter: JobRunsInput,
): Promise<{ rows: JobRunView[]; total: number }> {
  let q = db.selectFrom('job_runs').where('company_id', '=', companyId)
  if (filter.job) q = q.where('job', '=', filter.job)
  if (filter.status) q = q.where('status', '=', filter.status)
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute()
  return { rows: rows.map(toRunView), total: Number(n) }
}

export async function getRun(db: Db, companyId: number, id: number): Promise<JobRunView> {
  const row = await db
    .selectFrom('job_runs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `job run ${id}`)
  return toRunView(row)
}
