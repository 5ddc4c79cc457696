import { sql, type Kysely } from 'kysely'
import type { Contact } from '../messaging'
import type { Database, Db } from '../db'
import type { CompanyInfo, InvoiceLine } from './format'

type AnyDb = Db | Kysely<Database>

/** IN lists are cut to this size; SQLite takes far more, but plans stay cheap to build. */
const CHUNK = 5000

export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

interface OpenRow {
  id: number
  customer_id: number
  number: string | null
  period: string | null
  issue_date: string
  due_date: string
  total: number
  paid: number
}

/**
 * Issued invoices with something left to pay, per customer, oldest due date first. `amount` is
 * what is still owed. The literal `status = 'issued' AND settled_date IS NULL` is what lets
 * SQLite answer from invoices_open_idx (the open invoices only, never the paid history).
 *
 * - `customerIds`: those customers only;
 * - `dueOn`: the customers having an open invoice due on one of these days (all their open
 *   invoices are returned, not only the ones due that day).
 */
export async function openInvoices(
  db: AnyDb,
  companyId: number,
  scope: { customerIds?: number[]; dueOn?: string[] } = {},
): Promise<Map<number, InvoiceLine[]>> {
  const open = sql`i.company_id = ${companyId} AND i.status = 'issued' AND i.settled_date IS NULL`
  const select = (extra: ReturnType<typeof sql>) =>
    sql<OpenRow>`SELECT i.id, i.customer_id, i.number, i.period, i.issue_date, i.due_date,
        i.total, i.paid
      FROM invoices i WHERE ${open} AND i.total > i.paid ${extra}
      ORDER BY i.customer_id, i.due_date, i.id`
  const rows: OpenRow[] = []
  if (scope.customerIds) {
    for (const part of chunks(scope.customerIds)) {
      if (!part.length) continue
      const list = sql.join(part)
      rows.push(...(await select(sql`AND i.customer_id IN (${list})`).execute(db)).rows)
    }
  } else if (scope.dueOn) {
    if (!scope.dueOn.length) return new Map()
    const days = sql.join(scope.dueOn)
    const due = sql`AND i.customer_id IN (SELECT d.customer_id FROM invoices d
      WHERE d.company_id = ${companyId} AND d.status = 'issued' AND d.settled_date IS NULL
        AND d.due_date IN (${days}))`
    rows.push(...(await select(due).execute(db)).rows)
  } else {
    rows.push(...(await select(sql``).execute(db)).rows)
  }
  const out = new Map<number, InvoiceLine[]>()
  for (const r of rows) {
    let list = out.get(r.customer_id)
    if (!list) out.set(r.customer_id, (list = []))
    list.push({
      id: r.id,
      number: r.number,
      period: r.period,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      amount: r.total - r.paid,
    })
  }
  return out
}

export interface CustomerRow {
  id: number
  code: string
  name: string
  status: string
  areaId: number
  area: string
  phone: string | null
  whatsapp: string | null
  email: string | null
  optOut: boolean
  noIsolir: boolean
  noIsolirReason: string | null
}

export async function loadCustomers(
  db: AnyDb,
  companyId: number,
  ids: number[],
): Promise<Map<number, CustomerRow>> {
  const out = new Map<number, CustomerRow>()
  for (const part of chunks([...new Set(ids)])) {
    if (!part.length) continue
    const rows = await db
      .selectFrom('customers as c')
      .leftJoin('areas as a', 'a.id', 'c.area_id')
      .select([
        'c.id',
        'c.code',
        'c.name',
        'c.status',
        'c.area_id',
        'a.name as area',
        'c.phone',
        'c.whatsapp',
        'c.email',
        'c.messages_opt_out',
        'c.no_isolir',
        'c.no_isolir_reason',
      ])
      .where('c.company_id', '=', companyId)
      .where('c.id', 'in', part)
      .execute()
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        areaId: r.area_id,
        area: r.area ?? '',
        phone: r.phone,
        whatsapp: r.whatsapp,
        email: r.email,
        optOut: r.messages_opt_out === 1,
        noIsolir: r.no_isolir === 1,
        noIsolirReason: r.no_isolir_reason,
      })
    }
  }
  return out
}

export const contactOf = (c: Pick<CustomerRow, 'phone' | 'whatsapp' | 'email' | 'optOut'>) =>
  ({ phone: c.phone, whatsapp: c.whatsapp, email: c.email, optOut: c.optOut }) satisfies Contact

export async function loadCompany(db: AnyDb, companyId: number): Promise<CompanyInfo> {
  const row = await db
    .selectFrom('companies')
    .select(['name', 'phone'])
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow()
  return { name: row.name, phone: row.phone }
}

export interface ServiceInfo {
  paket: string
  username: string
}

/** `{paket}` and `{username}`: the customer's first service that is not terminated. */
export async function loadServiceInfo(
  db: AnyDb,
  companyId: number,
  customerIds: number[],
): Promise<Map<number, ServiceInfo>> {
  const out = new Map<number, ServiceInfo>()
  for (const part of chunks([...new Set(customerIds)])) {
    if (!part.length) continue
    const rows = await db
      .selectFrom('services as s')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select(['s.customer_id', 'p.name', 's.pppoe_username'])
      .where('s.company_id', '=', companyId)
      .where('s.customer_id', 'in', part)
      .where('s.status', '!=', 'putus')
      .orderBy('s.id')
      .execute()
    for (const r of rows) {
      if (!out.has(r.customer_id))
        out.set(r.customer_id, { paket: r.name, username: r.pppoe_username ?? '' })
    }
  }
  return out
}

/** Whether a template needs the service lookup (most do not; a bulk run skips it then). */
export const usesServiceValues = (...texts: string[]) =>
  texts.some((t) => t.includes('{paket}') || t.includes('{username}'))
