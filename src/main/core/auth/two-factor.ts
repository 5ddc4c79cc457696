import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type UserRow } from '../db'
import { activeChannels, type MessagingDeps } from '../messaging'
import {
  hashChallengeToken,
  resendChallenge,
  startChallenge,
  verifyChallenge,
  type StartedChallenge,
} from '../otp'
import { createSession } from './sessions'
import { currentLockout } from './throttle'
import { trustDevice } from './trusted-devices'

export interface ClientInfo {
  ip: string
  userAgent: string
}

/** The password was right and the company's rule asks for a code: what the sign-in page gets. */
export interface OtpRequired extends StartedChallenge {
  otpRequired: true
  /** No session yet: `auth.verifyOtp` gives the token once the code is right. */
  token: null
  mustChangePassword: false
}

export interface SignedIn {
  token: string
  mustChangePassword: boolean
  /** Set after "Ingat perangkat ini": the browser keeps it to skip the code for 30 days. */
  deviceToken?: string
  otpRequired: false
}

function userActor(user: UserRow, client: ClientInfo): Actor {
  return {
    companyId: user.company_id,
    userId: user.id,
    username: user.username,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  }
}

/**
 * Sends the second step's code to the user's WhatsApp. A user without a number, or a company
 * whose WhatsApp channel is off, cannot receive one: refused with what to do, and audited.
 */
export async function startSignInChallenge(
  deps: MessagingDeps,
  user: UserRow,
  client: ClientInfo,
): Promise<OtpRequired> {
  const actor = userActor(user, client)
  const problem = !user.phone
    ? 'no_number'
    : !(await activeChannels(deps.db, user.company_id)).has('whatsapp')
      ? 'no_channel'
      : null
  if (problem) {
    await writeTx(deps.db, (tx) =>
      appendAudit(tx, deps.clock, actor, {
        action: 'otp.failure',
        entityType: 'user',
        entityId: user.id,
        after: { purpose: 'staff_sign_in', reason: problem },
      }),
    )
    throw new AppError(problem === 'no_number' ? 'OTP_NO_PHONE' : 'OTP_CHANNEL_OFF')
  }
  const started = await startChallenge(deps, {
    companyId: user.company_id,
    purpose: 'staff_sign_in',
    subject: { key: `user:${user.id}`, userId: user.id },
    to: { channel: 'whatsapp', address: user.phone! },
    actor,
  })
  return { otpRequired: true, token: null, mustChangePassword: false, ...started }
}

/**
 * The code of a sign-in: right, it issues the session (and, when asked, trusts the device for
 * 30 days) in the transaction that uses the code, after reading the sign-in locks once more.
 */
export async function verifySignInCode(
  deps: MessagingDeps,
  input: { challenge: string; code: string; trustDevice: boolean },
  client: ClientInfo,
): Promise<SignedIn> {
  const { db, clock } = deps
  const anonymous: Actor = {
    companyId: null,
    userId: null,
    username: null,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  }
  const pending = await db
    .selectFrom('otp_challenges')
    .innerJoin('users', 'users.id', 'otp_challenges.user_id')
    .selectAll('users')
    .where('otp_challenges.token_hash', '=', hashChallengeToken(input.challenge))
    .executeTakeFirst()
  const actor = pending ? userActor(pending, client) : anonymous
  return verifyChallenge(
    deps,
    { challenge: input.challenge, code: input.code, purpose: 'staff_sign_in', actor },
    async (tx, challenge) => {
      const user = await tx
        .selectFrom('users')
        .selectAll()
        .where('id', '=', challenge.userId!)
        .executeTakeFirstOrThrow()
      if (!user.active) throw new AppError('AUTH_USER_INACTIVE')
      const until = await currentLockout(tx, clock.now(), {
        username: user.username,
        ip: client.ip,
      })
      if (until) {
        throw new AppError('AUTH_LOCKED', 'locked while the code was typed', {
          lockedUntil: until.toISOString(),
          retryAfterSeconds: Math.max(
            1,
            Math.ceil((until.getTime() - clock.now().getTime()) / 1000),
          ),
        })
      }
      const token = await createSession(tx, deps, user, client)
      const device = input.trustDevice ? await trustDevice(tx, clock, user, client) : null
      if (device) {
        await appendAudit(tx, clock, userActor(user, client), {
          action: 'auth.device.trust',
          entityType: 'trusted_device',
          entityId: device.id,
          after: { userId: user.id, days: 30 },
        })
      }
      await appendAudit(tx, clock, userActor(user, client), {
        action: 'auth.login.success',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, secondStep: 'otp' },
      })
      return {
        token,
        otpRequired: false as const,
        mustChangePassword: user.must_change_password === 1,
        ...(device ? { deviceToken: device.token } : {}),
      }
    },
  )
}

/** A new sign-in code, 60 s after the last one at the earliest. */
export async function resendSignInCode(
  deps: MessagingDeps,
  input: { challenge: string },
  client: ClientInfo,
): Promise<StartedChallenge> {
  return resendChallenge(
    deps,
    { challenge: input.challenge, purpose: 'staff_sign_in' },
    {
      companyId: null,
      userId: null,
      username: null,
      ip: client.ip,
      userAgent: client.userAgent.slice(0, 300),
    },
  )
}
