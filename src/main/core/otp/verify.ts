import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { findChallenge, lockedError, type OtpPurpose } from './challenges'
import { codeMatches } from './codes'
import {
  closeEndedOtpLocks,
  countOtpRefused,
  lockKeyOf,
  otpLockedUntil,
  recordRightCode,
  recordWrongCode,
} from './otp-locks'

export interface VerifiedChallenge {
  id: number
  companyId: number | null
  purpose: OtpPurpose
  userId: number | null
  data: Record<string, unknown>
}

/**
 * Checks a code against its challenge, once. The right code ends the challenge (single use) and
 * `onVerified` runs in the same transaction (a session issued, a password changed), so a code is
 * never consumed without its effect nor the effect had twice. A wrong code is counted on the
 * subject's lock, audited, and refused after the commit; the fifth locks for 15 minutes.
 */
export async function verifyChallenge<T>(
  deps: CoreDeps,
  input: { challenge: string; code: string; purpose: OtpPurpose; actor: Actor },
  onVerified: (tx: Kysely<Database>, challenge: VerifiedChallenge) => Promise<T>,
): Promise<T> {
  const outcome = await writeTx(deps.db, async (tx): Promise<{ ok: T } | { error: AppError }> => {
    await closeEndedOtpLocks(tx, deps.clock)
    const now = deps.clock.now()
    const at = now.toISOString()
    const row = await findChallenge(tx, input.challenge)
    if (!row || row.purpose !== input.purpose) return { error: new AppError('OTP_EXPIRED') }
    const key = lockKeyOf(row.purpose, row.subject_key)
    const until = await otpLockedUntil(tx, now, key)
    if (until) {
      await countOtpRefused(tx, key)
      return { error: lockedError(until, now) }
    }
    if (row.ended_at) return { error: new AppError('OTP_EXPIRED') }
    if (row.expires_at <= at) {
      await tx
        .updateTable('otp_challenges')
        .set({ ended_at: at, end_reason: 'expired' })
        .where('id', '=', row.id)
        .execute()
      return { error: new AppError('OTP_EXPIRED') }
    }
    if (!codeMatches(input.challenge, input.code, row.code_hash)) {
      const wrong = await recordWrongCode(tx, deps.clock, key)
      await tx
        .updateTable('otp_challenges')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('id', '=', row.id)
        .execute()
      if (wrong.lockedUntil) {
        await tx
          .updateTable('otp_challenges')
          .set({ ended_at: at, end_reason: 'locked' })
          .where('subject_key', '=', row.subject_key)
          .where('purpose', '=', row.purpose)
          .where('ended_at', 'is', null)
          .execute()
      }
      if (row.user_id) {
        await appendAudit(tx, deps.clock, input.actor, {
          action: 'otp.failure',
          entityType: 'user',
          entityId: row.user_id,
          after: {
            purpose: row.purpose,
            reason: 'wrong_code',
            remaining: wrong.remaining,
            ...(wrong.lockedUntil ? { lockedUntil: wrong.lockedUntil.toISOString() } : {}),
          },
        })
      }
      return {
        error: wrong.lockedUntil
          ? lockedError(wrong.lockedUntil, now)
          : new AppError('OTP_INVALID', 'wrong code', { remaining: wrong.remaining }),
      }
    }
    await tx
      .updateTable('otp_challenges')
      .set({ ended_at: at, end_reason: 'used' })
      .where('id', '=', row.id)
      .execute()
    await recordRightCode(tx, key)
    return {
      ok: await onVerified(tx, {
        id: row.id,
        companyId: row.company_id,
        purpose: row.purpose as OtpPurpose,
        userId: row.user_id,
        data: row.data_json ? (JSON.parse(row.data_json) as Record<string, unknown>) : {},
      }),
    }
  })
  if ('error' in outcome) throw outcome.error
  return outcome.ok
}

/**
 * Whether a code would pass right now, read only (nothing counted). Lets a caller skip costly
 * work (hashing a new password) for a code that will be refused anyway; verifyChallenge then
 * counts and refuses it as usual.
 */
export async function codeWouldPass(
  deps: CoreDeps,
  input: { challenge: string; code: string; purpose: OtpPurpose },
): Promise<boolean> {
  const now = deps.clock.now()
  const row = await findChallenge(deps.db, input.challenge)
  if (!row || row.purpose !== input.purpose || row.ended_at) return false
  if (row.expires_at <= now.toISOString()) return false
  if (await otpLockedUntil(deps.db, now, lockKeyOf(row.purpose, row.subject_key))) return false
  return codeMatches(input.challenge, input.code, row.code_hash)
}
