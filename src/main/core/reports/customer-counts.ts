import { addDays, addMonths, calendarDate, dateInZone, type CalendarDate } from '@shared/dates'
import { deriveCustomerStatus } from '../customers'
import type { Db } from '../db'
import type { ReportFilters } from './filters'
import { periodsIn, type PeriodRange } from './periods'

export type { ReportFilters }

export interface CustomerCountRow {
  period: string
  /** Status at the month's last day. */
  aktif: number
  isolir: number
  putus: number
  /** Registered but not connected yet (registrasi, survei, instalasi, in progress). */
  pending: number
  /** Every customer known at the month's end: aktif + isolir + putus + pending. */
  total: number
  /** Known at this month's end, not at the previous month's end. */
  new: number
  /** Putus at this month's end, not putus (or unknown) at the previous month's end. */
  terminated: number
  /** Of `total`: customers whose status that day came from a fallback (see the report's basis). */
  estimated: number
}

export interface CustomerCountsReport extends PeriodRange, ReportFilters {
  periods: CustomerCountRow[]
}

type Status = 'aktif' | 'isolir' | 'putus' | 'pending'
const bucket = (s: string): Status =>
  s === 'aktif' || s === 'isolir' || s === 'putus' ? s : 'pending'

interface Change {
  effective: string
  kind: string
  from: string | null
  to: string | null
}

interface ServiceLine {
  customerId: number
  status: string
  createdDay: string
  changes: Change[]
}

/**
 * A service's status on `day` from its history (service_history: `created` and `status` rows by
 * effective date). When the history does not reach back to `day` (imported or older data without
 * a `created` row), the status before the first recorded change is that change's `from`, and
 * without any change the service is taken as it is now from the day it was entered — both marked
 * estimated.
 */
function statusOn(s: ServiceLine, day: string): { status: string; estimated: boolean } | null {
  let last: Change | undefined
  for (const c of s.changes) {
    if (c.effective > day) break
    last = c
  }
  if (last) return { status: last.to ?? s.status, estimated: false }
  if (s.changes.some((c) => c.kind === 'created')) return null
  const first = s.changes[0]
  if (first?.from) return { status: first.from, estimated: true }
  if (!first && s.createdDay <= day) return { status: s.status, estimated: true }
  return null
}

/**
 * Customers per month: aktif, isolir, putus and not yet connected at each month's end, and the
 * new and terminated customers of the month, replayed from the services' status history. A
 * customer's status is derived from their services' as it is today (deriveCustomerStatus); a
 * customer without services counts with their current status from the day they were entered.
 */
export async function customerCounts(
  db: Db,
  companyId: number,
  params: PeriodRange & ReportFilters & { timeZone: string },
): Promise<CustomerCountsReport> {
  const periods = periodsIn(params)
  const { areaId, productId, timeZone } = params
  const firstDay = calendarDate(`${params.from}-01`)
  const ends = [addDays(firstDay, -1)].concat(
    periods.map((p) => addDays(addMonths(calendarDate(`${p}-01`), 1), -1)),
  )
  const lastDay = ends[ends.length - 1]!

  let sq = db
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.customer_id', 's.status', 's.created_at'])
    .where('s.company_id', '=', companyId)
  if (areaId !== undefined) sq = sq.where('c.area_id', '=', areaId)
  if (productId !== undefined) sq = sq.where('s.product_id', '=', productId)
  let hq = db
    .selectFrom('service_history as h')
    .innerJoin('services as s', 's.id', 'h.service_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['h.service_id', 'h.kind', 'h.from_value', 'h.to_value', 'h.effective_date'])
    .where('s.company_id', '=', companyId)
    .where('h.kind', 'in', ['created', 'status'])
    .where('h.effective_date', '<=', lastDay)
    .orderBy('h.service_id')
    .orderBy('h.effective_date')
    .orderBy('h.id')
  if (areaId !== undefined) hq = hq.where('c.area_id', '=', areaId)
  if (productId !== undefined) hq = hq.where('s.product_id', '=', productId)
  // Customers without any service count as they are (only when no package is asked for).
  let cq = db
    .selectFrom('customers as c')
    .select(['c.id', 'c.status', 'c.created_at'])
    .where('c.company_id', '=', companyId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('services as s').select('s.id').whereRef('s.customer_id', '=', 'c.id'),
        ),
      ),
    )
  if (areaId !== undefined) cq = cq.where('c.area_id', '=', areaId)

  const [serviceRows, historyRows, bare] = await Promise.all([
    sq.execute(),
    hq.execute(),
    productId === undefined ? cq.execute() : Promise.resolve([]),
  ])
  const day = (iso: string) => dateInZone(new Date(iso), timeZone)
  const services = new Map<number, ServiceLine>()
  for (const s of serviceRows) {
    services.set(s.id, {
      customerId: s.customer_id,
      status: s.status,
      createdDay: day(s.created_at),
      changes: [],
    })
  }
  for (const h of historyRows) {
    services.get(h.service_id)?.changes.push({
      effective: h.effective_date,
      kind: h.kind,
      from: h.from_value,
      to: h.to_value,
    })
  }
  const byCustomer = new Map<number, ServiceLine[]>()
  for (const s of services.values()) {
    const list = byCustomer.get(s.customerId) ?? []
    list.push(s)
    byCustomer.set(s.customerId, list)
  }

  /** Each customer's status at each month end (index 0: the day before the range). */
  const statusAt = (d: CalendarDate) => {
    const out = new Map<number, { status: Status; estimated: boolean }>()
    for (const [customerId, list] of byCustomer) {
      const known = list.flatMap((s) => statusOn(s, d) ?? [])
      if (known.length === 0) continue
      out.set(customerId, {
        status: bucket(deriveCustomerStatus(known.map((k) => k.status))),
        estimated: known.some((k) => k.estimated),
      })
    }
    for (const c of bare) {
      if (day(c.created_at) <= d) out.set(c.id, { status: bucket(c.status), estimated: true })
    }
    return out
  }

  let before = statusAt(ends[0]!)
  const rows = periods.map((period, i): CustomerCountRow => {
    const now = statusAt(ends[i + 1]!)
    const row: CustomerCountRow = {
      period,
      aktif: 0,
      isolir: 0,
      putus: 0,
      pending: 0,
      total: now.size,
      new: 0,
      terminated: 0,
      estimated: 0,
    }
    for (const [id, c] of now) {
      row[c.status]++
      if (c.estimated) row.estimated++
      const prev = before.get(id)
      if (!prev) row.new++
      if (c.status === 'putus' && prev?.status !== 'putus') row.terminated++
    }
    before = now
    return row
  })
  return {
    from: params.from,
    to: params.to,
    ...(areaId !== undefined ? { areaId } : {}),
    ...(productId !== undefined ? { productId } : {}),
    periods: rows,
  }
}
