import { sql, type Kysely } from 'kysely'
import type { KnownDeviceJobKind } from '@shared/device-jobs'
import type { Database, DeviceJobRow } from '../db'

/**
 * The durable device queue (DESIGN.md): requests never talk to a router. They record the intended
 * state and leave a job here; the worker (core/network) applies it with the router's one persistent
 * connection, retrying with backoff while the router is down.
 */
export type DeviceJobKind = KnownDeviceJobKind | (string & {})

export interface NewDeviceJob {
  companyId: number
  routerId: number
  serviceId?: number | null
  kind: DeviceJobKind
  /** What the job is about when it is not a service: a secret's name, a voucher batch's id… */
  target?: string
  payload?: unknown
  reason?: string | null
  by?: string | null
}

/**
 * Adds jobs, or makes the open job for the same thing due again now: ten changes to a service
 * before its router answers leave one job, which applies the state as it is when it runs. Many
 * jobs (an isolir batch of thousands) go in a few multi-row statements.
 */
export async function enqueueDeviceJobs(
  tx: Kysely<Database>,
  jobs: NewDeviceJob[],
  now: Date,
): Promise<void> {
  const at = now.toISOString()
  for (let i = 0; i < jobs.length; i += 500) {
    const values = jobs.slice(i, i + 500).map(
      (job) => sql`(${job.companyId}, ${job.routerId}, ${job.serviceId ?? null}, ${job.kind},
        ${job.target ?? ''}, ${JSON.stringify(job.payload ?? {})}, 'pending', 0, 0, ${at},
        ${job.reason ?? null}, ${job.by ?? null}, ${at}, ${at})`,
    )
    await sql`INSERT INTO device_jobs (company_id, router_id, service_id, kind, target, payload, status,
        attempts, revision, next_attempt_at, reason, created_by, created_at, updated_at)
      VALUES ${sql.join(values)}
      ON CONFLICT (router_id, kind, coalesce(service_id, 0), target) WHERE status != 'done'
      DO UPDATE SET status = 'pending', attempts = 0, revision = device_jobs.revision + 1,
        next_attempt_at = excluded.next_attempt_at, payload = excluded.payload,
        reason = coalesce(excluded.reason, device_jobs.reason), last_error = NULL,
        created_by = coalesce(excluded.created_by, device_jobs.created_by),
        updated_at = excluded.updated_at`.execute(tx)
  }
}

export function enqueueDeviceJob(tx: Kysely<Database>, job: NewDeviceJob, now: Date) {
  return enqueueDeviceJobs(tx, [job], now)
}

/**
 * Services that have a router get their router brought in line after every change; returns how
 * many were queued (services without a router have nothing to apply).
 */
export async function queueServiceSyncs(
  tx: Kysely<Database>,
  services: { id: number; company_id: number; router_id: number | null }[],
  context: { reason?: string | null; by?: string | null },
  now: Date,
): Promise<number> {
  const jobs = services.flatMap((s): NewDeviceJob[] =>
    s.router_id === null
      ? []
      : [
          {
            companyId: s.company_id,
            routerId: s.router_id,
            serviceId: s.id,
            kind: 'service.sync',
            reason: context.reason ?? null,
            by: context.by ?? null,
          },
        ],
  )
  await enqueueDeviceJobs(tx, jobs, now)
  return jobs.length
}

export async function queueServiceSync(
  tx: Kysely<Database>,
  service: { id: number; company_id: number; router_id: number | null },
  context: { reason?: string | null; by?: string | null },
  now: Date,
): Promise<boolean> {
  return (await queueServiceSyncs(tx, [service], context, now)) > 0
}

/** Seconds before the n-th retry: quick at first (a router rebooting), then no more than hourly. */
export function retryDelaySeconds(attempt: number): number {
  const steps = [10, 30, 60, 120, 300, 600, 1800, 3600]
  return steps[Math.min(attempt - 1, steps.length - 1)] ?? 3600
}

/** After this many failed tries a job waits for a person (the queue page's retry button). */
export const MAX_ATTEMPTS = 12

export async function dueDeviceJobs(
  db: Kysely<Database>,
  filter: {
    companyId?: number
    routerId?: number
    now: Date
    ignoreBackoff?: boolean
    limit: number
    /** Reads in id order after this one: a pass never picks up a job it already tried. */
    afterId?: number
  },
): Promise<DeviceJobRow[]> {
  let q = db.selectFrom('device_jobs').selectAll().where('status', '=', 'pending')
  if (!filter.ignoreBackoff) q = q.where('next_attempt_at', '<=', filter.now.toISOString())
  if (filter.companyId !== undefined) q = q.where('company_id', '=', filter.companyId)
  if (filter.routerId !== undefined) q = q.where('router_id', '=', filter.routerId)
  if (filter.afterId) q = q.where('id', '>', filter.afterId)
  return q.orderBy('id').limit(filter.limit).execute()
}

/** The routers that have jobs due (a run takes each router's turn separately). */
export async function routersWithDueJobs(
  db: Kysely<Database>,
  filter: { companyId?: number; routerId?: number; now: Date; ignoreBackoff?: boolean },
): Promise<number[]> {
  let q = db
    .selectFrom('device_jobs')
    .select('router_id')
    .distinct()
    .where('status', '=', 'pending')
  if (!filter.ignoreBackoff) q = q.where('next_attempt_at', '<=', filter.now.toISOString())
  if (filter.companyId !== undefined) q = q.where('company_id', '=', filter.companyId)
  if (filter.routerId !== undefined) q = q.where('router_id', '=', filter.routerId)
  return (await q.orderBy('router_id').execute()).map((r) => r.router_id)
}

export interface JobOutcome {
  job: Pick<DeviceJobRow, 'id' | 'revision' | 'attempts'>
  ok: boolean
  /** A refusal the router will repeat until someone changes something (a missing profile…). */
  permanent?: boolean
  error?: string
  result?: unknown
}

/** Records what the worker did, in one transaction for a whole batch. */
export async function settleDeviceJobs(
  tx: Kysely<Database>,
  outcomes: JobOutcome[],
  now: Date,
): Promise<void> {
  const at = now.toISOString()
  for (const o of outcomes) {
    if (o.ok) {
      // A newer enqueue bumped the revision: leave it pending so it runs with the newer state.
      await tx
        .updateTable('device_jobs')
        .set({
          status: 'done',
          result: JSON.stringify(o.result ?? null),
          last_error: null,
          finished_at: at,
          updated_at: at,
        })
        .where('id', '=', o.job.id)
        .where('revision', '=', o.job.revision)
        .execute()
      continue
    }
    const attempts = o.job.attempts + 1
    const giveUp = o.permanent || attempts >= MAX_ATTEMPTS
    const next = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000).toISOString()
    await tx
      .updateTable('device_jobs')
      .set({
        status: giveUp ? 'failed' : 'pending',
        attempts,
        next_attempt_at: giveUp ? at : next,
        last_error: o.error ?? 'unknown error',
        updated_at: at,
      })
      .where('id', '=', o.job.id)
      .where('revision', '=', o.job.revision)
      .execute()
  }
}
