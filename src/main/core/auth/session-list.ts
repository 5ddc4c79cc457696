import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { CoreDeps } from '../deps'
import { getSecuritySettings } from '../settings'
import { endSessions } from './sessions'
import { listTrustedDevices, type TrustedDeviceView } from './trusted-devices'

/**
 * "Perangkat aktif": a user's live sessions (device, address, started, last seen) and trusted
 * devices. Ending a session takes effect at its next request: resolveSession reads `ended_at`
 * on every call.
 */
export interface SessionView {
  id: number
  userAgent: string
  ip: string
  createdAt: string
  /** Refreshed at most once a minute (sessions.ts). */
  lastSeenAt: string
  current: boolean
}

export interface UserDevices {
  sessions: SessionView[]
  devices: TrustedDeviceView[]
}

async function liveSessions(db: Db, now: Date, userId: number, companyId: number) {
  const settings = await getSecuritySettings(db, companyId)
  const idleSince = new Date(now.getTime() - settings.sessionIdleMinutes * 60_000).toISOString()
  return db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('company_id', '=', companyId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function userDevices(
  { db, clock }: CoreDeps,
  target: { userId: number; companyId: number },
  currentSessionId: number | null,
): Promise<UserDevices> {
  const now = clock.now()
  const rows = await liveSessions(db, now, target.userId, target.companyId)
  // This device first, then the most recently used.
  rows.sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId))
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      userAgent: r.user_agent,
      ip: r.ip,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      current: r.id === currentSessionId,
    })),
    devices: await listTrustedDevices(db, now, target.userId),
  }
}

/**
 * Ends one session of a user, or all of them but `keep` (the caller's own when they end "all
 * other devices"). Returns how many ended; audited with who ended whose.
 */
export async function endUserSessions(
  { db, clock }: CoreDeps,
  actor: Actor & { companyId: number },
  target: { userId: number; sessionId?: number; keep?: number },
): Promise<{ ended: number }> {
  return writeTx(db, async (tx) => {
    const now = clock.now()
    const reason = actor.userId === target.userId ? 'ended_by_user' : 'ended_by_admin'
    let ended: number
    if (target.sessionId) {
      const row = await tx
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', target.sessionId)
        .where('user_id', '=', target.userId)
        .where('company_id', '=', actor.companyId)
        .where('ended_at', 'is', null)
        .executeTakeFirst()
      if (!row) throw new AppError('NOT_FOUND', 'session')
      ended = await endSessions(tx, now, { sessionId: row.id }, reason)
    } else {
      ended = await endSessions(
        tx,
        now,
        { userId: target.userId, exceptSessionId: target.keep },
        reason,
      )
    }
    await appendAudit(tx, clock, actor, {
      action: 'auth.session.end',
      entityType: target.sessionId ? 'session' : 'user',
      entityId: target.sessionId ?? target.userId,
      after: { userId: target.userId, ended, ...(target.keep ? { keptCurrent: true } : {}) },
    })
    return { ended }
  })
}
