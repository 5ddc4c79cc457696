import { AppError } from '@shared/errors'
import { dateInZone } from '@shared/dates'
import type { IsolirAction, IsolirInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { setServiceStatuses } from '../customers'
import { writeTx } from '../db'
import type { NetworkDeps } from './deps'

type CompanyActor = Actor & { companyId: number }

export type IsolirSkip = 'already_isolated' | 'not_isolated' | 'terminated' | 'not_active'

export interface IsolirPreviewRow {
  serviceId: number
  sid: string
  customerId: number
  customerCode: string
  customerName: string
  product: string
  status: string
  router: string | null
  /** What will happen: the change, or why this service is left as it is. */
  will: IsolirAction | 'skip'
  skip?: IsolirSkip
  /** Changed in Loket only: no router to apply it on (a technician does it by hand). */
  noRouter: boolean
}

function decide(action: IsolirAction, status: string): IsolirSkip | null {
  if (status === 'putus') return 'terminated'
  if (action === 'isolir') {
    if (status === 'isolir') return 'already_isolated'
    return status === 'aktif' ? null : 'not_active'
  }
  return status === 'isolir' ? null : 'not_isolated'
}

/** What a batch would do, service by service, before anything changes. */
export async function previewIsolir(
  deps: Pick<NetworkDeps, 'db'>,
  companyId: number,
  action: IsolirAction,
  serviceIds: number[],
): Promise<{ rows: IsolirPreviewRow[]; changes: number; skipped: number }> {
  const rows: IsolirPreviewRow[] = []
  for (let i = 0; i < serviceIds.length; i += 5000) {
    const chunk = serviceIds.slice(i, i + 5000)
    const found = await deps.db
      .selectFrom('services as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .leftJoin('routers as r', 'r.id', 's.router_id')
      .select([
        's.id',
        's.sid',
        's.status',
        'c.id as customer_id',
        'c.code',
        'c.name',
        'p.name as product',
        'r.name as router',
      ])
      .where('s.company_id', '=', companyId)
      .where('s.id', 'in', chunk)
      .orderBy('c.code')
      .execute()
    for (const s of found) {
      const skip = decide(action, s.status)
      rows.push({
        serviceId: s.id,
        sid: s.sid,
        customerId: s.customer_id,
        customerCode: s.code,
        customerName: s.name,
        product: s.product,
        status: s.status,
        router: s.router,
        will: skip ? 'skip' : action,
        ...(skip ? { skip } : {}),
        noRouter: s.router === null,
      })
    }
  }
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'service')
  const changes = rows.filter((r) => r.will !== 'skip').length
  return { rows, changes, skipped: rows.length - changes }
}

/** The services of a customer (CLI `isolir apply --customer CODE`, the customer page). */
export async function customerServiceIds(
  deps: Pick<NetworkDeps, 'db'>,
  companyId: number,
  customerCode: string,
): Promise<number[]> {
  const rows = await deps.db
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select('s.id')
    .where('c.company_id', '=', companyId)
    .where('c.code', '=', customerCode)
    .execute()
  if (rows.length === 0) {
    const customer = await deps.db
      .selectFrom('customers')
      .select('id')
      .where('company_id', '=', companyId)
      .where('code', '=', customerCode)
      .executeTakeFirst()
    throw new AppError('NOT_FOUND', customer ? 'service' : 'customer', { code: customerCode })
  }
  return rows.map((r) => r.id)
}

/**
 * Isolates or restores services: the status changes in Loket at once (with history and audit, as
 * the preview showed), and each service with a router gets a job that applies it there — the
 * ISOLIR profile (PPPoE) or the isolir address-list (static IP), then the session is kicked.
 * The collections schedule calls the same function.
 */
export async function applyIsolir(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: IsolirInput,
  timeZone: string,
) {
  const preview = await previewIsolir(deps, actor.companyId, input.action, input.serviceIds)
  const todo = preview.rows.filter((r) => r.will !== 'skip')
  const today = dateInZone(deps.clock.now(), timeZone)
  const status = input.action === 'isolir' ? 'isolir' : 'aktif'
  const changedIds: number[] = []
  for (let i = 0; i < todo.length; i += 1000) {
    const chunk = todo.slice(i, i + 1000)
    await writeTx(deps.db, async (tx) => {
      // Re-checked under the write lock: only services still in the status the preview saw change.
      const done = await setServiceStatuses(
        tx,
        deps,
        actor,
        {
          serviceIds: chunk.map((r) => r.serviceId),
          from: input.action === 'isolir' ? 'aktif' : 'isolir',
          to: status,
          reason: input.reason,
        },
        today,
      )
      changedIds.push(...done.map((r) => r.id))
      if (done.length === 0) return
      await appendAudit(tx, deps.clock, actor, {
        action: input.action === 'isolir' ? 'isolir.apply' : 'isolir.restore',
        entityType: 'service',
        entityId: done[0]!.id,
        after: { services: done.map((r) => r.sid), reason: input.reason },
      })
    })
  }
  deps.onDeviceJobs?.()
  const changed = changedIds.length
  return {
    action: input.action,
    changed,
    /** The services whose status this call changed (the isolir notice goes to these). */
    changedIds,
    skipped: preview.rows.length - changed,
    onRouter: todo.filter((r) => !r.noRouter).length,
    rows: preview.rows,
  }
}

export interface IsolirCandidateFilter {
  action: IsolirAction
  routerId?: number | null
  areaId?: number | null
  productId?: number | null
  search?: string | null
  limit?: number
}

/** The batch page's list: active services to isolate, or isolated ones to restore. */
export async function listIsolirCandidates(
  deps: Pick<NetworkDeps, 'db'>,
  companyId: number,
  filter: IsolirCandidateFilter,
) {
  let q = deps.db
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('areas as a', 'a.id', 'c.area_id')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .leftJoin('routers as r', 'r.id', 's.router_id')
    .select([
      's.id as serviceId',
      's.sid',
      's.status',
      's.pppoe_username as login',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
      'a.code as areaCode',
      'p.name as product',
      'r.name as router',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.status', '=', filter.action === 'isolir' ? 'aktif' : 'isolir')
  if (filter.routerId) q = q.where('s.router_id', '=', filter.routerId)
  if (filter.areaId) q = q.where('c.area_id', '=', filter.areaId)
  if (filter.productId) q = q.where('s.product_id', '=', filter.productId)
  const term = filter.search?.trim()
  if (term) {
    const like = `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('c.code', 'like', like),
        eb('c.name', 'like', like),
        eb('s.sid', 'like', like),
        eb('s.pppoe_username', 'like', like),
      ]),
    )
  }
  const limit = filter.limit ?? 2000
  const rows = await q
    .orderBy('c.code')
    .limit(limit + 1)
    .execute()
  return { rows: rows.slice(0, limit), more: rows.length > limit }
}
