import type { Kysely } from 'kysely'
import type { MessageRetryInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { MessagingDeps } from './deps'

type CompanyActor = Actor & { companyId: number }

/** The ids an audit entry keeps; "all failed" after an outage can be thousands. */
const AUDIT_IDS = 50

function auditIds(ids: number[] | null) {
  return ids
    ? { ids: ids.slice(0, AUDIT_IDS), ...(ids.length > AUDIT_IDS ? { more: true } : {}) }
    : {}
}

/** `UPDATE … WHERE id IN (…)` in chunks, well under SQLite's bound-parameter limit. */
async function updateIds(
  ids: number[],
  run: (chunk: number[]) => Promise<{ numUpdatedRows: bigint }>,
): Promise<number> {
  let n = 0
  for (let i = 0; i < ids.length; i += 5000)
    n += Number((await run(ids.slice(i, i + 5000))).numUpdatedRows)
  return n
}

/**
 * "Coba ulang": failed messages go back to the queue as if new (attempts from zero, due now);
 * the sender is woken after the commit. Messages that are not failed (sent meanwhile, skipped,
 * another company's) are left alone.
 */
export async function retryMessages(
  deps: MessagingDeps,
  actor: CompanyActor,
  input: MessageRetryInput,
): Promise<{ retried: number }> {
  const now = deps.clock.now().toISOString()
  const ids = 'ids' in input ? [...new Set(input.ids)] : null
  const retried = await writeTx(deps.db, async (tx) => {
    const update = (chunk: number[] | null) => {
      let q = tx
        .updateTable('messages')
        .set({
          status: 'antri',
          attempts: 0,
          reason: null,
          error_detail: null,
          next_attempt_at: now,
          updated_at: now,
        })
        .where('company_id', '=', actor.companyId)
        .where('status', '=', 'gagal')
        // A one-time code is erased when its message fails for good and is worthless by then.
        .where('kind', '!=', 'otp')
      if (chunk) q = q.where('id', 'in', chunk)
      return q.executeTakeFirst()
    }
    const n = ids
      ? await updateIds(ids, (chunk) => update(chunk))
      : Number((await update(null)).numUpdatedRows)
    if (n > 0) await audit(tx, deps, actor, 'messages.retry', n, ids)
    return n
  })
  if (retried > 0) deps.onMessages?.()
  return { retried }
}

/**
 * "Batalkan": queued messages are not sent; they stay in the history as skipped with the reason
 * `cancelled`. One the sender already finished is not touched.
 */
export async function cancelMessages(
  deps: MessagingDeps,
  actor: CompanyActor,
  input: { ids: number[] },
): Promise<{ cancelled: number }> {
  const now = deps.clock.now().toISOString()
  const ids = [...new Set(input.ids)]
  const cancelled = await writeTx(deps.db, async (tx) => {
    const n = await updateIds(ids, (chunk) =>
      tx
        .updateTable('messages')
        .set({ status: 'dilewati', reason: 'cancelled', next_attempt_at: null, updated_at: now })
        .where('company_id', '=', actor.companyId)
        .where('status', '=', 'antri')
        .where('id', 'in', chunk)
        .executeTakeFirst(),
    )
    if (n > 0) await audit(tx, deps, actor, 'messages.cancel', n, ids)
    return n
  })
  return { cancelled }
}

function audit(
  tx: Kysely<Database>,
  deps: MessagingDeps,
  actor: CompanyActor,
  action: 'messages.retry' | 'messages.cancel',
  count: number,
  ids: number[] | null,
) {
  return appendAudit(tx, deps.clock, actor, {
    action,
    entityType: 'message',
    entityId: ids?.length === 1 ? ids[0] : null,
    after: { count, ...(ids ? auditIds(ids) : { all_failed: true }) },
  })
}
