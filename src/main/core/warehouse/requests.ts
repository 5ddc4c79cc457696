import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import {
  createStockRequestInput,
  decideStockRequestInput,
  issueStockRequestInput,
  type CreateStockRequestInput,
  type DecideStockRequestInput,
  type IssueStockRequestInput,
} from '@shared/schemas'
import type { StockRequestStatus } from '@shared/warehouse'
import { appendAudit } from '../audit'
import { writeTx, type Database } from '../db'
import { itemOf, serviceCustomer, technicianOf, warehouseOf, type WarehouseActor } from './ledger'
import { issueLines, type WarehouseDeps } from './stock'

const STATUS_WORDS: Record<StockRequestStatus, string> = {
  diminta: 'diminta',
  disetujui: 'disetujui',
  dikeluarkan: 'dikeluarkan',
  ditolak: 'ditolak',
}

/**
 * Moves a request from one status to the next with a conditional UPDATE (`status = from`): of
 * two people approving, issuing or rejecting at once, one wins and the other is told what
 * status the request now has.
 */
async function moveStatus(
  tx: Kysely<Database>,
  companyId: number,
  id: number,
  from: StockRequestStatus,
  set: Partial<{
    status: StockRequestStatus
    decided_by: string | null
    decided_at: string
    reason: string | null
    issued_by: string | null
    issued_at: string
    technician_id: number
  }>,
  action: string,
): Promise<void> {
  const r = await tx
    .updateTable('stock_requests')
    .set(set)
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .where('status', '=', from)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) === 1) return
  const now = await tx
    .selectFrom('stock_requests')
    .select('status')
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!now) throw new AppError('NOT_FOUND', 'stock request')
  throw new AppError('STOCK_REQUEST_STATUS_REFUSED', `request ${id} is ${now.status}`, {
    status: STATUS_WORDS[now.status as StockRequestStatus] ?? now.status,
    action,
  })
}

/**
 * A request for items from a warehouse, made for an installation or a ticket (`forKind` +
 * `forId`, the registration board's installation step and the ticket page call this) or by
 * hand: status `diminta`, waiting for someone with warehouse.manage to approve it.
 */
export async function createStockRequest(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: CreateStockRequestInput,
  /** Run inside the caller's transaction (the registration board's installation step). */
  within?: Kysely<Database>,
): Promise<{ id: number }> {
  const input = createStockRequestInput.parse(raw)
  const companyId = actor.companyId
  if ((input.forKind === null) !== (input.forId === null))
    throw new AppError('VALIDATION', 'forKind and forId go together', {
      issues: [{ path: ['forId'], message: 'validation.required' }],
    })
  const inTx = (fn: (tx: Kysely<Database>) => Promise<{ id: number }>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  return inTx(async (tx) => {
    await warehouseOf(tx, companyId, input.warehouseId)
    if (input.technicianId !== null) await technicianOf(tx, companyId, input.technicianId)
    for (const l of input.lines) await itemOf(tx, companyId, l.itemId)
    const link = await serviceCustomer(tx, companyId, input.serviceId, input.customerId)
    const at = deps.clock.now().toISOString()
    const { id } = await tx
      .insertInto('stock_requests')
      .values({
        company_id: companyId,
        for_kind: input.forKind,
        for_id: input.forId,
        warehouse_id: input.warehouseId,
        technician_id: input.technicianId,
        customer_id: link.customerId,
        service_id: link.serviceId,
        status: 'diminta',
        note: input.note,
        requested_by: actor.username,
        requested_at: at,
        decided_by: null,
        decided_at: null,
        reason: null,
        issued_by: null,
        issued_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const l of input.lines)
      await tx
        .insertInto('stock_request_lines')
        .values({ request_id: id, item_id: l.itemId, qty: l.qty })
        .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'warehouse.request',
      entityType: 'stock_request',
      entityId: id,
      after: { status: 'diminta', forKind: input.forKind, forId: input.forId, lines: input.lines },
    })
    return { id }
  })
}

/** diminta → disetujui, or diminta → ditolak with a reason. */
export async function decideStockRequest(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: DecideStockRequestInput,
): Promise<{ id: number; status: StockRequestStatus }> {
  const input = decideStockRequestInput.parse(raw)
  const status: StockRequestStatus = input.approve ? 'disetujui' : 'ditolak'
  return writeTx(deps.db, async (tx) => {
    await moveStatus(
      tx,
      actor.companyId,
      input.id,
      'diminta',
      {
        status,
        decided_by: actor.username,
        decided_at: deps.clock.now().toISOString(),
        reason: input.reason,
      },
      input.approve ? 'disetujui' : 'ditolak',
    )
    await appendAudit(tx, deps.clock, actor, {
      action: 'warehouse.request',
      entityType: 'stock_request',
      entityId: input.id,
      before: { status: 'diminta' },
      after: { status, reason: input.reason },
    })
    return { id: input.id, status }
  })
}

/**
 * disetujui → dikeluarkan: every line leaves the request's warehouse for the technician's hand
 * (linked to the request's service and customer), all or nothing — when one item is short the
 * whole issue is refused with STOCK_INSUFFICIENT and the request stays approved.
 */
export async function issueStockRequest(
  deps: WarehouseDeps,
  actor: WarehouseActor,
  raw: IssueStockRequestInput,
): Promise<{ id: number; status: StockRequestStatus; batch: string }> {
  const input = issueStockRequestInput.parse(raw)
  const companyId = actor.companyId
  return writeTx(deps.db, async (tx) => {
    const request = await tx
      .selectFrom('stock_requests')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!request) throw new AppError('NOT_FOUND', 'stock request')
    const technicianId = input.technicianId ?? request.technician_id
    if (technicianId === null)
      throw new AppError('VALIDATION', 'issue needs a technician', {
        issues: [{ path: ['technicianId'], message: 'validation.required' }],
      })
    await technicianOf(tx, companyId, technicianId)
    const at = deps.clock.now().toISOString()
    await moveStatus(
      tx,
      companyId,
      request.id,
      'disetujui',
      {
        status: 'dikeluarkan',
        issued_by: actor.username,
        issued_at: at,
        technician_id: technicianId,
      },
      'dikeluarkan',
    )
    const lines = await tx
      .selectFrom('stock_request_lines')
      .select(['item_id', 'qty'])
      .where('request_id', '=', request.id)
      // Item order: two multi-item issues at once lock balances in the same order.
      .orderBy('item_id')
      .execute()
    const ctx = { companyId, actor, at, batch: randomUUID() }
    for (const l of lines) {
      const item = await itemOf(tx, companyId, l.item_id, { activeOnly: false })
      await issueLines(tx, ctx, {
        item,
        warehouseId: request.warehouse_id,
        technicianId,
        qty: l.qty,
        serials: input.serials[String(l.item_id)] ?? [],
        requestId: request.id,
        customerId: request.customer_id,
        serviceId: request.service_id,
        note: null,
      })
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'warehouse.request',
      entityType: 'stock_request',
      entityId: request.id,
      before: { status: 'disetujui' },
      after: { status: 'dikeluarkan', technicianId },
    })
    return { id: request.id, status: 'dikeluarkan' as const, batch: ctx.batch }
  })
}
