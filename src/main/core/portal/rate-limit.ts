import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { Clock } from '../clock'
import { writeTx, type Database, type Db } from '../db'

/**
 * Limits of the portal's procedures, per client address and per WhatsApp number, in fixed
 * windows kept in the database (a restart forgets nothing). The OTP service has its own limits
 * (60 s between codes, 5 an hour, 5 wrong codes lock 15 minutes); these stop one address from
 * trying many numbers, or many addresses from hammering one number.
 */
export const PORTAL_LIMITS = {
  /** Asking for a code (sign-in, Daftar, a new number): 10 a number, 20 an address per 15 min. */
  otpPhone: { hits: 10, windowMs: 15 * 60_000 },
  otpIp: { hits: 20, windowMs: 15 * 60_000 },
  /** Typing a code: 30 an address per 15 minutes (each challenge locks after 5 wrong). */
  verifyIp: { hits: 30, windowMs: 15 * 60_000 },
  /** Everything else a portal page asks: 240 a minute from one address. */
  readIp: { hits: 240, windowMs: 60_000 },
} as const

export type PortalLimit = keyof typeof PORTAL_LIMITS

/** Counts one request on each key; refuses (after counting) when a key went over its limit. */
export async function hitRateLimits(
  db: Db,
  clock: Clock,
  hits: { limit: PortalLimit; key: string }[],
): Promise<void> {
  const over = await writeTx(db, async (tx) => {
    let wait = 0
    for (const h of hits) wait = Math.max(wait, await hit(tx, clock, h.limit, h.key))
    return wait
  })
  if (over > 0) {
    throw new AppError('PORTAL_RATE_LIMITED', 'too many portal requests', {
      retryAfterSeconds: Math.ceil(over / 1000),
      minutes: Math.max(1, Math.ceil(over / 60_000)),
    })
  }
}

/** One hit on one key; the milliseconds until its window ends when it is over, else 0. */
async function hit(
  tx: Kysely<Database>,
  clock: Clock,
  limit: PortalLimit,
  key: string,
): Promise<number> {
  const { hits, windowMs } = PORTAL_LIMITS[limit]
  const now = clock.now()
  const id = `${limit}:${key}`
  const row = await tx
    .selectFrom('portal_rate_limits')
    .selectAll()
    .where('key', '=', id)
    .executeTakeFirst()
  const fresh = !row || new Date(row.window_start).getTime() + windowMs <= now.getTime()
  const windowStart = fresh ? now.toISOString() : row.window_start
  const count = fresh ? 1 : row.hits + 1
  await tx
    .insertInto('portal_rate_limits')
    .values({ key: id, window_start: windowStart, hits: count })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: windowStart, hits: count }))
    .execute()
  return count > hits ? new Date(windowStart).getTime() + windowMs - now.getTime() : 0
}
