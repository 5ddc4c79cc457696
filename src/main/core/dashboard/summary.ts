import { sql } from 'kysely'
import { addMonths, calendarDate, startOfDayInZone, type CalendarDate } from '@shared/dates'
import type { Db } from '../db'
import { invoicedVsCollected, receivablesSummary, type ReceivablesSummary } from '../reports'
import type { DashboardAccess } from './access'

export interface CountAmount {
  count: number
  amount: number
}

export interface DashboardSummary {
  /** The day the figures are of (today, or the CLI's --as-of). */
  asOf: CalendarDate
  /** `YYYY-MM`: the billing period "this period" means. */
  period: string
  customers?: { aktif: number; isolir: number; putus: number; newThisMonth: number }
  /** Invoiced vs collected of this period: the report "Tagihan vs Terbayar" for one period. */
  billing?: { invoices: number; invoiced: number; collected: number; rate: number | null }
  receivables?: ReceivablesSummary
  takings?: {
    scope: 'all' | 'own'
    total: CountAmount
    byMethod: (CountAmount & { method: string })[]
  }
  collections?: { isolatedToday: number; restoredToday: number }
  messages?: { failed: number; queued: number }
  routerJobs?: { failed: number; pending: number }
}

export interface SummaryParams {
  /** The day the figures are of; customer counts are always as they stand now (no history). */
  asOf: CalendarDate
  /** Today in the company's zone: picks the receivables' fast path (see ReceivablesParams). */
  today: CalendarDate
  timeZone: string
  /** The signed-in user: whose takings a cashier sees. */
  userId: number | null
  access: DashboardAccess
}

async function customerCounts(db: Db, companyId: number, month: { from: string; to: string }) {
  // Two index reads (customers_area_idx holds the status; customers_created_idx the instant)
  // rather than one pass over every customer row.
  const [byStatus, fresh] = await Promise.all([
    db
      .selectFrom('customers')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('company_id', '=', companyId)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', companyId)
      .where('created_at', '>=', month.from)
      .where('created_at', '<', month.to)
      .executeTakeFirst(),
  ])
  const of = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0)
  return {
    aktif: of('aktif'),
    isolir: of('isolir'),
    putus: of('putus'),
    newThisMonth: Number(fresh?.n ?? 0),
  }
}

/**
 * Today's kept payments by method, as the payments report counts them (received today, not
 * reversed); `userId` narrows them to one cashier.
 */
async function takingsOn(db: Db, companyId: number, day: CalendarDate, userId: number | null) {
  let q = db
    .selectFrom('payments')
    .select((eb) => [
      'method',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('amount').as('amount'),
    ])
    .where('company_id', '=', companyId)
    .where('received_date', '=', day)
    .where('status', '=', 'ok')
  if (userId !== null) q = q.where('user_id', '=', userId)
  const rows = await q.groupBy('method').execute()
  const byMethod = rows
    .map((r) => ({ method: r.method, count: Number(r.count), amount: Number(r.amount) }))
    .sort((a, b) => b.amount - a.amount || a.method.localeCompare(b.method))
  return {
    total: {
      count: byMethod.reduce((s, r) => s + r.count, 0),
      amount: byMethod.reduce((s, r) => s + r.amount, 0),
    },
    byMethod,
  }
}

/** Services isolated and restored with effect today, by hand or by the automatic run. */
async function isolirToday(db: Db, companyId: number, day: CalendarDate) {
  const { rows } = await sql<{ isolated: number | null; restored: number | null }>`SELECT
      SUM(CASE WHEN h.to_value = 'isolir' THEN 1 ELSE 0 END) AS isolated,
      SUM(CASE WHEN h.from_value = 'isolir' AND h.to_value = 'aktif' THEN 1 ELSE 0 END) AS restored
    FROM service_history h JOIN services s ON s.id = h.service_id
    WHERE s.company_id = ${companyId} AND h.kind = 'status' AND h.pending = 0
      AND h.effective_date = ${day}`.execute(db)
  return {
    isolatedToday: Number(rows[0]?.isolated ?? 0),
    restoredToday: Number(rows[0]?.restored ?? 0),
  }
}

async function messageCounts(db: Db, companyId: number) {
  const rows = await db
    .selectFrom('messages')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('status', 'in', ['gagal', 'antri'])
    .groupBy('status')
    .execute()
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
  return { failed: of('gagal'), queued: of('antri') }
}

async function jobCounts(db: Db, companyId: number) {
  const rows = await db
    .selectFrom('device_jobs')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('status', 'in', ['failed', 'pending'])
    .groupBy('status')
    .execute()
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
  return { failed: of('failed'), pending: of('pending') }
}

/**
 * The owner's figures of the day, each part only when `access` allows it (a part left out is
 * not computed and not sent). Money figures come from the reports' own functions or their
 * definitions, so the dashboard and Laporan agree to the rupiah.
 */
export async function dashboardSummary(
  db: Db,
  companyId: number,
  { asOf, today, timeZone, userId, access }: SummaryParams,
): Promise<DashboardSummary> {
  const period = asOf.slice(0, 7)
  const has = (p: Parameters<typeof access.parts.has>[0]) => access.parts.has(p)
  // "New this month": created between the month's first instant and the next month's, in the
  // company's zone (created_at is a UTC instant).
  const first = calendarDate(`${period}-01`)
  const month = {
    from: startOfDayInZone(first, timeZone).toISOString(),
    to: startOfDayInZone(addMonths(first, 1), timeZone).toISOString(),
  }
  const [customers, billing, receivables, takings, collections, messages, routerJobs] =
    await Promise.all([
      has('customers') ? customerCounts(db, companyId, month) : undefined,
      has('billing')
        ? invoicedVsCollected(db, companyId, { from: period, to: period }).then((r) => ({
            invoices: r.totals.invoices,
            invoiced: r.totals.invoiced,
            collected: r.totals.collected,
            rate: r.totals.rate,
          }))
        : undefined,
      has('receivables') ? receivablesSummary(db, companyId, { asOf, today }) : undefined,
      access.takings
        ? takingsOn(db, companyId, asOf, access.takings === 'own' ? (userId ?? -1) : null).then(
            (t) => ({ scope: access.takings!, ...t }),
          )
        : undefined,
      has('collections') ? isolirToday(db, companyId, asOf) : undefined,
      has('messages') ? messageCounts(db, companyId) : undefined,
      has('routerJobs') ? jobCounts(db, companyId) : undefined,
    ])
  return {
    asOf,
    period,
    ...(customers && { customers }),
    ...(billing && { billing }),
    ...(receivables && { receivables }),
    ...(takings && { takings }),
    ...(collections && { collections }),
    ...(messages && { messages }),
    ...(routerJobs && { routerJobs }),
  }
}
