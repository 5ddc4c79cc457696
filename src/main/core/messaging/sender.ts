import type { Kysely } from 'kysely'
import { MESSAGE_CHANNELS, type MessageChannel } from '@shared/messaging'
import type { JobContext, JobCounts } from '../deps'
import { writeTx, type Database } from '../db'
import { loadChannelTransport, recordChannelStatus, type LoadedChannel } from './channels'
import type { MessagingDeps } from './deps'
import { MAX_ATTEMPTS, retryDelayMs, sentInWindow } from './rate-limit'
import { asSendError, SendError, type Transport } from './transports/types'
import { URGENT_TTL_MS, withSecret } from './urgent'

/** Messages claimed per transaction (at most the room left in the rate window). */
const CLAIM_BATCH = 100
/** Outcomes are written at least this often, so a crash re-sends little. */
const SETTLE_EVERY_MS = 1000
const SETTLE_BATCH = 50
/**
 * How long a claimed message is kept from other senders (the CLI beside the host). Should the
 * process die mid-send, the message is due again after this and goes out once more: at least
 * once rather than never.
 */
const CLAIM_LEASE_MS = 10 * 60_000

interface Claimed {
  id: number
  recipient: string
  subject: string | null
  body: string
  attempts: number
  nextAttemptAt: string | null
  urgent: boolean
  secretSealed: string | null
  createdAt: string
}

type Outcome =
  | { row: Claimed; at: string; ok: true; providerId: string | null }
  | { row: Claimed; at: string; ok: false; error: SendError }
  | { row: Claimed; released: true }

export interface SendCounts extends JobCounts {
  sent: number
  failed: number
  /** The channel was down: tried again later with backoff. */
  retrying: number
  /** Due but not sent in this run: rate window full, channel not set or off, or down. */
  waiting: number
}

/**
 * The `messages` job: sends what is due in the company's outbox, oldest first, channel by
 * channel within each channel's rate limit. The write lock is held only to claim and to settle,
 * never while a gateway answers. A channel that is down stops for this run; its messages wait.
 */
export async function sendDueMessages(
  deps: MessagingDeps,
  ctx: Pick<JobContext, 'companyId'>,
  options: { urgentOnly?: boolean } = {},
): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, failed: 0, retrying: 0, waiting: 0 }
  const urgentOnly = options.urgentOnly === true
  for (const kind of MESSAGE_CHANNELS) {
    const due = () => dueCount(deps.db, ctx.companyId, kind, deps.clock.now(), urgentOnly)
    if ((await due()) === 0) continue
    const loaded = await loadChannelTransport(deps, ctx.companyId, kind)
    if (loaded.ok) {
      try {
        await sendChannel(deps, ctx.companyId, loaded, counts, urgentOnly)
      } finally {
        loaded.transport.close?.()
      }
    }
    counts.waiting += await due()
  }
  return counts
}

async function dueCount(
  db: Kysely<Database>,
  companyId: number,
  channel: MessageChannel,
  now: Date,
  urgentOnly: boolean,
): Promise<number> {
  let q = db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'antri')
    .where('next_attempt_at', '<=', now.toISOString())
    .where('company_id', '=', companyId)
    .where('channel', '=', channel)
  if (urgentOnly) q = q.where('priority', '>', 0)
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n)
}

async function sendChannel(
  deps: MessagingDeps,
  companyId: number,
  { channel, transport }: { channel: LoadedChannel; transport: Transport },
  counts: SendCounts,
  urgentOnly: boolean,
): Promise<void> {
  for (;;) {
    const claimed = await writeTx(deps.db, (tx) => claim(tx, deps, companyId, channel, urgentOnly))
    if (claimed.length === 0) return
    const pending: Outcome[] = []
    let lastSettle = performance.now()
    let down = false
    for (const row of claimed) {
      if (down) {
        pending.push({ row, released: true })
        continue
      }
      try {
        const { providerId } = await transport.send({
          to: row.recipient,
          subject: sealedText(deps, row.subject, row.secretSealed),
          body: sealedText(deps, row.body, row.secretSealed)!,
        })
        pending.push({ row, at: deps.clock.now().toISOString(), ok: true, providerId })
      } catch (error) {
        const failure = asSendError(error)
        pending.push({ row, at: deps.clock.now().toISOString(), ok: false, error: failure })
        down = failure.kind === 'down'
      }
      if (pending.length >= SETTLE_BATCH || performance.now() - lastSettle >= SETTLE_EVERY_MS) {
        await settle(deps, channel, pending.splice(0), counts)
        lastSettle = performance.now()
      }
    }
    await settle(deps, channel, pending, counts)
    if (down) return
  }
}

/** A sealed code that cannot be opened (a foreign data directory's key) is refused, never sent blank. */
function sealedText(
  deps: MessagingDeps,
  text: string | null,
  sealed: string | null,
): string | null {
  try {
    return withSecret(deps.secrets, text, sealed)
  } catch {
    throw new SendError('rejected', 'the one-time code cannot be unsealed with this key')
  }
}

/**
 * Takes the urgent messages due (one-time codes: outside the rate limit), then up to the room
 * left in the channel's minute, marking each as being sent now.
 */
async function claim(
  tx: Kysely<Database>,
  deps: MessagingDeps,
  companyId: number,
  channel: LoadedChannel,
  urgentOnly: boolean,
): Promise<Claimed[]> {
  const now = deps.clock.now()
  const due = (urgent: boolean, limit: number) =>
    tx
      .selectFrom('messages')
      .select([
        'id',
        'recipient',
        'subject',
        'body',
        'attempts',
        'next_attempt_at',
        'priority',
        'secret_sealed',
        'created_at',
      ])
      .where('status', '=', 'antri')
      .where('next_attempt_at', '<=', now.toISOString())
      .where('company_id', '=', companyId)
      .where('channel', '=', channel.kind)
      .where('priority', urgent ? '>' : '=', 0)
      .orderBy('id')
      .limit(limit)
      .execute()
  const rows = await due(true, CLAIM_BATCH)
  if (!urgentOnly && rows.length < CLAIM_BATCH) {
    const room = channel.ratePerMinute - (await sentInWindow(tx, companyId, channel.kind, now))
    if (room > 0) rows.push(...(await due(false, Math.min(room, CLAIM_BATCH - rows.length))))
  }
  if (rows.length === 0) return []
  // sent_at marks the claim so the rate window counts messages in flight (and the other
  // process's sender skips them through next_attempt_at); settling sets or clears it.
  await tx
    .updateTable('messages')
    .set({
      sent_at: now.toISOString(),
      next_attempt_at: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
    })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute()
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    urgent: r.priority > 0,
    secretSealed: r.secret_sealed,
    createdAt: r.created_at,
  }))
}

async function settle(
  deps: MessagingDeps,
  channel: LoadedChannel,
  outcomes: Outcome[],
  counts: SendCounts,
): Promise<void> {
  if (outcomes.length === 0) return
  await writeTx(deps.db, async (tx) => {
    let last: Outcome | null = null
    for (const o of outcomes) {
      if ('released' in o) {
        await tx
          .updateTable('messages')
          .set({ sent_at: null, next_attempt_at: o.row.nextAttemptAt })
          .where('id', '=', o.row.id)
          .execute()
        continue
      }
      last = o
      const attempts = o.row.attempts + 1
      if (o.ok) {
        counts.sent++
        await tx
          .updateTable('messages')
          .set({
            status: 'terkirim',
            sent_at: o.at,
            provider_id: o.providerId,
            attempts,
            reason: null,
            error_detail: null,
            next_attempt_at: null,
            updated_at: o.at,
            // The code has done its work: it is not kept, sealed or not.
            secret_sealed: null,
          })
          .where('id', '=', o.row.id)
          .execute()
      } else {
        const expired =
          o.row.urgent && Date.parse(o.at) - Date.parse(o.row.createdAt) >= URGENT_TTL_MS
        const giveUp = o.error.kind === 'rejected' || attempts >= MAX_ATTEMPTS || expired
        if (giveUp) counts.failed++
        else counts.retrying++
        await tx
          .updateTable('messages')
          .set({
            status: giveUp ? 'gagal' : 'antri',
            reason: o.error.kind === 'rejected' ? 'rejected' : 'channel_down',
            error_detail: o.error.message.slice(0, 1000),
            attempts,
            sent_at: null,
            next_attempt_at: giveUp
              ? null
              : new Date(Date.parse(o.at) + retryDelayMs(attempts)).toISOString(),
            updated_at: o.at,
            ...(giveUp ? { secret_sealed: null } : {}),
          })
          .where('id', '=', o.row.id)
          .execute()
      }
    }
    if (last) await recordChannelStatus(tx, channel.id, last.at, last.ok ? null : last.error)
  })
}
