import type { Kysely } from 'kysely'
import { appendAudit } from '../audit'
import type { Clock } from '../clock'
import type { Database } from '../db'

/**
 * Wrong-code locks, one row per purpose and subject (`staff_sign_in:user:12`), kept in the
 * database so a restart forgets nothing. 5 wrong codes lock for 15 minutes; attempts refused
 * while locked are counted on the lock, which gets one audit entry with the count once over.
 */
export const OTP_MAX_FAILURES = 5
export const OTP_LOCK_MS = 15 * 60_000

export function lockKeyOf(purpose: string, subjectKey: string): string {
  return `${purpose}:${subjectKey}`
}

export async function otpLockedUntil(
  db: Kysely<Database>,
  now: Date,
  key: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('otp_locks')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.locked_until && row.locked_until > now.toISOString()
    ? new Date(row.locked_until)
    : null
}

export async function countOtpRefused(tx: Kysely<Database>, key: string): Promise<void> {
  await tx
    .updateTable('otp_locks')
    .set((eb) => ({ refused: eb('refused', '+', 1) }))
    .where('key', '=', key)
    .execute()
}

async function ensureRow(tx: Kysely<Database>, key: string): Promise<void> {
  await tx
    .insertInto('otp_locks')
    .values({ key })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

/** One more wrong code; the fifth locks the subject. Returns how many remain, or the lock's end. */
export async function recordWrongCode(
  tx: Kysely<Database>,
  clock: Clock,
  key: string,
): Promise<{ remaining: number; lockedUntil: Date | null }> {
  await closeEndedOtpLocks(tx, clock)
  await ensureRow(tx, key)
  const row = await tx
    .updateTable('otp_locks')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('key', '=', key)
    .returning('failures')
    .executeTakeFirstOrThrow()
  if (row.failures < OTP_MAX_FAILURES) {
    return { remaining: OTP_MAX_FAILURES - row.failures, lockedUntil: null }
  }
  const now = clock.now()
  const until = new Date(now.getTime() + OTP_LOCK_MS)
  await tx
    .updateTable('otp_locks')
    .set({
      failures: 0,
      locked_at: now.toISOString(),
      locked_until: until.toISOString(),
      refused: 0,
    })
    .where('key', '=', key)
    .execute()
  return { remaining: 0, lockedUntil: until }
}

/**
 * A right code clears the wrong ones, and the 60 s between sends: that wait keeps a waiting code
 * from being replaced too often, and a used code waits for nothing (signing out and in again at
 * once gets a code). The hourly cap still counts every send.
 */
export async function recordRightCode(tx: Kysely<Database>, key: string): Promise<void> {
  await tx
    .updateTable('otp_locks')
    .set({ failures: 0, last_sent_at: null })
    .where('key', '=', key)
    .execute()
}

/** When the subject last had a code sent (60 s between sends, across its challenges). */
export async function lastSentAt(tx: Kysely<Database>, key: string): Promise<string | null> {
  const row = await tx
    .selectFrom('otp_locks')
    .select('last_sent_at')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.last_sent_at ?? null
}

export async function markSent(tx: Kysely<Database>, key: string, at: string): Promise<void> {
  await ensureRow(tx, key)
  await tx.updateTable('otp_locks').set({ last_sent_at: at }).where('key', '=', key).execute()
}

/**
 * The one audit entry of every lock that is over: which purpose and subject, from when to when,
 * and how many attempts it refused. Runs at the start of every OTP operation.
 */
export async function closeEndedOtpLocks(tx: Kysely<Database>, clock: Clock): Promise<void> {
  const now = clock.now().toISOString()
  const ended = await tx
    .selectFrom('otp_locks')
    .selectAll()
    .where('locked_at', 'is not', null)
    .where('locked_until', '<=', now)
    .execute()
  for (const lock of ended) {
    const [purpose, kind, id] = lock.key.split(':')
    const user =
      kind === 'user'
        ? await tx
            .selectFrom('users')
            .select(['id', 'company_id', 'username'])
            .where('id', '=', Number(id))
            .executeTakeFirst()
        : undefined
    // A decoy's lock (a reset asked for an unknown username) leaves no entry: nobody to name.
    if (user) {
      await appendAudit(
        tx,
        clock,
        {
          companyId: user.company_id,
          userId: user.id,
          username: user.username,
          ip: null,
          userAgent: null,
        },
        {
          action: 'otp.locked',
          entityType: 'user',
          entityId: user.id,
          after: {
            purpose,
            lockedFrom: lock.locked_at,
            lockedUntil: lock.locked_until,
            refused: lock.refused,
          },
        },
      )
    }
    await tx.updateTable('otp_locks').set({ locked_at: null }).where('key', '=', lock.key).execute()
  }
}
