import type { Kysely } from 'kysely'
import type { Database } from '../db'

/** 5 wrong passwords within 15 minutes for one username or from one address lock it for 15 minutes. */
export const MAX_FAILURES = 5
export const FAILURE_WINDOW_MS = 15 * 60_000
export const LOCKOUT_MS = 15 * 60_000

export interface ThrottleKeys {
  username: string
  ip: string
}

export function lockoutKeys({ username, ip }: ThrottleKeys): string[] {
  return [`user:${username.toLowerCase()}`, `ip:${ip}`]
}

/** The latest end of an active lockout on either key, or null when sign-in may be tried. */
export async function activeLockout(
  db: Kysely<Database>,
  now: Date,
  keys: ThrottleKeys,
): Promise<Date | null> {
  const row = await db
    .selectFrom('login_lockouts')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', lockoutKeys(keys))
    .where('locked_until', '>', now.toISOString())
    .executeTakeFirst()
  return row?.until ? new Date(row.until) : null
}

/**
 * Counts the failures that still matter for one key: inside the window, after the last lockout
 * ended and (for a username) after its last successful sign-in.
 */
async function recentFailures(
  db: Kysely<Database>,
  now: Date,
  column: 'username' | 'ip',
  value: string,
  key: string,
): Promise<number> {
  const since = [new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()]
  const lock = await db
    .selectFrom('login_lockouts')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst()
  if (lock) since.push(lock.locked_until)
  if (column === 'username') {
    const ok = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('username', '=', value)
      .where('outcome', '=', 'success')
      .executeTakeFirst()
    if (ok?.at) since.push(ok.at)
  }
  const from = since.sort().at(-1)!
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('outcome', '=', 'failure')
    .where('at', '>', from)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** After recording a failure: lock each key that reached the limit. Returns the lock end, if any. */
export async function lockIfExceeded(
  tx: Kysely<Database>,
  now: Date,
  keys: ThrottleKeys,
): Promise<Date | null> {
  const [userKey, ipKey] = lockoutKeys(keys) as [string, string]
  const until = new Date(now.getTime() + LOCKOUT_MS)
  let locked: Date | null = null
  for (const [column, value, key] of [
    ['username', keys.username.toLowerCase(), userKey],
    ['ip', keys.ip, ipKey],
  ] as const) {
    if ((await recentFailures(tx, now, column, value, key)) >= MAX_FAILURES) {
      await tx
        .insertInto('login_lockouts')
        .values({ key, locked_until: until.toISOString(), created_at: now.toISOString() })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({ locked_until: until.toISOString(), created_at: now.toISOString() }),
        )
        .execute()
      locked = until
    }
  }
  return locked
}
