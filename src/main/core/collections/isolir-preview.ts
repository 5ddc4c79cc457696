import { sql } from 'kysely'
import { addDays, daysBetween, type CalendarDate } from '@shared/dates'
import type { CollectionSettings } from '@shared/schemas'
import type { Db } from '../db'
import { chunks } from './data'
import { getCollectionSettings } from './settings'

/** Why a service with an overdue balance is left alone today. */
export const AUTO_ISOLIR_SKIPS = [
  'promise',
  'excluded',
  'already_isolated',
  'not_active',
  'auto_off',
] as const
export type AutoIsolirSkip = (typeof AUTO_ISOLIR_SKIPS)[number]

export interface AutoIsolirRow {
  serviceId: number
  sid: string
  status: string
  product: string
  router: string | null
  customerId: number
  customerCode: string
  customerName: string
  area: string
  /** The oldest invoice past due + grace: the one that makes this service due for isolir. */
  oldestNumber: string | null
  oldestDue: string
  daysOverdue: number
  /** Still owed on the invoices past due + grace (what must be paid to come back, rule 30). */
  overdueAmount: number
  overdueInvoices: number
  will: 'isolir' | 'skip'
  skip?: AutoIsolirSkip
  promise?: { id: number; untilDate: string; username: string; note: string | null }
  excludedReason?: string | null
}

export interface AutoIsolirPreview {
  asOf: string
  graceDays: number
  /** Invoices due on or before this day are past due + grace. */
  cutoff: string
  autoIsolir: boolean
  rows: AutoIsolirRow[]
  counts: Record<'isolir' | AutoIsolirSkip, number>
}

export interface Overdue {
  oldestNumber: string | null
  oldestDue: string
  amount: number
  invoices: number
}

/**
 * Per customer, what is still owed on issued invoices due on or before `cutoff` (due date +
 * grace days ≤ as of). One definition for both rules: isolir when it is above zero (rule 29),
 * restore when it is zero again (rule 30).
 */
export async function overdueByCustomer(
  db: Db,
  companyId: number,
  cutoff: string,
  customerIds?: number[],
): Promise<Map<number, Overdue>> {
  const run = (extra: ReturnType<typeof sql>) =>
    sql<{
      customer_id: number
      number: string | null
      due_date: string
      balance: number
    }>`SELECT i.customer_id, i.number, i.due_date, i.total - i.paid AS balance
      FROM invoices i
      WHERE i.company_id = ${companyId} AND i.status = 'issued' AND i.settled_date IS NULL
        AND i.due_date <= ${cutoff} AND i.total > i.paid ${extra}
      ORDER BY i.customer_id, i.due_date, i.id`.execute(db)
  const rows = []
  if (customerIds) {
    for (const part of chunks(customerIds)) {
      if (part.length) rows.push(...(await run(sql`AND i.customer_id IN (${sql.join(part)})`)).rows)
    }
  } else rows.push(...(await run(sql``)).rows)
  const out = new Map<number, Overdue>()
  for (const r of rows) {
    const o = out.get(r.customer_id)
    if (o) {
      o.amount += r.balance
      o.invoices++
    } else
      out.set(r.customer_id, {
        oldestNumber: r.number,
        oldestDue: r.due_date,
        amount: r.balance,
        invoices: 1,
      })
  }
  return out
}

export interface ActivePromise {
  id: number
  customerId: number
  untilDate: string
  username: string
  note: string | null
}

/** The customer's latest promise to pay that is not cancelled and still runs on `asOf`. */
export async function activePromises(
  db: Db,
  companyId: number,
  asOf: string,
  customerIds?: number[],
): Promise<Map<number, ActivePromise>> {
  const base = db
    .selectFrom('promises_to_pay')
    .select(['id', 'customer_id', 'until_date', 'username', 'note'])
    .where('company_id', '=', companyId)
    .where('cancelled_at', 'is', null)
    .orderBy('id')
  const rows = []
  if (customerIds) {
    for (const part of chunks(customerIds))
      if (part.length) rows.push(...(await base.where('customer_id', 'in', part).execute()))
  } else rows.push(...(await base.execute()))
  const latest = new Map<number, (typeof rows)[number]>()
  for (const r of rows) latest.set(r.customer_id, r)
  const out = new Map<number, ActivePromise>()
  for (const [customerId, r] of latest) {
    // A promise holds through its last day (inclusive).
    if (r.until_date >= asOf)
      out.set(customerId, {
        id: r.id,
        customerId,
        untilDate: r.until_date,
        username: r.username,
        note: r.note,
      })
  }
  return out
}

/**
 * Rule 29's preview: the services of customers with an overdue balance past due + grace, and
 * what the automatic isolir will do with each — isolate, or leave alone and why (promise to
 * pay, excluded, already isolated, not active, automatic isolir switched off). Services of
 * customers still within their grace days are not listed. The automatic run acts on exactly
 * this list.
 */
export async function isolirPreview(
  deps: { db: Db },
  companyId: number,
  asOf: string,
  policy?: CollectionSettings,
): Promise<AutoIsolirPreview> {
  const settings = policy ?? (await getCollectionSettings(deps.db, companyId))
  const cutoff = addDays(asOf as CalendarDate, -settings.graceDays)
  const overdue = await overdueByCustomer(deps.db, companyId, cutoff)
  const customerIds = [...overdue.keys()]
  const promises = await activePromises(deps.db, companyId, asOf, customerIds)
  const rows: AutoIsolirRow[] = []
  for (const part of chunks(customerIds)) {
    if (!part.length) continue
    const services = await deps.db
      .selectFrom('services as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .leftJoin('areas as a', 'a.id', 'c.area_id')
      .leftJoin('routers as r', 'r.id', 's.router_id')
      .select([
        's.id',
        's.sid',
        's.status',
        'p.name as product',
        'r.name as router',
        'c.id as customerId',
        'c.code',
        'c.name',
        'a.name as area',
        'c.no_isolir',
        'c.no_isolir_reason',
      ])
      .where('s.company_id', '=', companyId)
      .where('s.customer_id', 'in', part)
      .where('s.status', '!=', 'putus')
      .execute()
    for (const s of services) {
      const o = overdue.get(s.customerId)!
      const promise = promises.get(s.customerId)
      const skip: AutoIsolirSkip | null =
        s.status === 'isolir'
          ? 'already_isolated'
          : s.status !== 'aktif'
            ? 'not_active'
            : s.no_isolir === 1
              ? 'excluded'
              : promise
                ? 'promise'
                : !settings.autoIsolir
                  ? 'auto_off'
                  : null
      rows.push({
        serviceId: s.id,
        sid: s.sid,
        status: s.status,
        product: s.product,
        router: s.router,
        customerId: s.customerId,
        customerCode: s.code,
        customerName: s.name,
        area: s.area ?? '',
        oldestNumber: o.oldestNumber,
        oldestDue: o.oldestDue,
        daysOverdue: daysBetween(o.oldestDue as CalendarDate, asOf as CalendarDate),
        overdueAmount: o.amount,
        overdueInvoices: o.invoices,
        will: skip ? 'skip' : 'isolir',
        ...(skip ? { skip } : {}),
        ...(skip === 'promise' && promise
          ? {
              promise: {
                id: promise.id,
                untilDate: promise.untilDate,
                username: promise.username,
                note: promise.note,
              },
            }
          : {}),
        ...(skip === 'excluded' ? { excludedReason: s.no_isolir_reason } : {}),
      })
    }
  }
  // Longest overdue first: who the office would chase first.
  rows.sort(
    (a, b) =>
      a.oldestDue.localeCompare(b.oldestDue) ||
      a.customerCode.localeCompare(b.customerCode) ||
      a.sid.localeCompare(b.sid),
  )
  const counts = {
    isolir: 0,
    promise: 0,
    excluded: 0,
    already_isolated: 0,
    not_active: 0,
    auto_off: 0,
  }
  for (const r of rows) counts[r.will === 'isolir' ? 'isolir' : r.skip!]++
  return {
    asOf,
    graceDays: settings.graceDays,
    cutoff,
    autoIsolir: settings.autoIsolir,
    rows,
    counts,
  }
}
