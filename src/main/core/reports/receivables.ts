import { sql } from 'kysely'
import { AGING_BUCKETS, agingBucket, type AgingBucket } from '@shared/billing'
import { daysBetween, type CalendarDate } from '@shared/dates'
import { upcomingInvoices, type UpcomingInvoices } from '../billing'
import { unindexed, type Db } from '../db'
import { customerFilter, type ReportFilters } from './filters'

export type BucketAmounts = Record<AgingBucket, number>

export interface ReceivablesParams extends ReportFilters {
  asOf: CalendarDate
  /**
   * Today in the company's time zone. No allocation, reversal or settlement is dated after today,
   * so as of today or later the cached `paid`/`settled_date` are the as-of state and the partial
   * index invoices_open_idx answers alone; earlier dates replay the allocations.
   */
  today: CalendarDate
}

export interface ReceivableCustomer {
  customerId: number
  code: string
  name: string
  area: string
  phone: string | null
  invoices: number
  buckets: BucketAmounts
  total: number
}

export interface ReceivableInvoice {
  invoiceId: number
  number: string
  customerId: number
  customerCode: string
  customerName: string
  dueDate: string
  daysOverdue: number
  balance: number
  bucket: AgingBucket
}

export interface ReceivablesReport {
  asOf: CalendarDate
  buckets: BucketAmounts
  total: number
  invoices: number
  customers: ReceivableCustomer[]
  /** Not counted: issued invoices dated after today, named so the report can say so. */
  upcoming: UpcomingInvoices
}

export interface ReceivablesDetail {
  asOf: CalendarDate
  buckets: BucketAmounts
  total: number
  invoices: ReceivableInvoice[]
  upcoming: UpcomingInvoices
}

export const emptyBuckets = (): BucketAmounts =>
  Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as BucketAmounts

/**
 * Rule 31: the issued invoices still open on `asOf` with what was owed on them that day. An
 * allocation counts when dated on or before `asOf` and not reversed by then (one reversed later
 * still paid the invoice on `asOf`). Invoices whose balance that day is 0 are left out.
 */
function openInvoices(db: Db, companyId: number, params: ReceivablesParams) {
  const { asOf, today } = params
  const current = asOf >= today
  const balance = current
    ? sql`i.total - i.paid`
    : sql`i.total - COALESCE((SELECT SUM(a.amount) FROM allocations a
        WHERE a.invoice_id = i.id AND a.date <= ${asOf}
          AND (a.reversed_date IS NULL OR a.reversed_date > ${asOf})), 0)`
  // The literal `settled_date IS NULL` (with status = 'issued') matches invoices_open_idx's WHERE.
  // As of today the unary `+` keeps SQLite from walking invoices_issue_idx (every invoice ever
  // issued) instead of the open ones; for a past date that index is the right path.
  const open = current
    ? sql`i.settled_date IS NULL AND ${unindexed(db, sql.ref('i.issue_date'))} <= ${asOf}`
    : sql`(i.settled_date IS NULL OR i.settled_date > ${asOf}) AND i.issue_date <= ${asOf}`
  return sql`SELECT i.id, i.number, i.customer_id, i.customer_code, i.customer_name, i.due_date,
      ${balance} AS balance
    FROM invoices i
    WHERE i.company_id = ${companyId} AND i.status = 'issued' AND ${open}${customerFilter('i.customer_id', params)}`
}

/** The query plan of the per-customer report: how a slow report is diagnosed (and benched). */
export async function explainReceivables(
  db: Db,
  companyId: number,
  params: ReceivablesParams,
): Promise<string[]> {
  const { rows } = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${byCustomerQuery(
    db,
    companyId,
    params,
  )}`.execute(db)
  return rows.map((r) => r.detail)
}

interface CustomerDueRow {
  customer_id: number
  due_date: string
  invoices: number
  balance: number
  code: string
  name: string
  phone: string | null
  area: string | null
}

/**
 * Open invoices summed per customer and due date, then joined to their customer. MATERIALIZED:
 * the balance (a subquery for past dates) is computed once per invoice, and the customer join
 * cannot turn into a walk over every customer's invoices.
 */
function byCustomerQuery(db: Db, companyId: number, params: ReceivablesParams) {
  return sql<CustomerDueRow>`WITH o AS MATERIALIZED (${openInvoices(db, companyId, params)}),
    g AS (SELECT customer_id, due_date, COUNT(*) AS invoices, SUM(balance) AS balance
      FROM o WHERE balance > 0 GROUP BY customer_id, due_date)
    SELECT g.customer_id, g.due_date, g.invoices, g.balance, c.code, c.name, c.phone,
      ar.name AS area
    FROM g JOIN customers c ON c.id = g.customer_id LEFT JOIN areas ar ON ar.id = c.area_id`
}

/** Per customer, sorted by what they owe (largest first), with totals per bucket (rule 31). */
export async function receivablesByCustomer(
  db: Db,
  companyId: number,
  params: ReceivablesParams,
): Promise<ReceivablesReport> {
  // Grouped by due date in SQL (a customer has few distinct ones); the bucket of a due date is
  // then `agingBucket`'s, the one definition of rule 31.
  const { rows } = await byCustomerQuery(db, companyId, params).execute(db)
  const byCustomer = new Map<number, ReceivableCustomer>()
  const buckets = emptyBuckets()
  let invoices = 0
  for (const r of rows) {
    let c = byCustomer.get(r.customer_id)
    if (!c) {
      c = {
        customerId: r.customer_id,
        code: r.code,
        name: r.name,
        area: r.area ?? '',
        phone: r.phone,
        invoices: 0,
        buckets: emptyBuckets(),
        total: 0,
      }
      byCustomer.set(r.customer_id, c)
    }
    const bucket = agingBucket(daysBetween(r.due_date as CalendarDate, params.asOf))
    c.buckets[bucket] += r.balance
    c.invoices += r.invoices
    c.total += r.balance
    buckets[bucket] += r.balance
    invoices += r.invoices
  }
  const customers = [...byCustomer.values()].sort(
    (a, b) => b.total - a.total || a.code.localeCompare(b.code),
  )
  return {
    asOf: params.asOf,
    buckets,
    total: sumBuckets(buckets),
    invoices,
    customers,
    upcoming: await notCounted(db, companyId, params),
  }
}

/** Per invoice: the oldest due date first (what to chase first). */
export async function receivablesByInvoice(
  db: Db,
  companyId: number,
  params: ReceivablesParams,
): Promise<ReceivablesDetail> {
  const { rows } = await sql<{
    id: number
    number: string
    customer_id: number
    customer_code: string
    customer_name: string
    due_date: string
    balance: number
  }>`WITH o AS MATERIALIZED (${openInvoices(db, companyId, params)})
    SELECT * FROM o WHERE o.balance > 0 ORDER BY o.due_date, o.number`.execute(db)
  const buckets = emptyBuckets()
  const invoices = rows.map((r): ReceivableInvoice => {
    const daysOverdue = daysBetween(r.due_date as CalendarDate, params.asOf)
    const bucket = agingBucket(daysOverdue)
    buckets[bucket] += r.balance
    return {
      invoiceId: r.id,
      number: r.number,
      customerId: r.customer_id,
      customerCode: r.customer_code,
      customerName: r.customer_name,
      dueDate: r.due_date,
      // Not yet due reads as 0 days overdue, not as days to go.
      daysOverdue: Math.max(0, daysOverdue),
      balance: r.balance,
      bucket,
    }
  })
  return {
    asOf: params.asOf,
    buckets,
    total: sumBuckets(buckets),
    invoices,
    upcoming: await notCounted(db, companyId, params),
  }
}

/**
 * The issued invoices this report leaves out because they are dated after today (as of a
 * later day, the CLI may ask: after that day). Invoices issued between a past as-of date and
 * today are left out too, but those are not "terbit nanti": the as-of date says so.
 */
function notCounted(db: Db, companyId: number, { asOf, today }: ReceivablesParams) {
  return upcomingInvoices(db, companyId, asOf > today ? asOf : today)
}

export interface ReceivablesSummary {
  asOf: CalendarDate
  total: number
  invoices: number
  customers: number
  /** Customers with an amount past its due date on `asOf` (any bucket but "current"). */
  overdueCustomers: number
  overdueAmount: number
}

/**
 * The totals of `receivablesByCustomer` without its per-customer list: the same open invoices
 * (one definition, `openInvoices`), summed in SQL, for the dashboard.
 */
export async function receivablesSummary(
  db: Db,
  companyId: number,
  params: ReceivablesParams,
): Promise<ReceivablesSummary> {
  const { rows } = await sql<{
    invoices: number | null
    total: number | null
    customers: number | null
    overdue_customers: number | null
    overdue_amount: number | null
  }>`WITH o AS MATERIALIZED (${openInvoices(db, companyId, params)}),
    c AS (SELECT customer_id, COUNT(*) AS invoices, SUM(balance) AS total,
        SUM(CASE WHEN due_date < ${params.asOf} THEN balance ELSE 0 END) AS overdue
      FROM o WHERE balance > 0 GROUP BY customer_id)
    SELECT SUM(invoices) AS invoices, SUM(total) AS total, COUNT(*) AS customers,
      SUM(CASE WHEN overdue > 0 THEN 1 ELSE 0 END) AS overdue_customers,
      SUM(overdue) AS overdue_amount
    FROM c`.execute(db)
  const r = rows[0]
  return {
    asOf: params.asOf,
    total: Number(r?.total ?? 0),
    invoices: Number(r?.invoices ?? 0),
    customers: Number(r?.customers ?? 0),
    overdueCustomers: Number(r?.overdue_customers ?? 0),
    overdueAmount: Number(r?.overdue_amount ?? 0),
  }
}

export function sumBuckets(b: BucketAmounts): number {
  return AGING_BUCKETS.reduce((sum, k) => sum + b[k], 0)
}
