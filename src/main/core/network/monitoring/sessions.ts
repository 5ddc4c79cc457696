import type { Kysely } from 'kysely'
import { appendAudit, type Actor } from '../../audit'
import { writeTx, type Database, type RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { parseUptime, type RouterApi, type RouterRow } from '../routeros'
import { loadRouter } from '../routers'
import { MONITOR_TIMEOUT_MS, onRouter, withRouter } from './router-call'
import { rememberSessionAddresses } from './session-addresses'

const ACTIVE_FIELDS = ['.id', 'name', 'service', 'caller-id', 'address', 'uptime']

export interface OnlineSession {
  /** The router's id of the session (`*1A`): what a kick removes. */
  id: string
  name: string
  service: string
  callerId: string
  address: string
  uptime: string
  /** NaN-free: null when the router sent something that is not a duration. */
  uptimeSeconds: number | null
  serviceId: number | null
  customerId: number | null
  customerCode: string | null
  customerName: string | null
}

interface ServiceMatch {
  serviceId: number
  customerId: number
  customerCode: string
  customerName: string
}

/**
 * The PPPoE logins of the router's services, by username. One query for the whole router rather
 * than one per session: a busy router has thousands online. A terminated service loses to a live
 * one with the same username.
 */
async function servicesByLogin(
  db: Kysely<Database>,
  companyId: number,
  routerId: number,
): Promise<Map<string, ServiceMatch>> {
  const rows = await db
    .selectFrom('services')
    .innerJoin('customers', 'customers.id', 'services.customer_id')
    .select([
      'services.id as serviceId',
      'services.pppoe_username as login',
      'services.status as status',
      'customers.id as customerId',
      'customers.code as customerCode',
      'customers.name as customerName',
    ])
    .where('services.company_id', '=', companyId)
    .where('services.router_id', '=', routerId)
    .where('services.pppoe_username', 'is not', null)
    .orderBy('services.id')
    .execute()
  const map = new Map<string, ServiceMatch & { status: string }>()
  for (const r of rows) {
    const login = r.login!
    const seen = map.get(login)
    if (seen && (r.status === 'putus' || seen.status !== 'putus')) continue
    map.set(login, {
      serviceId: r.serviceId,
      customerId: r.customerId,
      customerCode: r.customerCode,
      customerName: r.customerName,
      status: r.status,
    })
  }
  return map
}

function toSession(row: RouterRow, match: ServiceMatch | undefined): OnlineSession {
  const seconds = parseUptime(row.uptime ?? '')
  return {
    id: row['.id'] ?? '',
    name: row.name ?? '',
    service: row.service ?? 'pppoe',
    callerId: row['caller-id'] ?? '',
    address: row.address ?? '',
    uptime: row.uptime ?? '',
    uptimeSeconds: Number.isNaN(seconds) ? null : Math.round(seconds),
    serviceId: match?.serviceId ?? null,
    customerId: match?.customerId ?? null,
    customerCode: match?.customerCode ?? null,
    customerName: match?.customerName ?? null,
  }
}

/** How many PPPoE sessions a router has up right now: ids only, for a summary. */
export async function onlineCount(deps: NetworkDeps, row: RouterDbRow): Promise<number> {
  const active = await onRouter(deps, row, (api) =>
    api.run('/ppp/active/print', {}, { proplist: ['.id'], timeoutMs: MONITOR_TIMEOUT_MS }),
  )
  return active.length
}

/** Who is online on a router right now (`/ppp/active`), each with the customer it belongs to. */
export async function onlineSessions(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
): Promise<OnlineSession[]> {
  const active = await withRouter(deps, companyId, routerId, (api) =>
    api.run('/ppp/active/print', {}, { proplist: ACTIVE_FIELDS }),
  )
  const logins = await servicesByLogin(deps.db, companyId, routerId)
  const sessions = active.map((row) => toSession(row, logins.get(row.name ?? '')))
  await rememberSessionAddresses(
    deps,
    companyId,
    routerId,
    sessions.flatMap((s) => (s.serviceId ? [{ serviceId: s.serviceId, address: s.address }] : [])),
  )
  return sessions.sort((a, b) => a.name.localeCompare(b.name))
}

export type KickTarget = { sessionId: string } | { name: string }

export interface KickResult {
  kicked: number
  name: string | null
}

async function findSessions(api: RouterApi, target: KickTarget): Promise<RouterRow[]> {
  const where: Record<string, string> =
    'sessionId' in target ? { '.id': target.sessionId } : { name: target.name }
  return api.run('/ppp/active/print', {}, { where, proplist: ACTIVE_FIELDS })
}

/**
 * Disconnects a PPPoE session so the client dials again (and picks up a new profile). Done at
 * once, not through the device queue: the operator is watching for the result. A session that
 * already ended is not an error: `kicked` is 0.
 */
export async function kickSession(
  deps: NetworkDeps,
  actor: Actor & { companyId: number },
  routerId: number,
  target: KickTarget,
): Promise<KickResult> {
  const router = await loadRouter(deps.db, actor.companyId, routerId)
  const { sessions, kicked } = await onRouter(deps, router, async (api) => {
    const found = await findSessions(api, target)
    for (const s of found) await api.run('/ppp/active/remove', { '.id': s['.id'] })
    return { sessions: found, kicked: found.length }
  })
  const name = sessions[0]?.name ?? ('name' in target ? target.name : null)
  const match = name
    ? (await servicesByLogin(deps.db, actor.companyId, routerId)).get(name)
    : undefined
  await writeTx(deps.db, (tx) =>
    appendAudit(tx, deps.clock, actor, {
      action: 'sessions.kick',
      entityType: match ? 'service' : 'router',
      entityId: match ? match.serviceId : router.id,
      after: {
        router: router.name,
        name,
        address: sessions[0]?.address ?? null,
        callerId: sessions[0]?.['caller-id'] ?? null,
        kicked,
      },
    }),
  )
  return { kicked, name }
}
