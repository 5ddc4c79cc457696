import { sql, type Kysely } from 'kysely'
import type { BillingMode } from '@shared/catalog'
import { idChunks, inIds, unindexed, type Database } from '../db'

/** Everything one invoice run reads, loaded in a few set-wise queries (50,000 services in one go). */
export interface RunService {
  id: number
  sid: string
  customerId: number
  productId: number
  status: string
  activationDate: string | null
  billingDay: number | null
  priceOverride: number | null
  customerCode: string
  areaId: number
  priceListId: number | null
}

export interface RunProduct {
  id: number
  name: string
  serviceType: string
  billingMode: BillingMode
  downloadKbps: number | null
  taxable: boolean
  /** Usage billing (rule 17): the quota in GB, rupiah per GB past it, or per GB of all usage. */
  dataCapGb: number | null
  extraGbPrice: number | null
  usageGbPrice: number | null
}

export interface HistoryEntry {
  id: number
  serviceId: number
  from: string | null
  to: string | null
  effective: string
  pending: boolean
}

export async function loadRunServices(
  db: Kysely<Database>,
  companyId: number,
  statuses: readonly string[],
): Promise<RunService[]> {
  const rows = await runServicesQuery(db, companyId).where('s.status', 'in', statuses).execute()
  // Customer code order (invoice numbers follow it), then each customer's services by id.
  return rows.sort((a, b) =>
    a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : a.id - b.id,
  )
}

/**
 * Services terminated (putus) at or after `since` (an ISO instant): their last usage is still
 * billed by the next run (rule 17).
 */
export async function loadTerminatedSince(
  db: Kysely<Database>,
  companyId: number,
  since: string,
): Promise<RunService[]> {
  return runServicesQuery(db, companyId)
    .where('s.status', '=', 'putus')
    .where('s.terminated_at', '>=', since)
    .orderBy('c.code')
    .orderBy('s.id')
    .execute()
}

function runServicesQuery(db: Kysely<Database>, companyId: number) {
  return (
    db
      .selectFrom('services as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select([
        's.id',
        's.sid',
        's.customer_id as customerId',
        's.product_id as productId',
        's.status',
        's.activation_date as activationDate',
        's.billing_day as billingDay',
        's.price_override as priceOverride',
        'c.code as customerCode',
        'c.area_id as areaId',
        'c.price_list_id as priceListId',
      ])
      // One pass over the services table with a customer looked up per row: walking the customers'
      // code index instead (rows already sorted) costs a lookup into both tables per service, more
      // than sorting the 50,000 rows here. The unary + keeps the planner off the company indexes.
      .where(unindexed(db, sql.ref('c.company_id')), '=', companyId)
      .where(unindexed(db, sql.ref('s.company_id')), '=', companyId)
  )
}

export async function loadRunProducts(
  db: Kysely<Database>,
  companyId: number,
): Promise<Map<number, RunProduct>> {
  const rows = await db
    .selectFrom('products')
    .select([
      'id',
      'name',
      'service_type',
      'billing_mode',
      'download_kbps',
      'taxable',
      'data_cap_gb',
      'extra_gb_price',
      'usage_gb_price',
    ])
    .where('company_id', '=', companyId)
    .execute()
  return new Map(
    rows.map((p) => [
      p.id,
      {
        id: p.id,
        name: p.name,
        serviceType: p.service_type,
        billingMode: p.billing_mode === 'postpaid' ? 'postpaid' : 'prepaid',
        downloadKbps: p.download_kbps,
        taxable: p.taxable === 1,
        dataCapGb: p.data_cap_gb,
        extraGbPrice: p.extra_gb_price,
        usageGbPrice: p.usage_gb_price,
      },
    ]),
  )
}

/** Service history of one kind, per service, oldest first. */
export async function loadHistory(
  db: Kysely<Database>,
  companyId: number,
  kind: 'package' | 'status',
): Promise<Map<number, HistoryEntry[]>> {
  const rows = await db
    .selectFrom('service_history as h')
    .innerJoin('services as s', 's.id', 'h.service_id')
    .select([
      'h.id',
      'h.service_id as serviceId',
      'h.from_value as from',
      'h.to_value as to',
      'h.effective_date as effective',
      'h.pending',
    ])
    // Read by kind (service_history_kind_idx), each row's service looked up for its company:
    // walking the company's 50,000 services for their few package changes is the slow way round.
    .where(unindexed(db, sql.ref('s.company_id')), '=', companyId)
    .where('h.kind', 'in', kind === 'status' ? ['status', 'created'] : ['package'])
    .orderBy('h.effective_date')
    .orderBy('h.id')
    .execute()
  const byService = new Map<number, HistoryEntry[]>()
  for (const r of rows) {
    const list = byService.get(r.serviceId) ?? []
    list.push({ ...r, pending: r.pending === 1 })
    byService.set(r.serviceId, list)
  }
  return byService
}

/** The service's product on a date, read from its package history (rules 9–10). */
export function productOn(
  service: { id: number; productId: number },
  changes: HistoryEntry[] | undefined,
  date: string,
): number {
  if (!changes?.length) return service.productId
  let product = Number(changes[0]!.from)
  for (const c of changes) {
    if (c.effective > date) break
    product = Number(c.to)
  }
  return product
}

/** The service's status on a date, from its status history (for the isolir pause, rule 12). */
export function statusOn(history: HistoryEntry[] | undefined, date: string): string | null {
  let status: string | null = null
  for (const h of history ?? []) {
    if (h.effective > date) break
    status = h.to
  }
  return status
}

/**
 * A set of (service, period start) pairs, kept as one set of service ids per start date: a run
 * checks 50,000 pairs against twice as many, and a string key per pair was a third of the
 * plan's garbage.
 */
export class BilledPeriods {
  private readonly byStart = new Map<string, Set<number>>()

  add(serviceId: number, start: string): void {
    let ids = this.byStart.get(start)
    if (!ids) this.byStart.set(start, (ids = new Set()))
    ids.add(serviceId)
  }

  has(serviceId: number, start: string): boolean {
    return this.byStart.get(start)?.has(serviceId) ?? false
  }
}

/** Which of these (service, period start) pairs are already billed (rule 4). */
export async function billedPeriodsOf(
  db: Kysely<Database>,
  serviceIds: number[],
  from: string,
  to: string,
): Promise<BilledPeriods> {
  const billed = new BilledPeriods()
  for (const chunk of idChunks(db, serviceIds)) {
    const rows = await db
      .selectFrom('billed_periods')
      .select(['service_id', 'period_start'])
      .where(inIds(db, 'service_id', chunk))
      .where('period_start', '>=', from)
      .where('period_start', '<=', to)
      .execute()
    for (const r of rows) billed.add(r.service_id, r.period_start)
  }
  return billed
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
