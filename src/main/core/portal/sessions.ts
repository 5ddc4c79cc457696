import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { moduleDisabledDetails, modulesFrom } from '@shared/modules'
import { deviceName } from '@shared/user-agent'
import { appendAudit, type Actor } from '../audit'
import { hashToken, newToken } from '../auth'
import { MODULES_KEY } from '../settings'
import { writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'

/**
 * A customer's portal session: a kind of its own, in its own table. A bearer token of 128
 * random bits, stored hashed. Without "Ingat perangkat ini" it ends after 30 minutes idle or 12
 * hours; remembered, it lasts 30 days on that device (listed under Perangkat tepercaya, where
 * the customer removes it). A staff member's view as the customer is read-only and lasts 1 hour.
 */
export const PORTAL_IDLE_MS = 30 * 60_000
export const PORTAL_ABSOLUTE_MS = 12 * 3_600_000
export const PORTAL_REMEMBER_DAYS = 30
export const PORTAL_STAFF_VIEW_MS = 3_600_000

export interface PortalCustomer {
  sessionId: number
  customerId: number
  companyId: number
  code: string
  name: string
  timeZone: string
  /** Opened by staff ("Buka portal sebagai pelanggan"): reading only. */
  readOnly: boolean
  staffUserId: number | null
}

export interface PortalClient {
  ip: string
  userAgent: string
}

export async function createPortalSession(
  tx: Kysely<Database>,
  deps: CoreDeps,
  customer: { id: number; company_id: number },
  client: PortalClient,
  o: { remember: boolean; staffUserId?: number },
): Promise<{ token: string; sessionId: number; expiresAt: string }> {
  const token = newToken()
  const now = deps.clock.now()
  const lifetime = o.staffUserId
    ? PORTAL_STAFF_VIEW_MS
    : o.remember
      ? PORTAL_REMEMBER_DAYS * 86_400_000
      : PORTAL_ABSOLUTE_MS
  const expiresAt = new Date(now.getTime() + lifetime).toISOString()
  const row = await tx
    .insertInto('portal_sessions')
    .values({
      company_id: customer.company_id,
      customer_id: customer.id,
      token_hash: hashToken(token),
      remembered: o.remember && !o.staffUserId ? 1 : 0,
      staff_user_id: o.staffUserId ?? null,
      device: deviceName(client.userAgent).slice(0, 100),
      ip: client.ip,
      user_agent: client.userAgent.slice(0, 300),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { token, sessionId: row.id, expiresAt }
}

const TOUCH_INTERVAL_MS = 60_000

/**
 * A portal token → its customer, or UNAUTHENTICATED / SESSION_EXPIRED. A staff session's token
 * is not in this table, so it never resolves here; the portal module switched off, or the
 * customer terminated (putus), ends the session too.
 */
export async function resolvePortalSession(
  { db, clock }: CoreDeps,
  token: string,
): Promise<PortalCustomer> {
  const row = await db
    .selectFrom('portal_sessions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('companies as co', 'co.id', 's.company_id')
    .leftJoin('company_settings as m', (join) =>
      join.onRef('m.company_id', '=', 's.company_id').on('m.key', '=', MODULES_KEY),
    )
    .select([
      's.id',
      's.customer_id',
      's.company_id',
      's.remembered',
      's.staff_user_id',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      'c.code',
      'c.name',
      'c.status',
      'co.time_zone',
      'm.value_json as modules_json',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row || row.ended_at) throw new AppError('UNAUTHENTICATED')
  const now = clock.now()
  const idle = row.remembered ? PORTAL_REMEMBER_DAYS * 86_400_000 : PORTAL_IDLE_MS
  const reason =
    row.status === 'putus'
      ? 'customer_terminated'
      : now.toISOString() >= row.expires_at
        ? 'absolute_timeout'
        : now.getTime() >= new Date(row.last_seen_at).getTime() + idle
          ? 'idle_timeout'
          : null
  if (reason) {
    await endPortalSession(db, now, row.id, reason)
    throw new AppError(reason === 'customer_terminated' ? 'UNAUTHENTICATED' : 'SESSION_EXPIRED')
  }
  if (!modulesFrom(row.modules_json).portal) {
    throw new AppError('MODULE_DISABLED', 'module portal is off', moduleDisabledDetails('portal'))
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('portal_sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute()
  }
  return {
    sessionId: row.id,
    customerId: row.customer_id,
    companyId: row.company_id,
    code: row.code,
    name: row.name,
    timeZone: row.time_zone,
    readOnly: row.staff_user_id !== null,
    staffUserId: row.staff_user_id,
  }
}

async function endPortalSession(
  db: Db | Kysely<Database>,
  now: Date,
  sessionId: number,
  reason: string,
): Promise<void> {
  await db
    .updateTable('portal_sessions')
    .set({ ended_at: now.toISOString(), end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute()
}

/** The actor of what a customer does in the portal: no user, named by the customer's code. */
export function portalActor(
  c: PortalCustomer,
  client: PortalClient,
): Actor & { companyId: number } {
  return {
    companyId: c.companyId,
    userId: c.staffUserId,
    username: `portal:${c.code}`,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  }
}

export async function signOutPortal(
  deps: CoreDeps,
  c: PortalCustomer,
  client: PortalClient,
): Promise<{ ok: true }> {
  await writeTx(deps.db, async (tx) => {
    await endPortalSession(tx, deps.clock.now(), c.sessionId, 'signed_out')
    await appendAudit(tx, deps.clock, portalActor(c, client), {
      action: 'portal.sign_out',
      entityType: 'customer',
      entityId: c.customerId,
    })
  })
  return { ok: true }
}

export interface PortalDeviceView {
  id: number
  device: string
  ip: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  current: boolean
}

/** The customer's remembered devices ("Ingat perangkat ini") that still work. */
export async function portalDevices(
  { db, clock }: CoreDeps,
  c: PortalCustomer,
): Promise<PortalDeviceView[]> {
  const rows = await db
    .selectFrom('portal_sessions')
    .select(['id', 'device', 'ip', 'created_at', 'last_seen_at', 'expires_at'])
    .where('customer_id', '=', c.customerId)
    .where('remembered', '=', 1)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', clock.now().toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    device: r.device,
    ip: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    current: r.id === c.sessionId,
  }))
}

/** One remembered device forgotten: its session ends at once; the next visit asks for a code. */
export async function removePortalDevice(
  deps: CoreDeps,
  c: PortalCustomer,
  client: PortalClient,
  sessionId: number,
): Promise<{ ok: true }> {
  return writeTx(deps.db, async (tx) => {
    const row = await tx
      .selectFrom('portal_sessions')
      .select(['id', 'device'])
      .where('id', '=', sessionId)
      .where('customer_id', '=', c.customerId)
      .where('remembered', '=', 1)
      .where('ended_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', 'portal device')
    await endPortalSession(tx, deps.clock.now(), row.id, 'device_removed')
    await appendAudit(tx, deps.clock, portalActor(c, client), {
      action: 'portal.device_remove',
      entityType: 'customer',
      entityId: c.customerId,
      after: { device: row.device },
    })
    return { ok: true as const }
  })
}
