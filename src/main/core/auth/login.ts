import { AppError } from '@shared/errors'
import { passwordProblem } from '@shared/password-policy'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hash'
import type { MessagingDeps } from '../messaging'
import { createSession, endSessions, type SessionUser } from './sessions'
import {
  startSignInChallenge,
  type ClientInfo,
  type OtpRequired,
  type SignedIn,
} from './two-factor'
import { twoFactorRequired } from './two-factor-policy'
import { useTrustedDevice } from './trusted-devices'
import { admitAttempt, settleFailure, settleSuccess } from './throttle'

export type { ClientInfo }

/** A session, or (the company's 2FA rule, no trusted device) the challenge of the code step. */
export type LoginResult = SignedIn | OtpRequired

/**
 * Signs in. The lock decision is taken in the write transaction that counts the attempt (so
 * concurrent attempts are decided one by one), the password is checked outside it (scrypt takes a
 * few hundred milliseconds and must not hold the write lock), and the lock is read again in the
 * transaction that would issue the session. Checked attempts are recorded and audited; attempts
 * refused by a lock are only counted on it (see lockouts.ts).
 */
export async function login(
  deps: MessagingDeps,
  input: { username: string; password: string; deviceToken?: string },
  client: ClientInfo,
): Promise<LoginResult> {
  const { db, clock } = deps
  const username = input.username.trim().toLowerCase()
  const keys = { username, ip: client.ip }
  const userAgent = client.userAgent.slice(0, 300)
  const who = { username, ip: client.ip, userAgent }

  const admission = await writeTx(db, (tx) => admitAttempt(tx, clock, keys, userAgent))
  if (!admission.admitted) throw lockedError(admission.until, clock.now())
  const attemptId = admission.attemptId

  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst()
  const ok = await verifyPassword(
    input.password,
    user?.password_hash ?? (await dummyPasswordHash()),
  )

  if (!user || !ok || !user.active) {
    const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive'
    const locked = await writeTx(db, async (tx) => {
      const until = await settleFailure(tx, clock, attemptId, keys, user?.id ?? null)
      await appendAudit(tx, clock, attemptActor(user ?? null, who), {
        action: 'auth.login.failure',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { username, reason, ...(until ? { lockedUntil: until.toISOString() } : {}) },
      })
      return until
    })
    if (locked) throw lockedError(locked, clock.now())
    throw new AppError(reason === 'inactive' ? 'AUTH_USER_INACTIVE' : 'AUTH_INVALID_CREDENTIALS')
  }

  type Issued = { token: string } | { locked: Date } | { secondStep: true }
  const issued = await writeTx(db, async (tx): Promise<Issued> => {
    const until = await settleSuccess(tx, clock, attemptId, keys, user.id)
    if (until) {
      // The right password while a lock holds: refused. Audited (it means the password is
      // known), at most once per admitted guess, so no flood can come of it.
      await appendAudit(tx, clock, attemptActor(user, who), {
        action: 'auth.login.failure',
        entityType: 'user',
        entityId: user.id,
        after: { username, reason: 'locked', lockedUntil: until.toISOString() },
      })
      return { locked: until }
    }
    let trusted = false
    if (await twoFactorRequired(tx, user)) {
      trusted = !!(await useTrustedDevice(tx, clock, user.id, input.deviceToken, client.ip))
      if (!trusted) return { secondStep: true }
    }
    const t = await createSession(tx, deps, user, { ip: client.ip, userAgent })
    await appendAudit(tx, clock, attemptActor(user, who), {
      action: 'auth.login.success',
      entityType: 'user',
      entityId: user.id,
      after: { username, ...(trusted ? { secondStep: 'trusted_device' } : {}) },
    })
    return { token: t }
  })
  if ('locked' in issued) throw lockedError(issued.locked, clock.now())
  if ('secondStep' in issued) return startSignInChallenge(deps, user, { ip: client.ip, userAgent })
  return {
    token: issued.token,
    otpRequired: false,
    mustChangePassword: user.must_change_password === 1,
  }
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('AUTH_LOCKED', 'too many failed sign-ins', {
    lockedUntil: until.toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  })
}

function attemptActor(
  user: { id: number; company_id: number } | null,
  who: { username: string; ip: string; userAgent: string },
): Actor {
  return {
    companyId: user?.company_id ?? null,
    userId: user?.id ?? null,
    username: who.username,
    ip: who.ip,
    userAgent: who.userAgent,
  }
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
