import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { modulesFrom, type ModuleState } from '@shared/modules'
import type { Permission, Role } from '@shared/permissions'
import { getSecuritySettings, MODULES_KEY, securitySettingsFrom } from '../settings'
import type { Database, Db } from '../db'
import type { CoreDeps } from '../deps'
import { permissionsOfRole } from '../roles'

/** Only the SHA-256 of a token is stored: a copied database does not hand out live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url')
}

export interface SessionUser {
  sessionId: number
  userId: number
  companyId: number
  username: string
  name: string
  role: Role
  mustChangePassword: boolean
  permissions: Set<Permission>
  /** The company's time zone (IANA), read with the session: "today" for this call. */
  timeZone: string
  /** Which modules the company has on (src/shared/modules.ts), read with the session too. */
  modules: ModuleState
}

export async function createSession(
  tx: Kysely<Database>,
  deps: CoreDeps,
  user: { id: number; company_id: number },
  client: { ip: string; userAgent: string },
): Promise<string> {
  const token = newToken()
  const now = deps.clock.now()
  const settings = await getSecuritySettings(tx, user.company_id)
  const expires = new Date(now.getTime() + settings.sessionAbsoluteDays * 86_400_000)
  await tx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: user.id,
      company_id: user.company_id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expires.toISOString(),
      ip: client.ip,
      user_agent: client.userAgent.slice(0, 300),
    })
    .execute()
  return token
}

/** Refresh last-seen at most once a minute: every API call would otherwise be a disk write. */
const TOUCH_INTERVAL_MS = 60_000

/**
 * Resolves a bearer token to its user, enforcing the idle and absolute timeouts from the
 * company's settings and the user's active flag. Throws UNAUTHENTICATED / SESSION_EXPIRED.
 */
export async function resolveSession({ db, clock }: CoreDeps, token: string): Promise<SessionUser> {
  // One query for what every call needs: the session, its user, the company's time zone, its
  // security settings and its module switches (over a network to PostgreSQL each query is a
  // round trip).
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('companies', 'companies.id', 'users.company_id')
    .leftJoin('company_settings as security', (join) =>
      join
        .onRef('security.company_id', '=', 'users.company_id')
        .on('security.key', '=', 'security'),
    )
    .leftJoin('company_settings as modules', (join) =>
      join.onRef('modules.company_id', '=', 'users.company_id').on('modules.key', '=', MODULES_KEY),
    )
    .select([
      'sessions.id as sessionId',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.ended_at',
      'sessions.end_reason',
      'users.id as userId',
      'users.company_id as companyId',
      'users.username',
      'users.name',
      'users.role',
      'users.must_change_password',
      'users.active',
      'companies.time_zone',
      'security.value_json as security_json',
      'modules.value_json as modules_json',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) throw new AppError('UNAUTHENTICATED')
  if (row.ended_at) {
    // Ended from "Perangkat aktif" (by the user elsewhere or a superadmin): the screen says so.
    const elsewhere = row.end_reason === 'ended_by_user' || row.end_reason === 'ended_by_admin'
    throw new AppError(
      endedSessionCode(row.end_reason),
      undefined,
      elsewhere ? { ended: 'elsewhere' } : undefined,
    )
  }
  const now = clock.now()
  const settings = securitySettingsFrom(row.security_json)
  const idleLimit = new Date(row.last_seen_at).getTime() + settings.sessionIdleMinutes * 60_000
  const reason = !row.active
    ? 'user_inactive'
    : now.getTime() >= new Date(row.expires_at).getTime()
      ? 'absolute_timeout'
      : now.getTime() >= idleLimit
        ? 'idle_timeout'
        : null
  if (reason) {
    await endSessions(db, now, { sessionId: row.sessionId }, reason)
    throw new AppError(endedSessionCode(reason))
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.sessionId)
      .execute()
  }
  const role = row.role as Role
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    companyId: row.companyId,
    username: row.username,
    name: row.name,
    role,
    mustChangePassword: row.must_change_password === 1,
    permissions: new Set(await permissionsOfRole(db, row.companyId, role)),
    timeZone: row.time_zone,
    modules: modulesFrom(row.modules_json),
  }
}

/** Why a session no longer works, so the sign-in page can say it (timeout, deactivated…). */
function endedSessionCode(
  reason: string | null,
): 'SESSION_EXPIRED' | 'AUTH_USER_INACTIVE' | 'UNAUTHENTICATED' {
  if (reason === 'idle_timeout' || reason === 'absolute_timeout') return 'SESSION_EXPIRED'
  if (reason === 'user_inactive' || reason === 'user_deactivated') return 'AUTH_USER_INACTIVE'
  return 'UNAUTHENTICATED'
}

export async function endSessions(
  db: Db | Kysely<Database>,
  now: Date,
  which: { sessionId: number } | { userId: number; exceptSessionId?: number },
  reason: string,
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ ended_at: now.toISOString(), end_reason: reason })
    .where('ended_at', 'is', null)
  if ('sessionId' in which) q = q.where('id', '=', which.sessionId)
  else {
    q = q.where('user_id', '=', which.userId)
    if (which.exceptSessionId) q = q.where('id', '!=', which.exceptSessionId)
  }
  const result = await q.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
