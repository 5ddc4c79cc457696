import { sql, type RawBuilder } from 'kysely'
import type { IssueView, PaymentStatus } from '@shared/billing'
import type { CalendarDate } from '@shared/dates'
import type { Db } from '../db'

export interface InvoiceListFilter {
  period?: string
  status?: PaymentStatus
  areaId?: number
  productId?: number
  customerId?: number
  dueDate?: string
  q?: string
  /** By issue date against today; 'issued' when left out. */
  issue?: IssueView
  cursor: number
  limit: number
}

export interface InvoiceListRow {
  id: number
  number: string | null
  customerId: number
  customerCode: string
  customerName: string
  kind: string
  period: string | null
  issueDate: string
  dueDate: string
  total: number
  paid: number
  balance: number
  status: string
  paymentStatus: PaymentStatus
  /** Dated after today: numbered by the run, but the customer's bill only from its issue date. */
  upcoming: boolean
}

/** Issued invoices dated after today (the "terbit nanti" of a list or a report). */
export interface UpcomingInvoices {
  count: number
  total: number
  /** What is still unpaid on them (prepaid customers may pay before the issue date). */
  balance: number
}

/**
 * The invoices list: filters by period, status, area, product and issue date, with the totals of
 * what is listed (issued invoices only: drafts and void ones are listed but not counted) and of
 * the not-yet-issued invoices matching the same filters. By default (`issue: 'issued'`) the list
 * and its totals stop at today: an anniversary run on 4 Dec numbers invoices dated up to 31 Dec,
 * and an operator reading Tagihan expects what customers have been billed so far, the figure
 * Piutang (receivables as of today) also counts. The not-yet-issued ones are one filter away and
 * named in words under the totals, never silently dropped.
 */
export async function listInvoices(
  db: Db,
  companyId: number,
  f: InvoiceListFilter,
  today: CalendarDate,
) {
  const view = f.issue ?? 'issued'
  const q = filtered(db, companyId, f)
  const upcoming = sql<boolean>`i.issue_date > ${today}`
  const inView: RawBuilder<boolean> =
    view === 'issued' ? sql`i.issue_date <= ${today}` : view === 'upcoming' ? upcoming : sql`1 = 1`
  const counted = sql`${inView} AND i.status = 'issued'`
  const later = sql`${upcoming} AND i.status = 'issued'`
  const [rows, sums] = await Promise.all([
    q
      .where(inView)
      .select([
        'i.id',
        'i.number',
        'i.customer_id as customerId',
        'i.customer_code as customerCode',
        'i.customer_name as customerName',
        'i.kind',
        'i.period',
        'i.issue_date as issueDate',
        'i.due_date as dueDate',
        'i.total',
        'i.paid',
        'i.status',
        'i.payment_status as paymentStatus',
      ])
      .orderBy('i.issue_date', 'desc')
      .orderBy('i.id', 'desc')
      .offset(f.cursor)
      .limit(f.limit)
      .execute(),
    // One pass over the matches for every figure (portable CASE sums, no FILTER clause).
    q
      .select([
        sql<number>`SUM(CASE WHEN ${inView} THEN 1 ELSE 0 END)`.as('matched'),
        sql<number>`SUM(CASE WHEN ${counted} THEN 1 ELSE 0 END)`.as('count'),
        sql<number>`SUM(CASE WHEN ${counted} THEN i.total ELSE 0 END)`.as('total'),
        sql<number>`SUM(CASE WHEN ${counted} THEN i.paid ELSE 0 END)`.as('paid'),
        sql<number>`SUM(CASE WHEN ${later} THEN 1 ELSE 0 END)`.as('upcomingCount'),
        sql<number>`SUM(CASE WHEN ${later} THEN i.total ELSE 0 END)`.as('upcomingTotal'),
        sql<number>`SUM(CASE WHEN ${later} THEN i.total - i.paid ELSE 0 END)`.as('upcomingBalance'),
      ])
      .executeTakeFirstOrThrow(),
  ])
  const n = (v: number | null) => Number(v ?? 0)
  return {
    rows: rows.map((r): InvoiceListRow => ({
      ...r,
      balance: r.status === 'void' ? 0 : r.total - r.paid,
      upcoming: r.status === 'issued' && r.issueDate > today,
    })),
    issue: view,
    today,
    /** Rows listed (drafts and void ones included). */
    matched: n(sums.matched),
    /** Issued invoices listed, and their sums: the totals row. */
    count: n(sums.count),
    total: n(sums.total),
    paid: n(sums.paid),
    upcoming: {
      count: n(sums.upcomingCount),
      total: n(sums.upcomingTotal),
      balance: n(sums.upcomingBalance),
    } satisfies UpcomingInvoices,
    nextCursor: rows.length === f.limit ? f.cursor + f.limit : null,
  }
}

/** Every filter but the issue date. */
function filtered(db: Db, companyId: number, f: InvoiceListFilter) {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .where('i.company_id', '=', companyId)
  if (f.period) q = q.where('i.period', '=', f.period)
  if (f.status) q = q.where('i.payment_status', '=', f.status)
  if (f.dueDate) q = q.where('i.due_date', '=', f.dueDate).where('i.status', '=', 'issued')
  if (f.areaId) q = q.where('c.area_id', '=', f.areaId)
  if (f.customerId) q = q.where('i.customer_id', '=', f.customerId)
  if (f.productId) {
    const productId = f.productId
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invoice_lines as l')
          .select(sql`1`.as('one'))
          .whereRef('l.invoice_id', '=', 'i.id')
          .where('l.product_id', '=', productId),
      ),
    )
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`
    q = q.where((eb) =>
      eb.or([
        eb('i.number', 'like', like),
        eb('i.customer_code', 'like', like),
        eb('i.customer_name', 'like', like),
      ]),
    )
  }
  return q
}

/** The company's issued invoices dated after today, for reports that stop at today. */
export async function upcomingInvoices(
  db: Db,
  companyId: number,
  today: CalendarDate,
): Promise<UpcomingInvoices> {
  const row = await db
    .selectFrom('invoices')
    .select([
      sql<number>`COUNT(*)`.as('count'),
      sql<number>`COALESCE(SUM(total), 0)`.as('total'),
      sql<number>`COALESCE(SUM(total - paid), 0)`.as('balance'),
    ])
    .where('company_id', '=', companyId)
    .where('status', '=', 'issued')
    .where('issue_date', '>', today)
    .executeTakeFirstOrThrow()
  return { count: Number(row.count), total: Number(row.total), balance: Number(row.balance) }
}
