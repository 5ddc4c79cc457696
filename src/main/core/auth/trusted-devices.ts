import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { deviceName } from '@shared/user-agent'
import { appendAudit, type Actor } from '../audit'
import type { Clock } from '../clock'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { hashToken, newToken } from './sessions'

/**
 * "Ingat perangkat ini 30 hari": after a code, a device may skip the code for 30 days. The
 * browser keeps a random token (like its session token); the database keeps its hash, the
 * device's name, address, and when it was added and last used. Listed per user and revocable.
 */
export const TRUSTED_DEVICE_DAYS = 30

export interface TrustedDeviceView {
  id: number
  name: string
  ip: string
  createdAt: string
  lastUsedAt: string
  expiresAt: string
}

export async function trustDevice(
  tx: Kysely<Database>,
  clock: Clock,
  user: { id: number; company_id: number },
  client: { ip: string; userAgent: string },
): Promise<{ id: number; token: string }> {
  const token = newToken()
  const now = clock.now()
  const row = await tx
    .insertInto('trusted_devices')
    .values({
      user_id: user.id,
      company_id: user.company_id,
      token_hash: hashToken(token),
      name: deviceName(client.userAgent).slice(0, 100),
      ip: client.ip,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      expires_at: new Date(now.getTime() + TRUSTED_DEVICE_DAYS * 86_400_000).toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, token }
}

/** The user's live trusted device behind a token, marked as used now; null when none. */
export async function useTrustedDevice(
  tx: Kysely<Database>,
  clock: Clock,
  userId: number,
  token: string | undefined,
  ip: string,
): Promise<number | null> {
  if (!token) return null
  const now = clock.now().toISOString()
  const row = await tx
    .selectFrom('trusted_devices')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  if (!row) return null
  await tx
    .updateTable('trusted_devices')
    .set({ last_used_at: now, ip })
    .where('id', '=', row.id)
    .execute()
  return row.id
}

export async function listTrustedDevices(
  db: Kysely<Database>,
  now: Date,
  userId: number,
): Promise<TrustedDeviceView[]> {
  const rows = await db
    .selectFrom('trusted_devices')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('last_used_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ip: r.ip,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  }))
}

/** Every live trusted device of a user ends (a password reset: whoever had them must prove again). */
export async function revokeAllTrustedDevices(
  tx: Kysely<Database>,
  now: Date,
  userId: number,
  reason: string,
): Promise<number> {
  const r = await tx
    .updateTable('trusted_devices')
    .set({ revoked_at: now.toISOString(), revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** One device forgotten: the next sign-in there asks for a code again. */
export async function revokeTrustedDevice(
  { db, clock }: CoreDeps,
  actor: Actor & { companyId: number },
  target: { userId: number; deviceId: number },
): Promise<{ ok: true }> {
  return writeTx(db, async (tx) => {
    const now = clock.now().toISOString()
    const row = await tx
      .selectFrom('trusted_devices')
      .select(['id', 'name'])
      .where('id', '=', target.deviceId)
      .where('user_id', '=', target.userId)
      .where('company_id', '=', actor.companyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', 'trusted device')
    await tx
      .updateTable('trusted_devices')
      .set({ revoked_at: now, revoke_reason: actor.userId === target.userId ? 'self' : 'admin' })
      .where('id', '=', row.id)
      .execute()
    await appendAudit(tx, clock, actor, {
      action: 'auth.device.revoke',
      entityType: 'trusted_device',
      entityId: row.id,
      after: { userId: target.userId, device: row.name },
    })
    return { ok: true as const }
  })
}
