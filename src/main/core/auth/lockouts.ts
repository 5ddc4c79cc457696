import type { Kysely } from 'kysely'
import { appendAudit } from '../audit'
import type { Clock } from '../clock'
import type { Database } from '../db'

/**
 * The sign-in locks, one row per key (`user:<name>` or `ip:<address>`). A flood of attempts
 * against a lock must not flood the append-only audit log: refused attempts are counted on the
 * lock, and each lock gets one audit entry with that count once it is over.
 */
export const LOCKOUT_MS = 15 * 60_000

/** The latest end of an active lock on any of the keys, or null when sign-in may be tried. */
export async function activeLockout(
  db: Kysely<Database>,
  now: Date,
  keys: string[],
): Promise<Date | null> {
  const row = await db
    .selectFrom('login_lockouts')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', keys)
    .where('locked_until', '>', now.toISOString())
    .executeTakeFirst()
  return row?.until ? new Date(row.until) : null
}

/** One more attempt refused by the active locks on these keys. */
export async function countRefused(tx: Kysely<Database>, now: Date, keys: string[]): Promise<void> {
  await tx
    .updateTable('login_lockouts')
    .set((eb) => ({ refused: eb('refused', '+', 1) }))
    .where('key', 'in', keys)
    .where('locked_until', '>', now.toISOString())
    .execute()
}

/**
 * Locks a key for LOCKOUT_MS from now. An active lock is extended (it stays one lock with one
 * count); an ended one is closed first (its audit entry), then started afresh.
 */
export async function setLock(tx: Kysely<Database>, clock: Clock, key: string): Promise<Date> {
  const now = clock.now()
  const until = new Date(now.getTime() + LOCKOUT_MS).toISOString()
  const existing = await tx
    .selectFrom('login_lockouts')
    .select(['locked_until', 'closed'])
    .where('key', '=', key)
    .executeTakeFirst()
  if (!existing) {
    await tx
      .insertInto('login_lockouts')
      .values({ key, locked_until: until, created_at: now.toISOString() })
      .execute()
  } else if (existing.locked_until > now.toISOString()) {
    await tx
      .updateTable('login_lockouts')
      .set({ locked_until: until })
      .where('key', '=', key)
      .execute()
  } else {
    if (existing.closed === 0) await closeEndedLocks(tx, clock)
    await tx
      .updateTable('login_lockouts')
      .set({ locked_until: until, created_at: now.toISOString(), refused: 0, closed: 0 })
      .where('key', '=', key)
      .execute()
  }
  return new Date(until)
}

/**
 * Writes the one audit entry of every lock that is over and not yet recorded: who or which
 * address, from when to when, and how many attempts it refused. Runs inside each sign-in's
 * write transaction, so a lock is recorded at the first sign-in after it ended.
 */
export async function closeEndedLocks(tx: Kysely<Database>, clock: Clock): Promise<number> {
  const now = clock.now().toISOString()
  const ended = await tx
    .selectFrom('login_lockouts')
    .selectAll()
    .where('closed', '=', 0)
    .where('locked_until', '<=', now)
    .orderBy('created_at')
    .execute()
  for (const lock of ended) {
    const [kind, ...rest] = lock.key.split(':')
    const value = rest.join(':')
    const user =
      kind === 'user'
        ? await tx
            .selectFrom('users')
            .select(['id', 'company_id'])
            .where('username', '=', value)
            .executeTakeFirst()
        : undefined
    await appendAudit(
      tx,
      clock,
      {
        companyId: user?.company_id ?? null,
        userId: user?.id ?? null,
        username: kind === 'user' ? value : null,
        ip: kind === 'ip' ? value : null,
        userAgent: null,
      },
      {
        action: 'auth.login.locked',
        entityType: user ? 'user' : null,
        entityId: user?.id ?? null,
        after: {
          ...(kind === 'user' ? { username: value } : { address: value }),
          lockedFrom: lock.created_at,
          lockedUntil: lock.locked_until,
          refused: lock.refused,
        },
      },
    )
    await tx.updateTable('login_lockouts').set({ closed: 1 }).where('key', '=', lock.key).execute()
  }
  return ended.length
}
