import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import { takeTurn, type Database } from '../db'
import { activeLockout, closeEndedLocks, countRefused, LOCKOUT_MS, setLock } from './lockouts'

export { LOCKOUT_MS }

/**
 * 5 guesses within 15 minutes for one username or from one address lock it for 15 minutes.
 * A guess counts from the moment it is admitted, before its password is checked: fifteen
 * sign-ins sent at once get five checks, not fifteen (issue 13, finding 1).
 */
export const MAX_FAILURES = 5
export const FAILURE_WINDOW_MS = 15 * 60_000

/** Attempts are counted and locks decided one sign-in at a time, on either engine. */
const SIGN_IN_TURN = 'sign-in'

export interface ThrottleKeys {
  username: string
  ip: string
}

interface KeyOf {
  column: 'username' | 'ip'
  value: string
  key: string
}

function keysOf({ username, ip }: ThrottleKeys): KeyOf[] {
  const name = username.toLowerCase()
  return [
    { column: 'username', value: name, key: `user:${name}` },
    { column: 'ip', value: ip, key: `ip:${ip}` },
  ]
}

export function lockoutKeys(keys: ThrottleKeys): string[] {
  return keysOf(keys).map((k) => k.key)
}

/**
 * The guesses that still matter for one key: failed (and, when asked, still being checked)
 * inside the window, after the key's last lock ended and, for a username, after its last
 * successful sign-in.
 */
async function guesses(
  db: Kysely<Database>,
  now: Date,
  k: KeyOf,
  withPending: boolean,
): Promise<number> {
  const since = [new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()]
  const lock = await db
    .selectFrom('login_lockouts')
    .select('locked_until')
    .where('key', '=', k.key)
    .executeTakeFirst()
  if (lock) since.push(lock.locked_until)
  if (k.column === 'username') {
    const ok = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('username', '=', k.value)
      .where('outcome', '=', 'success')
      .executeTakeFirst()
    if (ok?.at) since.push(ok.at)
  }
  const from = since.sort().at(-1)!
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(k.column, '=', k.value)
    .where('outcome', 'in', withPending ? ['failure', 'pending'] : ['failure'])
    .where('at', '>', from)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export type Admission = { admitted: true; attemptId: number } | { admitted: false; until: Date }

/**
 * Decides whether one sign-in attempt may have its password checked, in the write transaction
 * that records it, so concurrent attempts are decided one after another. Refused while a lock
 * holds (counted on the lock, no row of its own); refused and locked now when the guesses in the
 * window, finished or still being checked, reached the limit; otherwise admitted as pending.
 */
export async function admitAttempt(
  tx: Kysely<Database>,
  clock: Clock,
  keys: ThrottleKeys,
  userAgent: string,
): Promise<Admission> {
  await takeTurn(tx, SIGN_IN_TURN)
  const now = clock.now()
  await closeEndedLocks(tx, clock)
  const all = lockoutKeys(keys)
  let until = await activeLockout(tx, now, all)
  if (!until) {
    for (const k of keysOf(keys)) {
      if ((await guesses(tx, now, k, true)) >= MAX_FAILURES) until = await setLock(tx, clock, k.key)
    }
  }
  if (until) {
    await countRefused(tx, now, all)
    return { admitted: false, until }
  }
  const row = await tx
    .insertInto('login_attempts')
    .values({
      at: now.toISOString(),
      username: keys.username.toLowerCase(),
      ip: keys.ip,
      user_agent: userAgent,
      outcome: 'pending',
      user_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { admitted: true, attemptId: row.id }
}

/**
 * A checked guess was wrong: recorded, and each key that reached the limit is locked. Returns
 * the end of the lock that now holds (this one's or one a concurrent attempt set), if any.
 */
export async function settleFailure(
  tx: Kysely<Database>,
  clock: Clock,
  attemptId: number,
  keys: ThrottleKeys,
  userId: number | null,
): Promise<Date | null> {
  await takeTurn(tx, SIGN_IN_TURN)
  await tx
    .updateTable('login_attempts')
    .set({ outcome: 'failure', user_id: userId })
    .where('id', '=', attemptId)
    .execute()
  const now = clock.now()
  for (const k of keysOf(keys)) {
    if ((await guesses(tx, now, k, false)) >= MAX_FAILURES) await setLock(tx, clock, k.key)
  }
  return activeLockout(tx, now, lockoutKeys(keys))
}

/**
 * The password was right. The lock is read again now, when the session would be issued: a
 * lock set by concurrent guesses while this password was hashed refuses it (and is counted).
 */
export async function settleSuccess(
  tx: Kysely<Database>,
  clock: Clock,
  attemptId: number,
  keys: ThrottleKeys,
  userId: number,
): Promise<Date | null> {
  await takeTurn(tx, SIGN_IN_TURN)
  const now = clock.now()
  const until = await activeLockout(tx, now, lockoutKeys(keys))
  if (until) await countRefused(tx, now, lockoutKeys(keys))
  await tx
    .updateTable('login_attempts')
    .set({ outcome: until ? 'locked' : 'success', user_id: userId })
    .where('id', '=', attemptId)
    .execute()
  return until
}

/** The lock that holds for these keys right now (read again when a session is issued). */
export function currentLockout(
  db: Kysely<Database>,
  now: Date,
  keys: ThrottleKeys,
): Promise<Date | null> {
  return activeLockout(db, now, lockoutKeys(keys))
}
