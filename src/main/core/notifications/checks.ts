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

  if (scope === 'all') {
    const due = await unpaidIssued(db, ctx.companyId)
      .where('due_date', '=', day)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts.due_today = Number(due.n)
    if (counts.due_today > 0)
      items.push({
        kind: 'due_today',
        params: { count: counts.due_today, date: day },
        link: `/billing?due=${day}`,
        permission: 'billing.view',
        dedupeKey: `due_today:${day}`,
      })

    const overdue = await unpaidIssued(db, ctx.companyId)
      .where('due_date', '<', day)
      .select((eb) => eb.fn.count<number>('customer_id').distinct().as('n'))
      .executeTakeFirstOrThrow()
    counts.overdue = Number(overdue.n)
    if (counts.overdue > 0)
      items.push({
        kind: 'overdue',
        params: { count: counts.overdue, date: day },
        link: '/collections',
        permission: 'collections.view',
        dedupeKey: `overdue:${day}`,
      })
  }

  const since = new Date(deps.clock.now().getTime() - DAY_MS).toISOString()
  const failed = await db
    .selectFrom('messages')
    .where('company_id', '=', ctx.companyId)
    .where('status', '=', 'gagal')
    .where('updated_at', '>=', since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  counts.messages_failing = Number(failed.n)
  if (counts.messages_failing > 0)
    items.push({
      kind: 'messages_failing',
      params: { count: counts.messages_failing, date: day },
      link: '/messages?status=gagal',
      permission: 'messages.view',
      dedupeKey: `messages_failing:${day}`,
    })

  counts.router_jobs_failing = (await deviceJobCounts(db, ctx.companyId)).failed
  if (counts.router_jobs_failing > 0)
    items.push({
      kind: 'router_jobs_failing',
      params: { count: counts.router_jobs_failing, date: day },
      link: '/network?tab=jobs',
      permission: 'network.view',
      dedupeKey: `router_jobs_failing:${day}`,
    })

  counts.notified = items.length
    ? await writeTx(db, (tx) => notify(tx, ctx.companyId, items, deps.clock.now().toISOString()))
    : 0
  return counts
}
