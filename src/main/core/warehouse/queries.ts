import type { Kysely } from 'kysely'
import { addDays, calendarDate, startOfDayInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import {
  stockCardInput,
  stockRequestListInput,
  type StockCardInput,
  type StockRequestListInput,
} from '@shared/schemas'
import type {
  SerialPlace,
  StockHolderKind,
  StockMovementKind,
  StockRequestFor,
  StockRequestStatus,
  StockUnit,
} from '@shared/warehouse'
import type { Database } from '../db'

export interface StockItemView {
  id: number
  name: string
  unit: StockUnit
  serial: boolean
  lowThreshold: number
  active: boolean
  /** Sum over the warehouses (what the low-stock threshold compares with). */
  inWarehouses: number
  /** Issued to technicians, not yet used or returned. */
  withTechnicians: number
  low: boolean
  balances: { warehouseId: number; qty: number }[]
}

export async function listStockItems(
  db: Kysely<Database>,
  companyId: number,
): Promise<StockItemView[]> {
  const items = await db
    .selectFrom('stock_items')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  const balances = await db
    .selectFrom('stock_balances')
    .select(['item_id', 'holder_kind', 'holder_id', 'qty'])
    .where('company_id', '=', companyId)
    .execute()
  return items.map((i) => {
    const mine = balances.filter((b) => b.item_id === i.id)
    const inWarehouses = mine
      .filter((b) => b.holder_kind === 'warehouse')
      .reduce((n, b) => n + b.qty, 0)
    return {
      id: i.id,
      name: i.name,
      unit: i.unit as StockUnit,
      serial: i.serial === 1,
      lowThreshold: i.low_threshold,
      active: i.active === 1,
      inWarehouses,
      withTechnicians: mine
        .filter((b) => b.holder_kind === 'technician')
        .reduce((n, b) => n + b.qty, 0),
      low: i.low_threshold > 0 && inWarehouses <= i.low_threshold,
      balances: mine
        .filter((b) => b.holder_kind === 'warehouse')
        .map((b) => ({ warehouseId: b.holder_id, qty: b.qty })),
    }
  })
}

export interface WarehouseView {
  id: number
  name: string
  address: string | null
  active: boolean
}

export async function listWarehouses(
  db: Kysely<Database>,
  companyId: number,
): Promise<WarehouseView[]> {
  const rows = await db
    .selectFrom('warehouses')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  return rows.map((w) => ({ id: w.id, name: w.name, address: w.address, active: w.active === 1 }))
}

/** Active users who can hold stock (anyone active; the list shows technicians first). */
export async function stockPeople(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'username', 'role'])
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .orderBy('name')
    .execute()
  return rows.sort((a, b) => Number(b.role === 'technician') - Number(a.role === 'technician'))
}

/** What a technician holds now (issued to him, not yet used or returned), with serials. */
export async function technicianStock(db: Kysely<Database>, companyId: number, userId: number) {
  const rows = await db
    .selectFrom('stock_balances as b')
    .innerJoin('stock_items as i', 'i.id', 'b.item_id')
    .select(['i.id as itemId', 'i.name', 'i.unit', 'i.serial', 'b.qty'])
    .where('b.company_id', '=', companyId)
    .where('b.holder_kind', '=', 'technician')
    .where('b.holder_id', '=', userId)
    .where('b.qty', '>', 0)
    .orderBy('i.name')
    .execute()
  const serials = await db
    .selectFrom('stock_serials')
    .select(['item_id', 'serial'])
    .where('company_id', '=', companyId)
    .where('holder_kind', '=', 'technician')
    .where('holder_id', '=', userId)
    .orderBy('serial')
    .execute()
  return rows.map((r) => ({
    itemId: r.itemId,
    name: r.name,
    unit: r.unit as StockUnit,
    qty: r.qty,
    serials:
      r.serial === 1 ? serials.filter((s) => s.item_id === r.itemId).map((s) => s.serial) : [],
  }))
}

export interface StockCardLine {
  id: number
  at: string
  kind: StockMovementKind
  holderKind: StockHolderKind
  holderId: number
  holderName: string
  /** Signed change to this card's balance. */
  qty: number
  balance: number
  note: string | null
  username: string | null
  requestId: number | null
  customerName: string | null
  serials: string[]
}

export interface StockCard {
  item: { id: number; name: string; unit: StockUnit }
  warehouseId: number | null
  from: string | null
  to: string | null
  opening: number
  closing: number
  lines: StockCardLine[]
}

/**
 * The stock card of an item: its warehouse ledger lines in order with the running balance —
 * of one warehouse, or of all warehouses together — within a period (calendar dates in the
 * company's time zone, both inclusive), opening and closing balances around it.
 */
export async function stockCard(
  db: Kysely<Database>,
  companyId: number,
  raw: StockCardInput,
  timeZone: string,
): Promise<StockCard> {
  const input = stockCardInput.parse(raw)
  const item = await db
    .selectFrom('stock_items')
    .select(['id', 'name', 'unit'])
    .where('id', '=', input.itemId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!item) throw new AppError('NOT_FOUND', 'stock item')
  let q = db
    .selectFrom('stock_movements as m')
    .leftJoin('warehouses as w', 'w.id', 'm.holder_id')
    .leftJoin('customers as c', 'c.id', 'm.customer_id')
    .select([
      'm.id',
      'm.at',
      'm.kind',
      'm.holder_kind',
      'm.holder_id',
      'm.qty',
      'm.balance_after',
      'm.note',
      'm.username',
      'm.request_id',
      'm.serials_json',
      'w.name as warehouse_name',
      'c.name as customer_name',
    ])
    .where('m.item_id', '=', item.id)
    .where('m.holder_kind', '=', 'warehouse')
  if (input.warehouseId !== null) q = q.where('m.holder_id', '=', input.warehouseId)
  const rows = await q.orderBy('m.id').execute()
  const fromAt = input.from
    ? startOfDayInZone(calendarDate(input.from), timeZone).toISOString()
    : null
  const toAt = input.to
    ? startOfDayInZone(addDays(calendarDate(input.to), 1), timeZone).toISOString()
    : null
  let running = 0
  let opening = 0
  const lines: StockCardLine[] = []
  for (const r of rows) {
    running += r.qty
    if (fromAt && r.at < fromAt) {
      opening = running
      continue
    }
    if (toAt && r.at >= toAt) break
    lines.push({
      id: r.id,
      at: r.at,
      kind: r.kind as StockMovementKind,
      holderKind: r.holder_kind as StockHolderKind,
      holderId: r.holder_id,
      holderName: r.warehouse_name ?? `#${r.holder_id}`,
      qty: r.qty,
      // One warehouse: the ledger's own balance after the line; all: the running sum.
      balance: input.warehouseId !== null ? r.balance_after : running,
      note: r.note,
      username: r.username,
      requestId: r.request_id,
      customerName: r.customer_name,
      serials: r.serials_json ? (JSON.parse(r.serials_json) as string[]) : [],
    })
  }
  const closing = lines.length ? lines[lines.length - 1]!.balance : opening
  return {
    item: { id: item.id, name: item.name, unit: item.unit as StockUnit },
    warehouseId: input.warehouseId,
    from: input.from,
    to: input.to,
    opening,
    closing,
    lines,
  }
}

export interface SerialView {
  id: number
  serial: string
  itemId: number
  itemName: string
  place: SerialPlace
  /** The warehouse's or the technician's name, or the customer's. */
  placeName: string
  customerId: number | null
  customerCode: string | null
  serviceId: number | null
  serviceSid: string | null
  updatedAt: string
}

/** Where every serial-numbered unit is now; `search` matches the serial. */
export async function listSerials(
  db: Kysely<Database>,
  companyId: number,
  o: { itemId?: number | null; search?: string | null } = {},
): Promise<SerialView[]> {
  let q = db
    .selectFrom('stock_serials as s')
    .innerJoin('stock_items as i', 'i.id', 's.item_id')
    .leftJoin('warehouses as w', (j) =>
      j.onRef('w.id', '=', 's.holder_id').on('s.holder_kind', '=', 'warehouse'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 's.holder_id').on('s.holder_kind', '=', 'technician'),
    )
    .leftJoin('customers as c', 'c.id', 's.customer_id')
    .leftJoin('services as sv', 'sv.id', 's.service_id')
    .select([
      's.id',
      's.serial',
      's.item_id',
      'i.name as item_name',
      's.holder_kind',
      'w.name as warehouse_name',
      'u.name as user_name',
      'c.name as customer_name',
      'c.code as customer_code',
      's.customer_id',
      's.service_id',
      'sv.sid',
      's.updated_at',
    ])
    .where('s.company_id', '=', companyId)
  if (o.itemId) q = q.where('s.item_id', '=', o.itemId)
  if (o.search) q = q.where('s.serial', 'like', `%${o.search.trim().toUpperCase()}%`)
  const rows = await q.orderBy('s.serial').limit(500).execute()
  return rows.map((r) => ({
    id: r.id,
    serial: r.serial,
    itemId: r.item_id,
    itemName: r.item_name,
    place: r.holder_kind as SerialPlace,
    placeName: r.warehouse_name ?? r.user_name ?? r.customer_name ?? '-',
    customerId: r.customer_id,
    customerCode: r.customer_code,
    serviceId: r.service_id,
    serviceSid: r.sid,
    updatedAt: r.updated_at,
  }))
}

export interface StockRequestView {
  id: number
  forKind: StockRequestFor | null
  forId: number | null
  warehouseId: number
  warehouseName: string
  technicianId: number | null
  technicianName: string | null
  customerId: number | null
  customerName: string | null
  serviceId: number | null
  status: StockRequestStatus
  note: string | null
  requestedBy: string | null
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  reason: string | null
  issuedBy: string | null
  issuedAt: string | null
  lines: { itemId: number; name: string; unit: StockUnit; serial: boolean; qty: number }[]
}

export async function listStockRequests(
  db: Kysely<Database>,
  companyId: number,
  raw: StockRequestListInput = {},
): Promise<StockRequestView[]> {
  const input = stockRequestListInput.parse(raw)
  let q = db
    .selectFrom('stock_requests as r')
    .innerJoin('warehouses as w', 'w.id', 'r.warehouse_id')
    .leftJoin('users as u', 'u.id', 'r.technician_id')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .selectAll('r')
    .select(['w.name as warehouse_name', 'u.name as technician_name', 'c.name as customer_name'])
    .where('r.company_id', '=', companyId)
  if (input.status) q = q.where('r.status', '=', input.status)
  if (input.forKind) q = q.where('r.for_kind', '=', input.forKind)
  if (input.forId) q = q.where('r.for_id', '=', input.forId)
  const rows = await q.orderBy('r.id', 'desc').limit(300).execute()
  const ids = rows.map((r) => r.id)
  const lines = ids.length
    ? await db
        .selectFrom('stock_request_lines as l')
        .innerJoin('stock_items as i', 'i.id', 'l.item_id')
        .select(['l.request_id', 'l.item_id', 'i.name', 'i.unit', 'i.serial', 'l.qty'])
        .where('l.request_id', 'in', ids)
        .orderBy('l.id')
        .execute()
    : []
  return rows.map((r) => ({
    id: r.id,
    forKind: r.for_kind as StockRequestFor | null,
    forId: r.for_id,
    warehouseId: r.warehouse_id,
    warehouseName: r.warehouse_name,
    technicianId: r.technician_id,
    technicianName: r.technician_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    serviceId: r.service_id,
    status: r.status as StockRequestStatus,
    note: r.note,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    reason: r.reason,
    issuedBy: r.issued_by,
    issuedAt: r.issued_at,
    lines: lines
      .filter((l) => l.request_id === r.id)
      .map((l) => ({
        itemId: l.item_id,
        name: l.name,
        unit: l.unit as StockUnit,
        serial: l.serial === 1,
        qty: l.qty,
      })),
  }))
}
