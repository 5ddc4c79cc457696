import { AppError } from '@shared/errors'
import { passwordProblem } from '@shared/password-policy'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hash'
import { createSession, endSessions, type SessionUser } from './sessions'
import { activeLockout, lockIfExceeded } from './throttle'

export interface ClientInfo {
  ip: string
  userAgent: string
}

export interface LoginResult {
  token: string
  mustChangePassword: boolean
}

/**
 * Signs in. Every attempt — success, wrong password, refused while locked — is recorded in the
 * attempts table (for throttling) and in the audit log. The password is checked outside the
 * write transaction: scrypt takes a few hundred milliseconds and must not hold the write lock.
 */
export async function login(
  deps: CoreDeps,
  input: { username: string; password: string },
  client: ClientInfo,
): Promise<LoginResult> {
  const { db, clock } = deps
  const username = input.username.trim().toLowerCase()
  const keys = { username, ip: client.ip }
  const userAgent = client.userAgent.slice(0, 300)

  const lockedUntil = await activeLockout(db, clock.now(), keys)
  if (lockedUntil) {
    await recordAttempt(deps, {
      username,
      client: { ...client, userAgent },
      outcome: 'locked',
      user: null,
    })
    throw lockedError(lockedUntil, clock.now())
  }

  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
  const ok = await verifyPassword(
    input.password,
    user?.password_hash ?? (await dummyPasswordHash()),
  )

  if (!user || !ok) {
    const locked = await writeTx(db, async (tx) => {
      const now = clock.now()
      await tx
        .insertInto('login_attempts')
        .values({
          at: now.toISOString(),
          username,
          ip: client.ip,
          user_agent: userAgent,
          outcome: 'failure',
          user_id: user?.id ?? null,
        })
        .execute()
      await appendAudit(tx, clock, attemptActor(user ?? null, username, client.ip, userAgent), {
        action: 'auth.login.failure',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { username, reason: user ? 'wrong_password' : 'unknown_user' },
      })
      return lockIfExceeded(tx, now, keys)
    })
    if (locked) throw lockedError(locked, clock.now())
    throw new AppError('AUTH_INVALID_CREDENTIALS')
  }

  if (!user.active) {
    await recordAttempt(deps, {
      username,
      client: { ...client, userAgent },
      outcome: 'failure',
      user,
      reason: 'inactive',
    })
    throw new AppError('AUTH_USER_INACTIVE')
  }

  const token = await writeTx(db, async (tx) => {
    await tx
      .insertInto('login_attempts')
      .values({
        at: clock.now().toISOString(),
        username,
        ip: client.ip,
        user_agent: userAgent,
        outcome: 'success',
        user_id: user.id,
      })
      .execute()
    const t = await createSession(tx, deps, user, { ip: client.ip, userAgent })
    await appendAudit(tx, clock, attemptActor(user, username, client.ip, userAgent), {
      action: 'auth.login.success',
      entityType: 'user',
      entityId: user.id,
      after: { username },
    })
    return t
  })
  return { token, mustChangePassword: user.must_change_password === 1 }
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('AUTH_LOCKED', 'too many failed sign-ins', {
    lockedUntil: until.toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  })
}

function attemptActor(
  user: { id: number; company_id: number } | null,
  username: string,
  ip: string,
  userAgent: string,
): Actor {
  return { companyId: user?.company_id ?? null, userId: user?.id ?? null, username, ip, userAgent }
}

async function recordAttempt(
  { db, clock }: CoreDeps,
  a: {
    username: string
    client: ClientInfo
    outcome: 'locked' | 'failure'
    user: { id: number; company_id: number } | null
    reason?: string
  },
): Promise<void> {
  await writeTx(db, async (tx) => {
    await tx
      .insertInto('login_attempts')
      .values({
        at: clock.now().toISOString(),
        username: a.username,
        ip: a.client.ip,
        user_agent: a.client.userAgent,
        outcome: a.outcome,
        user_id: a.user?.id ?? null,
      })
      .execute()
    await appendAudit(
      tx,
      clock,
      attemptActor(a.user, a.username, a.client.ip, a.client.userAgent),
      {
        action: a.outcome === 'locked' ? 'auth.login.locked' : 'auth.login.failure',
        entityType: 'user',
        entityId: a.user?.id ?? null,
        after: { username: a.username, reason: a.reason ?? a.outcome },
      },
    )
  })
}

export async function logout(
  { db, clock }: CoreDeps,
  session: SessionUser,
  actor: Actor,
): Promise<void> {
  await writeTx(db, async (tx) => {
    await endSessions(tx, clock.now(), { sessionId: session.sessionId }, 'logout')
    await appendAudit(tx, clock, actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: session.userId,
    })
  })
}

/**
 * A user changes their own password (also the forced change after a reset). Their other sessions
 * end: whoever knew the old password is signed out everywhere else.
 */
export async function changeOwnPassword(
  deps: CoreDeps,
  session: SessionUser,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db, clock } = deps
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('AUTH_INVALID_CREDENTIALS')
  }
  if (passwordProblem(input.newPassword, user.username)) throw new AppError('PASSWORD_TOO_WEAK')
  if (await verifyPassword(input.newPassword, user.password_hash))
    throw new AppError('PASSWORD_REUSED')
  const hash = await hashPassword(input.newPassword)
  await writeTx(db, async (tx) => {
    const now = clock.now().toISOString()
    await tx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: now,
        updated_at: now,
      })
      .where('id', '=', user.id)
      .execute()
    await endSessions(
      tx,
      clock.now(),
      { userId: user.id, exceptSessionId: session.sessionId },
      'password_changed',
    )
    await appendAudit(tx, clock, actor, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      before: { must_change_password: user.must_change_password === 1 },
      after: { must_change_password: false },
    })
  })
}
