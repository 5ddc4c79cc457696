import type { MessageChannel } from '@shared/messaging'
import type { Db } from '../db'
import type { Tx } from '../db'

/** The window a channel's `rate_per_minute` is counted over. */
export const RATE_WINDOW_MS = 60_000

/** A message whose channel is down is tried this many times in all, then given up as gagal. */
export const MAX_ATTEMPTS = 8

/** Waits after the 1st, 2nd … failed attempt: quick for a blip, then no more than hourly. */
const RETRY_DELAYS_MS = [30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000]

export function retryDelayMs(attemptsMade: number): number {
  return RETRY_DELAYS_MS[Math.min(attemptsMade, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]!
}

/**
 * Messages of this channel sent (or being sent) in the last minute, read from the outbox itself:
 * the host's sender, a `jobs run` from the CLI and a test message all count against one limit,
 * and a restart does not reset it.
 */
export async function sentInWindow(
  db: Db | Tx,
  companyId: number,
  channel: MessageChannel,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - RATE_WINDOW_MS).toISOString()
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('channel', '=', channel)
    .where('sent_at', '>', since)
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
