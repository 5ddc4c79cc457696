import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { CoreDeps } from '../deps'
import { JOBS, isPausable, type JobRegistry } from './registry'

/** The jobs a company has paused (no row: not paused). */
export async function pausedJobs(db: Db, companyId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('scheduled_jobs')
    .select('job')
    .where('company_id', '=', companyId)
    .where('paused', '=', 1)
    .execute()
  return new Set(rows.map((r) => r.job))
}

/**
 * Pauses or resumes a job's schedule. A paused job is left out by the scheduler and by a whole
 * day's run, but still runs when somebody starts it by name. The router queue is not the
 * schedule's to pause: its worker applies whatever people changed. The message sender's worker
 * checks the pause (a gateway that bans bursts can be given a rest).
 */
export async function setJobPaused(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  job: string,
  paused: boolean,
  registry: JobRegistry = JOBS,
): Promise<{ job: string; paused: boolean }> {
  const def = registry.find((j) => j.name === job)
  if (!def) throw new AppError('JOB_UNKNOWN', `unknown job ${job}`, { job })
  if (!isPausable(def)) {
    throw new AppError('VALIDATION', `${job} runs continuously and cannot be paused`, { job })
  }
  return writeTx(deps.db, async (tx) => {
    const at = deps.clock.now().toISOString()
    const before = await tx
      .selectFrom('scheduled_jobs')
      .select('paused')
      .where('company_id', '=', actor.companyId)
      .where('job', '=', job)
      .executeTakeFirst()
    const was = before?.paused === 1
    if (was === paused) return { job, paused }
    await tx
      .insertInto('scheduled_jobs')
      .values({
        company_id: actor.companyId,
        job,
        paused: paused ? 1 : 0,
        updated_by: actor.username,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'job'])
          .doUpdateSet({ paused: paused ? 1 : 0, updated_by: actor.username, updated_at: at }),
      )
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: paused ? 'schedule.pause' : 'schedule.resume',
      entityType: 'scheduled_job',
      entityId: job,
      before: { paused: was },
      after: { paused },
    })
    return { job, paused }
  })
}
