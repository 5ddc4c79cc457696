import { AppError } from '@shared/errors'
import { passwordProblem } from '@shared/password-policy'
import { appendAudit, type Actor } from '../audit'
import { activeChannels, type MessagingDeps } from '../messaging'
import {
  OTP_RESEND_MS,
  OTP_TTL_MS,
  codeWouldPass,
  hashChallengeToken,
  newChallengeToken,
  resendChallenge,
  startChallenge,
  verifyChallenge,
  type OtpRecipient,
} from '../otp'
import { hashPassword } from './password-hash'
import { endSessions } from './sessions'
import { revokeAllTrustedDevices } from './trusted-devices'
import type { ClientInfo } from './two-factor'

/**
 * "Lupa kata sandi": a code by WhatsApp or e-mail (whichever the user has and the company has
 * switched on), then a new password that follows the rule; every session and trusted device of
 * the user ends. The answer never says whether the username exists: an unknown one gets a
 * decoy challenge that behaves like a real one (same fields, same 60 s, same wrong-code lock).
 */
export interface ResetStarted {
  challenge: string
  expiresAt: string
  resendAt: string
}

/** Requests from one address in 15 minutes beyond which nothing is stored or sent any more. */
const REQUESTS_PER_ADDRESS = 20

function anonymous(client: ClientInfo, username: string | null): Actor {
  return {
    companyId: null,
    userId: null,
    username,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  }
}

/** A handle that matches nothing: the answer when an address asks too often. */
function unstored(now: Date): ResetStarted {
  return {
    challenge: newChallengeToken(),
    expiresAt: new Date(now.getTime() + OTP_TTL_MS).toISOString(),
    resendAt: new Date(now.getTime() + OTP_RESEND_MS).toISOString(),
  }
}

const shape = (s: ResetStarted): ResetStarted => ({
  challenge: s.challenge,
  expiresAt: s.expiresAt,
  resendAt: s.resendAt,
})

export async function requestPasswordReset(
  deps: MessagingDeps,
  input: { username: string; channel?: 'whatsapp' | 'email' },
  client: ClientInfo,
): Promise<ResetStarted> {
  const { db, clock } = deps
  const now = clock.now()
  const username = input.username.trim().toLowerCase()
  const recent = await db
    .selectFrom('otp_challenges')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('purpose', '=', 'password_reset')
    .where('ip', '=', client.ip)
    .where('created_at', '>', new Date(now.getTime() - 15 * 60_000).toISOString())
    .executeTakeFirstOrThrow()
  if (Number(recent.n) >= REQUESTS_PER_ADDRESS) return unstored(now)

  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst()
  const decoy = () =>
    startChallenge(deps, {
      companyId: null,
      purpose: 'password_reset',
      subject: null,
      to: null,
      actor: anonymous(client, username),
      data: { username },
    }).then(shape)
  if (!user) return decoy()
  const channels = await activeChannels(db, user.company_id)
  const whatsapp: OtpRecipient | null =
    user.phone && channels.has('whatsapp') ? { channel: 'whatsapp', address: user.phone } : null
  const email: OtpRecipient | null =
    user.email && channels.has('email') ? { channel: 'email', address: user.email } : null
  // The chosen way first; the other when the account lacks it, so the choice reveals nothing.
  const to = input.channel === 'email' ? (email ?? whatsapp) : (whatsapp ?? email)
  if (!to) return decoy()
  try {
    return shape(
      await startChallenge(deps, {
        companyId: user.company_id,
        purpose: 'password_reset',
        subject: { key: `user:${user.id}`, userId: user.id },
        to,
        actor: {
          companyId: user.company_id,
          userId: user.id,
          username: user.username,
          ip: client.ip,
          userAgent: client.userAgent.slice(0, 300),
        },
        data: { username },
      }),
    )
  } catch (error) {
    // Locked, or a code went out less than a minute ago: the same answer as for anyone else.
    if (error instanceof AppError && error.code.startsWith('OTP_')) return decoy()
    throw error
  }
}

export async function resendPasswordReset(
  deps: MessagingDeps,
  input: { challenge: string },
  client: ClientInfo,
): Promise<ResetStarted> {
  return shape(
    await resendChallenge(
      deps,
      { challenge: input.challenge, purpose: 'password_reset' },
      anonymous(client, null),
    ),
  )
}

/**
 * Sets the new password with the code. The rule (with the username) is checked before the code,
 * so a weak password costs no attempt; the password is hashed before the write lock is taken.
 */
export async function resetPasswordWithCode(
  deps: MessagingDeps,
  input: { challenge: string; code: string; newPassword: string },
  client: ClientInfo,
): Promise<{ ok: true }> {
  const { db, clock } = deps
  const pending = await db
    .selectFrom('otp_challenges')
    .select(['data_json', 'user_id'])
    .where('token_hash', '=', hashChallengeToken(input.challenge))
    .where('purpose', '=', 'password_reset')
    .executeTakeFirst()
  if (!pending) throw new AppError('OTP_EXPIRED')
  const username = String(
    (JSON.parse(pending.data_json ?? '{}') as { username?: string }).username ?? '',
  )
  if (passwordProblem(input.newPassword, username)) throw new AppError('PASSWORD_TOO_WEAK')
  // scrypt only for a code that will pass: a wrong one must not cost the host a hash.
  const purpose = 'password_reset' as const
  const hash = (await codeWouldPass(deps, { ...input, purpose }))
    ? await hashPassword(input.newPassword)
    : null
  return verifyChallenge(
    deps,
    {
      challenge: input.challenge,
      code: input.code,
      purpose: 'password_reset',
      actor: anonymous(client, username),
    },
    async (tx, challenge) => {
      // A decoy's code is random and never sent; should one be guessed, it opens nothing.
      if (!challenge.userId || !hash) throw new AppError('OTP_INVALID')
      const user = await tx
        .selectFrom('users')
        .selectAll()
        .where('id', '=', challenge.userId)
        .executeTakeFirstOrThrow()
      if (!user.active) throw new AppError('OTP_EXPIRED')
      const now = clock.now()
      await tx
        .updateTable('users')
        .set({
          password_hash: hash,
          must_change_password: 0,
          password_changed_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .where('id', '=', user.id)
        .execute()
      const ended = await endSessions(tx, now, { userId: user.id }, 'password_reset')
      const devices = await revokeAllTrustedDevices(tx, now, user.id, 'password_reset')
      await appendAudit(
        tx,
        clock,
        {
          companyId: user.company_id,
          userId: user.id,
          username: user.username,
          ip: client.ip,
          userAgent: client.userAgent.slice(0, 300),
        },
        {
          action: 'auth.password.reset',
          entityType: 'user',
          entityId: user.id,
          after: { sessions_ended: ended, devices_revoked: devices },
        },
      )
      return { ok: true as const }
    },
  )
}
