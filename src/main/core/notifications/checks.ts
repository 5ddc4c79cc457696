import type { Kysely } from 'kysely'
import { deviceJobCounts } from '../device-jobs'
import { writeTx, type Database } from '../db'
import type { CoreDeps, JobContext, JobCounts } from '../deps'
import { notify, type NotificationInput } from './notify'

/** The morning check looks at everything; the hourly one only at what is failing. */
export type NotificationScope = 'all' | 'failures'

const DAY_MS = 86_400_000

const unpaidIssued = (db: Kysely<Database>, companyId: number) =>
  db
    .selectFrom('invoices')
    .where('company_id', '=', companyId)
    .where('status', '=', 'issued')
    .where('payment_status', 'in', ['belum_bayar', 'sebagian'])

/**
 * The `notifications` job: what the office should look at today. Each kind is told at most once
 * per day (dedupe key kind:day), so the hourly re-check and a replayed day repeat nothing; the
 * counts record what was found either way.
 */
export async function runNotificationChecks(
  deps: CoreDeps,
  ctx: Pick<JobContext, 'companyId' | 'asOf'>,
  scope: NotificationScope,
): Promise<JobCounts> {
  const { db } = deps
  const day = ctx.asOf
  const items: NotificationInput[] = []
  const counts: JobCounts = {}
  /** Records the count, and tells the office once per day and kind when there is something. */
  const tell = (
    kind: NotificationInput['kind'],
    count: number,
    link: string,
    permission: NotificationInput['permission'],
  ) => {
    counts[kind] = count
    if (count > 0)
      items.push({
        kind,
        params: { count, date: day },
        link,
        permission,
        dedupeKey: `${kind}:${day}`,
      })
  }

  if (scope === 'all') {
    const due = await unpaidIssued(db, ctx.companyId)
      .where('due_date', '=', day)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    tell('due_today', Number(due.n), `/billing?due=${day}`, 'billing.view')

    const overdue = await unpaidIssued(db, ctx.companyId)
      .where('due_date', '<', day)
      .select((eb) => eb.fn.count<number>('customer_id').distinct().as('n'))
      .executeTakeFirstOrThrow()
    tell('overdue', Number(overdue.n), '/collections', 'collections.view')
  }

  const since = new Date(deps.clock.now().getTime() - DAY_MS).toISOString()
  const failed = await db
    .selectFrom('messages')
    .where('company_id', '=', ctx.companyId)
    .where('status', '=', 'gagal')
    .where('updated_at', '>=', since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  tell('messages_failing', Number(failed.n), '/messages?status=gagal', 'messages.view')

  const routerJobs = await deviceJobCounts(db, ctx.companyId)
  tell('router_jobs_failing', routerJobs.failed, '/network?tab=jobs', 'network.view')

  counts.notified = items.length
    ? await writeTx(db, (tx) => notify(tx, ctx.companyId, items, deps.clock.now().toISOString()))
    : 0
  return counts
}
