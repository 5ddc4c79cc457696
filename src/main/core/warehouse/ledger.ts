import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { StockHolderKind, StockMovementKind } from '@shared/warehouse'
import type { Actor } from '../audit'
import type { Database } from '../db'
import { notify } from '../notifications'

export type WarehouseActor = Actor & { companyId: number }

export interface Holder {
  kind: StockHolderKind
  id: number
}

export interface StockItemRow {
  id: number
  name: string
  unit: string
  serial: number
  low_threshold: number
  active: number
}

/** What every ledger line of one action shares: who, when, and the batch that ties them. */
export interface MoveContext {
  companyId: number
  actor: WarehouseActor
  at: string
  batch: string
}

export interface LineInput {
  item: StockItemRow
  kind: StockMovementKind
  holder: Holder
  /** Signed: +n into the holder, −n out of it. */
  qty: number
  requestId?: number | null
  customerId?: number | null
  serviceId?: number | null
  serials?: string[]
  note?: string | null
}

/** Serial numbers are compared as written on the label, upper-case and without spaces around. */
export const normaliseSerial = (s: string) => s.trim().toUpperCase()

export async function itemOf(
  tx: Kysely<Database>,
  companyId: number,
  itemId: number,
  { activeOnly = true } = {},
): Promise<StockItemRow> {
  const item = await tx
    .selectFrom('stock_items')
    .select(['id', 'name', 'unit', 'serial', 'low_threshold', 'active'])
    .where('id', '=', itemId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!item || (activeOnly && item.active !== 1)) throw new AppError('NOT_FOUND', 'stock item')
  return item
}

export async function warehouseOf(tx: Kysely<Database>, companyId: number, id: number) {
  const w = await tx
    .selectFrom('warehouses')
    .select(['id', 'name', 'active'])
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!w || w.active !== 1) throw new AppError('NOT_FOUND', 'warehouse')
  return w
}

export async function technicianOf(tx: Kysely<Database>, companyId: number, id: number) {
  const u = await tx
    .selectFrom('users')
    .select(['id', 'name', 'username', 'active'])
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!u || u.active !== 1) throw new AppError('NOT_FOUND', 'technician')
  return u
}

/** The customer of a service (and that the customer, when also given, is the same). */
export async function serviceCustomer(
  tx: Kysely<Database>,
  companyId: number,
  serviceId: number | null,
  customerId: number | null,
): Promise<{ serviceId: number | null; customerId: number | null }> {
  if (serviceId !== null) {
    const s = await tx
      .selectFrom('services')
      .select(['id', 'customer_id'])
      .where('id', '=', serviceId)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!s || (customerId !== null && s.customer_id !== customerId))
      throw new AppError('NOT_FOUND', 'service of this customer')
    return { serviceId, customerId: s.customer_id }
  }
  if (customerId !== null) {
    const c = await tx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', customerId)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!c) throw new AppError('NOT_FOUND', 'customer')
  }
  return { serviceId: null, customerId }
}

export async function holderName(
  tx: Kysely<Database>,
  holder: { kind: string; id: number | null },
): Promise<string> {
  if (holder.kind === 'customer') return 'pelanggan'
  if (holder.id === null) return holder.kind
  if (holder.kind === 'warehouse') {
    const w = await tx
      .selectFrom('warehouses')
      .select('name')
      .where('id', '=', holder.id)
      .executeTakeFirst()
    return w ? `gudang ${w.name}` : `gudang #${holder.id}`
  }
  const u = await tx
    .selectFrom('users')
    .select('name')
    .where('id', '=', holder.id)
    .executeTakeFirst()
  return u ? `tangan ${u.name}` : `teknisi #${holder.id}`
}

/**
 * One ledger line and the balance it changes, in the caller's transaction. A decrease is a
 * conditional UPDATE (`qty >= n`): two issues at once both ask the database, the second one
 * waits for the first one's row lock (PostgreSQL) or the write lock (SQLite) and finds what it
 * left, so a balance never goes below zero; when there is not enough, STOCK_INSUFFICIENT names
 * the item, the holder and what is left. Returns the holder's balance after the line.
 */
export async function addLine(
  tx: Kysely<Database>,
  ctx: MoveContext,
  line: LineInput,
): Promise<number> {
  const { item, holder } = line
  let balance: number
  if (line.qty < 0) {
    const need = -line.qty
    const row = await tx
      .updateTable('stock_balances')
      .set((eb) => ({ qty: eb('qty', '-', need), updated_at: ctx.at }))
      .where('item_id', '=', item.id)
      .where('holder_kind', '=', holder.kind)
      .where('holder_id', '=', holder.id)
      .where('qty', '>=', need)
      .returning('qty')
      .executeTakeFirst()
    if (!row) {
      const left = await tx
        .selectFrom('stock_balances')
        .select('qty')
        .where('item_id', '=', item.id)
        .where('holder_kind', '=', holder.kind)
        .where('holder_id', '=', holder.id)
        .executeTakeFirst()
      throw new AppError(
        'STOCK_INSUFFICIENT',
        `${item.name} at ${holder.kind} ${holder.id}: ${left?.qty ?? 0} < ${need}`,
        {
          item: item.name,
          unit: item.unit,
          holder: await holderName(tx, holder),
          available: left?.qty ?? 0,
          requested: need,
        },
      )
    }
    balance = row.qty
  } else {
    const row = await tx
      .insertInto('stock_balances')
      .values({
        company_id: ctx.companyId,
        item_id: item.id,
        holder_kind: holder.kind,
        holder_id: holder.id,
        qty: line.qty,
        updated_at: ctx.at,
      })
      .onConflict((oc) =>
        oc.columns(['item_id', 'holder_kind', 'holder_id']).doUpdateSet((eb) => ({
          qty: eb('stock_balances.qty', '+', eb.ref('excluded.qty')),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning('qty')
      .executeTakeFirstOrThrow()
    balance = row.qty
  }
  await tx
    .insertInto('stock_movements')
    .values({
      company_id: ctx.companyId,
      batch: ctx.batch,
      item_id: item.id,
      kind: line.kind,
      holder_kind: holder.kind,
      holder_id: holder.id,
      qty: line.qty,
      balance_after: balance,
      request_id: line.requestId ?? null,
      customer_id: line.customerId ?? null,
      service_id: line.serviceId ?? null,
      serials_json: line.serials?.length ? JSON.stringify(line.serials) : null,
      note: line.note ?? null,
      user_id: ctx.actor.userId,
      username: ctx.actor.username,
      at: ctx.at,
    })
    .execute()
  if (holder.kind === 'warehouse') await checkLowStock(tx, ctx, item)
  return balance
}

/** A serial item names one serial per unit; any other item names none. */
export function checkSerialCount(item: StockItemRow, qty: number, serials: string[]): string[] {
  if (item.serial !== 1) {
    if (serials.length)
      throw new AppError('STOCK_SERIAL_INVALID', `${item.name} has no serials`, {
        item: item.name,
        problem: 'barang ini tidak memakai nomor seri.',
      })
    return []
  }
  const list = serials.map(normaliseSerial)
  if (list.length !== qty)
    throw new AppError('STOCK_SERIAL_INVALID', `${item.name}: ${list.length} serials for ${qty}`, {
      item: item.name,
      problem: `tulis ${qty} nomor seri, satu untuk setiap unit (tertulis ${list.length}).`,
    })
  return list
}

/**
 * Serial-numbered units: each named serial must be where the stock comes from, and goes where
 * it goes (a single conditional UPDATE per unit, so two people cannot move the same unit).
 */
export async function moveSerials(
  tx: Kysely<Database>,
  ctx: MoveContext,
  item: StockItemRow,
  qty: number,
  serials: string[],
  from: { kind: 'warehouse' | 'technician' | 'customer'; id: number | null },
  to: {
    kind: 'warehouse' | 'technician' | 'customer'
    id: number | null
    customerId?: number | null
    serviceId?: number | null
  },
): Promise<string[]> {
  const list = checkSerialCount(item, qty, serials)
  for (const serial of list) {
    let q = tx
      .updateTable('stock_serials')
      .set({
        holder_kind: to.kind,
        holder_id: to.id,
        customer_id: to.kind === 'customer' ? (to.customerId ?? null) : null,
        service_id: to.kind === 'customer' ? (to.serviceId ?? null) : null,
        updated_at: ctx.at,
      })
      .where('company_id', '=', ctx.companyId)
      .where('item_id', '=', item.id)
      .where('serial', '=', serial)
      .where('holder_kind', '=', from.kind)
    q = from.id === null ? q : q.where('holder_id', '=', from.id)
    const r = await q.executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('STOCK_SERIAL_INVALID', `${serial} not at ${from.kind} ${from.id}`, {
        item: item.name,
        problem: `${serial} tidak ada di ${await holderName(tx, from)}.`,
      })
  }
  return list
}

/**
 * Low stock: when the warehouses' total of an item is at or below its threshold, the office is
 * told once (`low_since` set by a conditional UPDATE, so two movements at once tell it once);
 * when stock comes back above the threshold the next fall tells it again.
 */
async function checkLowStock(tx: Kysely<Database>, ctx: MoveContext, item: StockItemRow) {
  if (item.low_threshold <= 0) return
  const total = await tx
    .selectFrom('stock_balances')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('qty'), eb.lit(0)).as('n'))
    .where('item_id', '=', item.id)
    .where('holder_kind', '=', 'warehouse')
    .executeTakeFirstOrThrow()
  const n = Number(total.n)
  if (n > item.low_threshold) {
    await tx
      .updateTable('stock_items')
      .set({ low_since: null })
      .where('id', '=', item.id)
      .where('low_since', 'is not', null)
      .execute()
    return
  }
  const r = await tx
    .updateTable('stock_items')
    .set({ low_since: ctx.at })
    .where('id', '=', item.id)
    .where('low_since', 'is', null)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) return
  await notify(
    tx,
    ctx.companyId,
    [
      {
        kind: 'stock_low',
        params: { name: item.name, count: n, unit: item.unit, threshold: item.low_threshold },
        link: `/gudang?item=${item.id}`,
        permission: 'warehouse.view',
        dedupeKey: `stock_low:${item.id}:${ctx.at}:${ctx.batch}`,
      },
    ],
    ctx.at,
  )
}
