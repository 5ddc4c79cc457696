import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { Database } from '../db'

export type JobListFilter = {
  status: 'open' | 'failed' | 'done'
  routerId?: number | null
  limit?: number
}

/** The queue page: what waits for a router, what failed and why, with whom it concerns. */
export async function listDeviceJobs(
  db: Kysely<Database>,
  companyId: number,
  filter: JobListFilter,
) {
  let q = db
    .selectFrom('device_jobs as j')
    .innerJoin('routers as r', 'r.id', 'j.router_id')
    .leftJoin('services as s', 's.id', 'j.service_id')
    .leftJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      'j.id',
      'j.kind',
      'j.target',
      'j.status',
      'j.attempts',
      'j.next_attempt_at',
      'j.last_error',
      'j.reason',
      'j.created_by',
      'j.created_at',
      'j.updated_at',
      'j.finished_at',
      'j.router_id',
      'r.name as router_name',
      'j.service_id',
      's.sid',
      's.status as service_status',
      'c.id as customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
    ])
    .where('j.company_id', '=', companyId)
  if (filter.status === 'open') q = q.where('j.status', 'in', ['pending', 'failed'])
  else q = q.where('j.status', '=', filter.status)
  if (filter.routerId) q = q.where('j.router_id', '=', filter.routerId)
  const order = filter.status === 'done' ? 'desc' : 'asc'
  return q
    .orderBy('j.id', order)
    .limit(filter.limit ?? 500)
    .execute()
}

export async function deviceJobCounts(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('device_jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute()
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
  return { pending: count('pending'), failed: count('failed') }
}

/** A person asks for another try now (after fixing the router, or just to see). */
export async function retryDeviceJobs(
  tx: Kysely<Database>,
  companyId: number,
  ids: number[] | 'all-failed',
  now: Date,
): Promise<number> {
  const at = now.toISOString()
  let q = tx
    .updateTable('device_jobs')
    .set((eb) => ({
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      updated_at: at,
      revision: eb('revision', '+', 1),
    }))
    .where('company_id', '=', companyId)
    .where('status', 'in', ['pending', 'failed'])
  if (ids !== 'all-failed') {
    if (ids.length === 0) return 0
    q = q.where('id', 'in', ids)
  } else q = q.where('status', '=', 'failed')
  const r = await q.executeTakeFirst()
  const n = Number(r.numUpdatedRows)
  if (ids !== 'all-failed' && n === 0) throw new AppError('NOT_FOUND', 'device job')
  return n
}

export type ServiceDeviceState = {
  state: 'pending' | 'failed'
  error: string | null
  since: string
}

/** "Menunggu router" on a service: its newest open job, if any. */
export async function serviceDeviceStates(
  db: Kysely<Database>,
  serviceIds: number[],
): Promise<Map<number, ServiceDeviceState>> {
  const out = new Map<number, ServiceDeviceState>()
  if (serviceIds.length === 0) return out
  const rows = await db
    .selectFrom('device_jobs')
    .select(['service_id', 'status', 'last_error', 'created_at'])
    .where('service_id', 'in', serviceIds)
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('id')
    .execute()
  for (const r of rows) {
    if (r.service_id === null) continue
    out.set(r.service_id, {
      state: r.status === 'failed' ? 'failed' : 'pending',
      error: r.last_error,
      since: r.created_at,
    })
  }
  return out
}
