import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { MessageChannel } from '@shared/messaging'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { MessagingDeps } from '../messaging'
import { hashChallengeToken, hashCode, maskRecipient, newChallengeToken, newCode } from './codes'
import { queueCodeMessage, type OtpRecipient } from './delivery'
import {
  closeEndedOtpLocks,
  countOtpRefused,
  lastSentAt,
  lockKeyOf,
  markSent,
  otpLockedUntil,
} from './otp-locks'

/** DESIGN.md: 6 digits, 10 minutes, single use; a new code at most every 60 s. */
export const OTP_TTL_MS = 10 * 60_000
export const OTP_RESEND_MS = 60_000
/** Codes sent for one subject and purpose per hour: a WhatsApp number is not a spam target. */
export const OTP_MAX_SENDS_PER_HOUR = 5

/**
 * What a code proves: a staff sign-in (2FA), a password reset, a customer's portal sign-in, a
 * customer's new WhatsApp number (Profil), or the number of a self-registration (Daftar).
 */
export type OtpPurpose =
  'staff_sign_in' | 'password_reset' | 'portal_sign_in' | 'portal_phone_change' | 'portal_register'

export interface ChallengeStart {
  companyId: number | null
  purpose: OtpPurpose
  /**
   * `user:12` or `phone:62812…` (the lock's subject), or null for a decoy: a challenge nobody
   * receives. A subject without `to` is a silent challenge: nothing is sent, but it keeps the
   * subject's pace and limits (the portal's answer for a number that is not a customer's).
   */
  subject: { key: string; userId: number | null } | null
  to: OtpRecipient | null
  /** Who asked, from where: the audit entry of the send. */
  actor: Actor
  data?: Record<string, unknown>
}

export interface StartedChallenge {
  /** The handle the client sends back with the code. */
  challenge: string
  expiresAt: string
  /** When a new code may be asked for. */
  resendAt: string
  channel: MessageChannel | null
  /** The address, masked (`62812•••••890`). */
  to: string | null
}

export type ChallengeRow = Awaited<ReturnType<typeof findChallenge>>

function findChallenge(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('otp_challenges')
    .selectAll()
    .where('token_hash', '=', hashChallengeToken(token))
    .executeTakeFirst()
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

function lockedError(until: Date, now: Date): AppError {
  const retryAfterSeconds = seconds(until.getTime() - now.getTime())
  return new AppError('OTP_LOCKED', 'too many wrong codes', {
    lockedUntil: until.toISOString(),
    retryAfterSeconds,
    minutes: Math.ceil(retryAfterSeconds / 60),
  })
}

/**
 * Refusals that must still be committed (a refused attempt is counted on its lock): the work
 * returns them, the caller throws after the transaction.
 */
type Outcome<T> = { ok: T } | { error: AppError }

async function sendCode(
  tx: Kysely<Database>,
  deps: MessagingDeps,
  c: { companyId: number; to: OtpRecipient; token: string; purpose: OtpPurpose; actor: Actor },
): Promise<string> {
  const code = newCode()
  const messageId = await queueCodeMessage(tx, deps, {
    companyId: c.companyId,
    to: c.to,
    code,
    createdBy: c.actor.username,
  })
  await appendAudit(tx, deps.clock, c.actor, {
    action: 'otp.sent',
    entityType: c.actor.userId ? 'user' : null,
    entityId: c.actor.userId,
    after: {
      purpose: c.purpose,
      channel: c.to.channel,
      to: maskRecipient(c.to.address),
      messageId,
    },
  })
  return hashCode(c.token, code)
}

/** Refuses a send for a subject: locked, or sent less than 60 s ago, or too often this hour. */
async function sendRefusal(
  tx: Kysely<Database>,
  now: Date,
  purpose: OtpPurpose,
  subjectKey: string,
): Promise<AppError | null> {
  const key = lockKeyOf(purpose, subjectKey)
  const until = await otpLockedUntil(tx, now, key)
  if (until) {
    await countOtpRefused(tx, key)
    return lockedError(until, now)
  }
  const last = await lastSentAt(tx, key)
  const wait = last ? new Date(last).getTime() + OTP_RESEND_MS - now.getTime() : 0
  if (wait > 0) {
    return new AppError('OTP_RESEND_TOO_SOON', 'a code was sent less than 60 s ago', {
      retryAfterSeconds: seconds(wait),
      seconds: seconds(wait),
    })
  }
  const hour = new Date(now.getTime() - 3_600_000).toISOString()
  const sent = await tx
    .selectFrom('otp_challenges')
    .select((eb) => eb.fn.sum<number>('sends').as('n'))
    .where('purpose', '=', purpose)
    .where('subject_key', '=', subjectKey)
    .where('sent_at', '>', hour)
    .executeTakeFirst()
  if (Number(sent?.n ?? 0) >= OTP_MAX_SENDS_PER_HOUR) {
    return new AppError('OTP_TOO_MANY_SENDS', 'too many codes this hour', { minutes: 60 })
  }
  return null
}

async function decoyRefusal(
  tx: Kysely<Database>,
  now: Date,
  row: { purpose: string; subject_key: string; sent_at: string; sends: number },
): Promise<AppError | null> {
  const key = lockKeyOf(row.purpose, row.subject_key)
  const until = await otpLockedUntil(tx, now, key)
  if (until) {
    await countOtpRefused(tx, key)
    return lockedError(until, now)
  }
  const wait = new Date(row.sent_at).getTime() + OTP_RESEND_MS - now.getTime()
  if (wait > 0) {
    return new AppError('OTP_RESEND_TOO_SOON', undefined, {
      retryAfterSeconds: seconds(wait),
      seconds: seconds(wait),
    })
  }
  if (row.sends >= OTP_MAX_SENDS_PER_HOUR) {
    return new AppError('OTP_TOO_MANY_SENDS', 'too many codes this hour', { minutes: 60 })
  }
  return null
}

/**
 * Starts a challenge: a new code, sent ahead of the outbox's queue, valid 10 minutes; earlier
 * open challenges of the same subject and purpose end (only the newest code works). A decoy
 * (no subject) is stored the same way but nothing is sent: a reset for an unknown username
 * behaves exactly like one for a real user.
 */
export async function startChallenge(
  deps: MessagingDeps,
  input: ChallengeStart,
): Promise<StartedChallenge> {
  const token = newChallengeToken()
  const outcome = await writeTx(deps.db, async (tx): Promise<Outcome<StartedChallenge>> => {
    await closeEndedOtpLocks(tx, deps.clock)
    const now = deps.clock.now()
    const at = now.toISOString()
    const subjectKey = input.subject?.key ?? `decoy:${hashChallengeToken(token).slice(0, 16)}`
    let codeHash = hashCode(token, newCode())
    if (input.subject && input.companyId) {
      const refusal = await sendRefusal(tx, now, input.purpose, subjectKey)
      if (refusal) return { error: refusal }
      await tx
        .updateTable('otp_challenges')
        .set({ ended_at: at, end_reason: 'replaced' })
        .where('purpose', '=', input.purpose)
        .where('subject_key', '=', subjectKey)
        .where('ended_at', 'is', null)
        .execute()
      if (input.to) {
        codeHash = await sendCode(tx, deps, {
          ...input,
          companyId: input.companyId,
          to: input.to,
          token,
        })
      }
      await markSent(tx, lockKeyOf(input.purpose, subjectKey), at)
    }
    const expiresAt = new Date(now.getTime() + OTP_TTL_MS).toISOString()
    await tx
      .insertInto('otp_challenges')
      .values({
        company_id: input.companyId,
        purpose: input.purpose,
        subject_key: subjectKey,
        user_id: input.subject?.userId ?? null,
        token_hash: hashChallengeToken(token),
        code_hash: codeHash,
        channel: input.to?.channel ?? null,
        recipient: input.to?.address ?? null,
        created_at: at,
        expires_at: expiresAt,
        sent_at: at,
        ip: input.actor.ip ?? '',
        user_agent: input.actor.userAgent ?? '',
        data_json: input.data ? JSON.stringify(input.data) : null,
      })
      .execute()
    return {
      ok: {
        challenge: token,
        expiresAt,
        resendAt: new Date(now.getTime() + OTP_RESEND_MS).toISOString(),
        channel: input.to?.channel ?? null,
        to: input.to ? maskRecipient(input.to.address) : null,
      },
    }
  })
  if ('error' in outcome) throw outcome.error
  if (input.to) deps.onUrgentMessages?.()
  return outcome.ok
}

/** A new code for an open challenge, 60 s after the last one at the earliest; valid 10 minutes. */
export async function resendChallenge(
  deps: MessagingDeps,
  input: { challenge: string; purpose: OtpPurpose },
  client: Actor,
): Promise<StartedChallenge> {
  const token = input.challenge
  const outcome = await writeTx(deps.db, async (tx): Promise<Outcome<StartedChallenge>> => {
    await closeEndedOtpLocks(tx, deps.clock)
    const now = deps.clock.now()
    const at = now.toISOString()
    const row = await findChallenge(tx, token)
    if (!row || row.purpose !== input.purpose || row.ended_at || row.expires_at <= at) {
      return { error: new AppError('OTP_EXPIRED') }
    }
    const user = row.user_id
      ? await tx
          .selectFrom('users')
          .select(['id', 'username', 'company_id'])
          .where('id', '=', row.user_id)
          .executeTakeFirst()
      : undefined
    // The send is audited as the user's, from the address that asked.
    const actor: Actor = user
      ? { ...client, companyId: user.company_id, userId: user.id, username: user.username }
      : client
    let codeHash = hashCode(token, newCode())
    // A user's code, or a customer's (portal): whoever has an address the code goes to.
    if (row.company_id && row.channel && row.recipient) {
      const refusal = await sendRefusal(tx, now, row.purpose as OtpPurpose, row.subject_key)
      if (refusal) return { error: refusal }
      const to = { channel: row.channel, address: row.recipient }
      codeHash = await sendCode(tx, deps, {
        companyId: row.company_id,
        to,
        token,
        purpose: row.purpose as OtpPurpose,
        actor,
      })
      await markSent(tx, lockKeyOf(row.purpose, row.subject_key), at)
    } else {
      // A decoy keeps the pace and the limits of a real challenge, so it cannot be told apart.
      const refusal = await decoyRefusal(tx, now, row)
      if (refusal) return { error: refusal }
    }
    const expiresAt = new Date(now.getTime() + OTP_TTL_MS).toISOString()
    await tx
      .updateTable('otp_challenges')
      .set((eb) => ({
        code_hash: codeHash,
        sent_at: at,
        sends: eb('sends', '+', 1),
        expires_at: expiresAt,
      }))
      .where('id', '=', row.id)
      .execute()
    return {
      ok: {
        challenge: token,
        expiresAt,
        resendAt: new Date(now.getTime() + OTP_RESEND_MS).toISOString(),
        channel: row.channel,
        to: row.recipient ? maskRecipient(row.recipient) : null,
      },
    }
  })
  if ('error' in outcome) throw outcome.error
  if (outcome.ok.channel) deps.onUrgentMessages?.()
  return outcome.ok
}

export { findChallenge, lockedError }
