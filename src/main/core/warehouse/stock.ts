import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import {
  stockAdjustInput,
  stockInInput,
  stockIssueInput,
  stockItemInput,
  stockReturnInput,
  useStockInput,
  warehouseInput,
  type StockAdjustInput,
  type StockInInput,
  type StockIssueInput,
  type StockItemInput,
  type StockReturnInput,
  type UseStockInput,
  type WarehouseInput,
} from '@shared/schemas'
import { appendAudit } from '../audit'
import { takeTurn, writeTx, type Database, type Db } from '../db'
import type { Clock } from '../clock'
import {
  addLine,
  checkSerialCount,
  itemOf,
  moveSerials,
  serviceCustomer,
  technicianOf,
  warehouseOf,
  type MoveContext,
  type WarehouseActor,
} from './ledger'

export interface WarehouseDeps {
  db: Db
  clock: Clock
}

/** What a stock action wrote: its batch (shared by its ledger lines) and the balances after. */
export interface StockResult {
  batch: string
  /** The balance of the holder the stock left (issue, use) or went to (in, return, adjust). */
  balance: number
  /** Serial numbers moved, as stored (upper-case). */
  serials: string[]
  /** True when `batch` was given and had been applied before: nothing was written again. */
  duplicate?: boolean
}

const unique = (e: unknown) => /unique|UNIQUE|duplicate key/.test(String(e))

/**
 * Runs a write whose unique-constraint failure means one thing to the user (a taken name, an
 * already registered serial) and throws `taken()` instead of the database's error. Shared by
 * the item, warehouse and stock-in writes, which each caught it the same way.
 */
async function unlessTaken<T>(write: () => Promise<T>, taken: () => AppError): Promise<T> {
  try {
    return await write()
  } catch (e) {
    if (unique(e)) throw taken()
    throw e
  }
}

/**
 * Issue, return and use write the line the stock left before the serials are known (they are
 * checked while moving); this stamps the moved serials onto the batch's lines written so far.
 * `itemId` narrows it to one item's lines (an issue inside a request shares its batch).
 */
async function stampSerials(
  tx: Kysely<Database>,
  ctx: MoveContext,
  serials: string[],
  itemId?: number,
): Promise<void> {
  if (!serials.length) return
  let q = tx
    .updateTable('stock_movements')
    .set({ serials_json: JSON.stringify(serials) })
    .where('batch', '=', ctx.batch)
  if (itemId !== undefined) q = q.where('item_id', '=', itemId)
  await q.execute()
}

function context(deps: WarehouseDeps, actor: WarehouseActor, batch?: string): MoveContext {
  return {
    companyId: actor.companyId,
    actor,
    at: deps.clock.now().toISOString(),
    batch: batch ?? randomUUID(),
  }
}

export async function saveStockItem(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: StockItemInput,
): Promise<{ id: number }> {
  const input = stockItemInput.parse(raw)
  const at = deps.clock.now().toISOString()
  return unlessTaken(
    () =>
      writeTx(deps.db, async (tx) => {
        const values = {
          name: input.name,
          unit: input.unit,
          serial: input.serial ? 1 : 0,
          low_threshold: input.lowThreshold,
          active: input.active ? 1 : 0,
          updated_at: at,
        }
        let id = input.id
        let before: Record<string, unknown> | null = null
        if (id === undefined) {
          id = (
            await tx
              .insertInto('stock_items')
              .values({ ...values, company_id: actor.companyId, low_since: null, created_at: at })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        } else {
          const old = await itemOf(tx, actor.companyId, id, { activeOnly: false })
          before = { ...old }
          // A serial item with units on record stays a serial item (and the other way round).
          if (old.serial !== values.serial) {
            const moved = await tx
              .selectFrom('stock_movements')
              .select('id')
              .where('item_id', '=', id)
              .executeTakeFirst()
            if (moved)
              throw new AppError('VALIDATION', 'serial flag of an item with stock', {
                issues: [{ path: ['serial'], message: 'validation.serial_locked' }],
              })
          }
          await tx.updateTable('stock_items').set(values).where('id', '=', id).execute()
        }
        await appendAudit(tx, deps.clock, actor, {
          action: 'warehouse.item',
          entityType: 'stock_item',
          entityId: id,
          before,
          after: values,
        })
        return { id }
      }),
    () => new AppError('STOCK_ITEM_NAME_TAKEN', input.name, { name: input.name }),
  )
}

export async function saveWarehouse(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: WarehouseInput,
): Promise<{ id: number }> {
  const input = warehouseInput.parse(raw)
  const at = deps.clock.now().toISOString()
  return unlessTaken(
    () =>
      writeTx(deps.db, async (tx) => {
        const values = {
          name: input.name,
          address: input.address,
          active: input.active ? 1 : 0,
          updated_at: at,
        }
        let id = input.id
        if (id === undefined) {
          id = (
            await tx
              .insertInto('warehouses')
              .values({ ...values, company_id: actor.companyId, created_at: at })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        } else {
          const r = await tx
            .updateTable('warehouses')
            .set(values)
            .where('id', '=', id)
            .where('company_id', '=', actor.companyId)
            .executeTakeFirst()
          if (Number(r.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', 'warehouse')
        }
        await appendAudit(tx, deps.clock, actor, {
          action: 'warehouse.warehouse',
          entityType: 'warehouse',
          entityId: id,
          after: values,
        })
        return { id }
      }),
    () => new AppError('WAREHOUSE_NAME_TAKEN', input.name, { name: input.name }),
  )
}

/** Stock received into a warehouse; a serial item's units are registered there by serial. */
export async function stockIn(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: StockInInput,
): Promise<StockResult> {
  const input = stockInInput.parse(raw)
  const ctx = context(deps, actor)
  return unlessTaken(
    () =>
      writeTx(deps.db, async (tx) => {
        const item = await itemOf(tx, ctx.companyId, input.itemId)
        await warehouseOf(tx, ctx.companyId, input.warehouseId)
        let serials: string[] = []
        if (item.serial === 1 || input.serials.length) {
          // New units: checked for count and kind like any move, then registered.
          serials = checkSerialCount(item, input.qty, input.serials)
          for (const serial of serials)
            await tx
              .insertInto('stock_serials')
              .values({
                company_id: ctx.companyId,
                item_id: item.id,
                serial,
                holder_kind: 'warehouse',
                holder_id: input.warehouseId,
                customer_id: null,
                service_id: null,
                updated_at: ctx.at,
              })
              .execute()
        }
        const balance = await addLine(tx, ctx, {
          item,
          kind: 'in',
          holder: { kind: 'warehouse', id: input.warehouseId },
          qty: input.qty,
          serials,
          note: input.note,
        })
        return { batch: ctx.batch, balance, serials }
      }),
    () =>
      new AppError('STOCK_SERIAL_INVALID', 'serial already registered', {
        item: `#${input.itemId}`,
        problem: 'ada nomor seri yang sudah terdaftar di Gudang.',
      }),
  )
}

/** Warehouse → technician, outside a request (a technician takes spare stock for his rounds). */
export async function issueStock(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: StockIssueInput,
): Promise<StockResult> {
  const input = stockIssueInput.parse(raw)
  const ctx = context(deps, actor)
  return writeTx(deps.db, async (tx) => {
    const item = await itemOf(tx, ctx.companyId, input.itemId)
    await warehouseOf(tx, ctx.companyId, input.warehouseId)
    await technicianOf(tx, ctx.companyId, input.technicianId)
    const link = await serviceCustomer(tx, ctx.companyId, input.serviceId, input.customerId)
    return issueLines(tx, ctx, {
      item,
      warehouseId: input.warehouseId,
      technicianId: input.technicianId,
      qty: input.qty,
      serials: input.serials,
      requestId: null,
      ...link,
      note: input.note,
    })
  })
}

/** The two lines of an issue (warehouse −n, technician +n) and its serials. */
export async function issueLines(
  tx: Parameters<typeof addLine>[0],
  ctx: MoveContext,
  o: {
    item: Awaited<ReturnType<typeof itemOf>>
    warehouseId: number
    technicianId: number
    qty: number
    serials: string[]
    requestId: number | null
    customerId: number | null
    serviceId: number | null
    note: string | null
  },
): Promise<StockResult> {
  const common = {
    item: o.item,
    kind: 'issue' as const,
    requestId: o.requestId,
    customerId: o.customerId,
    serviceId: o.serviceId,
    note: o.note,
  }
  const balance = await addLine(tx, ctx, {
    ...common,
    holder: { kind: 'warehouse', id: o.warehouseId },
    qty: -o.qty,
  })
  const serials = await moveSerials(
    tx,
    ctx,
    o.item,
    o.qty,
    o.serials,
    { kind: 'warehouse', id: o.warehouseId },
    { kind: 'technician', id: o.technicianId },
  )
  await stampSerials(tx, ctx, serials, o.item.id)
  await addLine(tx, ctx, {
    ...common,
    holder: { kind: 'technician', id: o.technicianId },
    qty: o.qty,
    serials,
  })
  return { batch: ctx.batch, balance, serials }
}

/**
 * Back into a warehouse: from a technician's hand (what he did not use), or — without a
 * technician — serial-numbered units taken back from a customer (a swapped or removed ONT).
 */
export async function returnStock(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: StockReturnInput,
): Promise<StockResult> {
  const input = stockReturnInput.parse(raw)
  const ctx = context(deps, actor)
  return writeTx(deps.db, async (tx) => {
    const item = await itemOf(tx, ctx.companyId, input.itemId, { activeOnly: false })
    await warehouseOf(tx, ctx.companyId, input.warehouseId)
    const to = { kind: 'warehouse' as const, id: input.warehouseId }
    // Where the units come from: the technician's hand (his line is written first), or the
    // customer for serial units taken back without a technician. Moved the same way after.
    let from: { kind: 'technician' | 'customer'; id: number | null }
    if (input.technicianId !== null) {
      await technicianOf(tx, ctx.companyId, input.technicianId)
      await addLine(tx, ctx, {
        item,
        kind: 'return',
        holder: { kind: 'technician', id: input.technicianId },
        qty: -input.qty,
        note: input.note,
      })
      from = { kind: 'technician', id: input.technicianId }
    } else {
      if (item.serial !== 1)
        throw new AppError('VALIDATION', 'return without technician', {
          issues: [{ path: ['technicianId'], message: 'validation.required' }],
        })
      from = { kind: 'customer', id: null }
    }
    const serials = await moveSerials(tx, ctx, item, input.qty, input.serials, from, to)
    await stampSerials(tx, ctx, serials)
    const balance = await addLine(tx, ctx, {
      item,
      kind: 'return',
      holder: to,
      qty: input.qty,
      serials,
      note: input.note,
    })
    return { batch: ctx.batch, balance, serials }
  })
}

/**
 * What a technician used on a job: it leaves his hand (or, with `warehouseId`, the warehouse)
 * for the customer's service; serial-numbered units are then "at the customer", on that
 * service. `batch` is the caller's id for this use (the technician's phone sends a UUID per
 * command): a use already recorded under it is not recorded again (`duplicate: true`).
 *
 * `within`: run inside the caller's transaction instead of one of its own (the phone's
 * `stock.use` records its command in the same transaction as the use).
 */
export async function useStock(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: UseStockInput,
  batch?: string,
  within?: Kysely<Database>,
): Promise<StockResult> {
  const input = useStockInput.parse(raw)
  const ctx = context(deps, actor, batch)
  const inTx = <T>(fn: (tx: Kysely<Database>) => Promise<T>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  return inTx(async (tx) => {
    if (batch) {
      await takeTurn(tx, `stock-batch:${batch}`)
      const done = await tx
        .selectFrom('stock_movements')
        .select(['balance_after', 'serials_json'])
        .where('company_id', '=', ctx.companyId)
        .where('batch', '=', batch)
        .executeTakeFirst()
      if (done)
        return {
          batch,
          balance: done.balance_after,
          serials: done.serials_json ? (JSON.parse(done.serials_json) as string[]) : [],
          duplicate: true,
        }
    }
    const item = await itemOf(tx, ctx.companyId, input.itemId, { activeOnly: false })
    await technicianOf(tx, ctx.companyId, input.technicianId)
    if (input.warehouseId !== null) await warehouseOf(tx, ctx.companyId, input.warehouseId)
    const link = await serviceCustomer(tx, ctx.companyId, input.serviceId, input.customerId)
    const from =
      input.warehouseId !== null
        ? { kind: 'warehouse' as const, id: input.warehouseId }
        : { kind: 'technician' as const, id: input.technicianId }
    const balance = await addLine(tx, ctx, {
      item,
      kind: 'use',
      holder: from,
      qty: -input.qty,
      ...link,
      note: input.note,
    })
    const serials = await moveSerials(tx, ctx, item, input.qty, input.serials, from, {
      kind: 'customer',
      id: link.customerId,
      ...link,
    })
    await stampSerials(tx, ctx, serials)
    return { batch: ctx.batch, balance, serials }
  })
}

/**
 * A stock count's correction: the warehouse's balance of a (non-serial) item becomes `qty`,
 * with the difference as an `adjust` line and its reason; audited.
 */
export async function adjustStock(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: StockAdjustInput,
): Promise<StockResult> {
  const input = stockAdjustInput.parse(raw)
  const ctx = context(deps, actor)
  return writeTx(deps.db, async (tx) => {
    const item = await itemOf(tx, ctx.companyId, input.itemId, { activeOnly: false })
    await warehouseOf(tx, ctx.companyId, input.warehouseId)
    if (item.serial === 1)
      throw new AppError('STOCK_SERIAL_INVALID', 'adjust of a serial item', {
        item: item.name,
        problem: 'stok barang bernomor seri dikoreksi lewat barang masuk atau retur per unit.',
      })
    // The count and the correction are one decision: one writer at a time for this balance.
    await takeTurn(tx, `stock-balance:${item.id}:warehouse:${input.warehouseId}`)
    const now = await tx
      .selectFrom('stock_balances')
      .select('qty')
      .where('item_id', '=', item.id)
      .where('holder_kind', '=', 'warehouse')
      .where('holder_id', '=', input.warehouseId)
      .executeTakeFirst()
    const before = now?.qty ?? 0
    const delta = input.qty - before
    let balance = before
    if (delta !== 0)
      balance = await addLine(tx, ctx, {
        item,
        kind: 'adjust',
        holder: { kind: 'warehouse', id: input.warehouseId },
        qty: delta,
        note: input.note,
      })
    await appendAudit(tx, deps.clock, actor, {
      action: 'warehouse.adjust',
      entityType: 'stock_item',
      entityId: item.id,
      before: { warehouseId: input.warehouseId, qty: before },
      after: { warehouseId: input.warehouseId, qty: input.qty, note: input.note },
    })
    return { batch: ctx.batch, balance, serials: [] }
  })
}
