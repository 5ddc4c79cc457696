import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { GatewayTxState } from '@shared/schemas'
import type { Actor } from '../audit'
import { takeTurn, writeTx } from '../db'
import { insertPayment } from '../payments'
import type { GatewayDeps } from './deps'
import { audit, followGatewayPayment } from './settle'

export interface GatewayTransactionView {
  id: number
  gateway: string
  reference: string
  merchantRef: string
  customerId: number
  customerCode: string
  customerName: string
  invoiceNumbers: string[]
  amount: number
  fee: number
  total: number
  paidAmount: number | null
  channel: string
  channelName: string
  payCode: string | null
  checkoutUrl: string | null
  state: GatewayTxState
  heldReason: string | null
  paymentId: number | null
  paymentNumber: string | null
  via: string
  createdAt: string
  expiresAt: string
  paidAt: string | null
  lastPolledAt: string | null
  nextPollAt: string | null
  reviewedBy: string | null
}

/** The company's online transactions, newest first (the held ones on their own with `state`). */
export async function listGatewayTransactions(
  deps: GatewayDeps,
  companyId: number,
  q: { state: GatewayTxState | null; limit: number },
): Promise<GatewayTransactionView[]> {
  let query = deps.db
    .selectFrom('gateway_transactions as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('payments as p', 'p.id', 't.payment_id')
    .select([
      't.id',
      't.gateway',
      't.reference',
      't.merchant_ref',
      't.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      't.amount',
      't.fee',
      't.total',
      't.paid_amount',
      't.channel',
      't.channel_name',
      't.pay_code',
      't.checkout_url',
      't.state',
      't.held_reason',
      't.payment_id',
      'p.number as payment_number',
      't.via',
      't.created_at',
      't.expires_at',
      't.paid_at',
      't.last_polled_at',
      't.next_poll_at',
      't.reviewed_by',
    ])
    .where('t.company_id', '=', companyId)
  if (q.state) query = query.where('t.state', '=', q.state)
  const rows = await query
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.limit)
    .execute()
  const invoices =
    rows.length === 0
      ? []
      : await deps.db
          .selectFrom('gateway_transaction_invoices as gi')
          .innerJoin('invoices as i', 'i.id', 'gi.invoice_id')
          .select(['gi.transaction_id', 'i.number', 'i.id'])
          .where(
            'gi.transaction_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('i.id')
          .execute()
  return rows.map((r) => ({
    id: r.id,
    gateway: r.gateway,
    reference: r.reference,
    merchantRef: r.merchant_ref,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    invoiceNumbers: invoices
      .filter((i) => i.transaction_id === r.id)
      .map((i) => i.number ?? `#${i.id}`),
    amount: r.amount,
    fee: r.fee,
    total: r.total,
    paidAmount: r.paid_amount,
    channel: r.channel,
    channelName: r.channel_name,
    payCode: r.pay_code,
    checkoutUrl: r.checkout_url,
    state: r.state as GatewayTxState,
    heldReason: r.held_reason,
    paymentId: r.payment_id,
    paymentNumber: r.payment_number ?? null,
    via: r.via,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    paidAt: r.paid_at,
    lastPolledAt: r.last_polled_at,
    nextPollAt: r.next_poll_at,
    reviewedBy: r.reviewed_by,
  }))
}

async function heldRow(deps: GatewayDeps, companyId: number, id: number) {
  const row = await deps.db
    .selectFrom('gateway_transactions')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'gateway transaction')
  return row
}

const notHeld = (row: { reference: string; state: string }) =>
  new AppError('GATEWAY_TRANSACTION_NOT_HELD', undefined, {
    reference: row.reference,
    state: row.state,
  })

/**
 * A person approves a held payment: what arrived, less the channel fee the customer was asked
 * for, is recorded as the counter would (oldest invoice first, the rest as credit when allowed),
 * then the receipt message and the restore follow.
 */
export async function approveHeldPayment(
  deps: GatewayDeps,
  actor: Actor & { companyId: number },
  p: { id: number; reason: string },
  timeZone: string,
): Promise<{ paymentId: number; amount: number }> {
  const first = await heldRow(deps, actor.companyId, p.id)
  const result = await writeTx(deps.db, async (tx) => {
    await takeTurn(tx, `gateway:${first.gateway}:${first.reference}`)
    const row = await tx
      .selectFrom('gateway_transactions')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    if (row.state !== 'held' || row.paid_amount === null) throw notHeld(row)
    const amount = row.paid_amount - row.fee
    if (amount <= 0) {
      throw new AppError('VALIDATION', 'nothing left to apply after the fee', {
        issues: [{ path: ['id'], message: 'validation.out_of_range' }],
      })
    }
    const paid = await insertPayment(
      tx,
      deps,
      actor,
      {
        customerId: row.customer_id,
        amount,
        method: 'gateway',
        reference: row.reference,
        invoiceId: null,
        notes: `${row.gateway} ${row.channel_name} (${row.merchant_ref}), disetujui${p.reason ? `: ${p.reason}` : ''}`,
      },
      { date: dateInZone(deps.clock.now(), timeZone), source: 'gateway' },
    )
    const at = deps.clock.now().toISOString()
    await tx
      .updateTable('gateway_transactions')
      .set({
        state: 'paid',
        payment_id: paid.paymentId,
        reviewed_by: actor.username,
        reviewed_at: at,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute()
    await audit(tx, deps, actor, row, 'gateways.approve', {
      paid: row.paid_amount,
      applied: amount,
      payment: paid.number,
      reason: p.reason || null,
    })
    return { paymentId: paid.paymentId, amount, customerId: row.customer_id }
  })
  await followGatewayPayment(deps, actor, result, timeZone)
  return { paymentId: result.paymentId, amount: result.amount }
}

/**
 * A person rejects a held payment: nothing is applied; the transaction is closed as failed
 * (the money goes back to the customer through the gateway's own dashboard).
 */
export async function rejectHeldPayment(
  deps: GatewayDeps,
  actor: Actor & { companyId: number },
  p: { id: number; reason: string },
): Promise<void> {
  if (!p.reason.trim()) {
    throw new AppError('VALIDATION', 'reason required', {
      issues: [{ path: ['reason'], message: 'validation.reason_required' }],
    })
  }
  const first = await heldRow(deps, actor.companyId, p.id)
  await writeTx(deps.db, async (tx) => {
    await takeTurn(tx, `gateway:${first.gateway}:${first.reference}`)
    const row = await tx
      .selectFrom('gateway_transactions')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    if (row.state !== 'held') throw notHeld(row)
    const at = deps.clock.now().toISOString()
    await tx
      .updateTable('gateway_transactions')
      .set({ state: 'failed', reviewed_by: actor.username, reviewed_at: at, updated_at: at })
      .where('id', '=', row.id)
      .execute()
    await audit(tx, deps, actor, row, 'gateways.reject', {
      paid: row.paid_amount,
      asked: row.total,
      reason: p.reason,
    })
  })
}
