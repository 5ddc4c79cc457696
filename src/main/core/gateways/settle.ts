import type { Kysely, Selectable } from 'kysely'
import type { AuditAction } from '@shared/audit-actions'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { formatRupiah } from '@shared/money'
import { appendAudit, type Actor } from '../audit'
import { afterPayment } from '../collections'
import { companyTimeZone } from '../companies'
import { takeTurn, writeTx, type Database, type GatewayTransactionsTable } from '../db'
import { notify } from '../notifications'
import { insertPayment } from '../payments'
import type { GatewayName, TransactionStatus } from './adapter'
import type { GatewayDeps } from './deps'

export type GatewayTxRow = Selectable<GatewayTransactionsTable>

/** What one notice (a callback or a poll's answer) did to its transaction. */
export type SettleOutcome =
  | 'applied'
  | 'duplicate'
  | 'amount_mismatch'
  | 'held'
  | 'expired'
  | 'failed'
  | 'refund'
  | 'unpaid'
  | 'unchanged'
  | 'bad_signature'
  | 'unknown_transaction'

/** Who the audit log names for what a gateway told. */
export const gatewayActor = (
  companyId: number,
  gateway: GatewayName,
): Actor & { companyId: number } => ({
  companyId,
  userId: null,
  username: `gateway:${gateway}`,
  ip: null,
  userAgent: null,
})

/** How long to wait before asking the gateway again about an unpaid transaction. */
export function nextPollAt(
  row: Pick<GatewayTxRow, 'created_at' | 'expires_at'>,
  now: Date,
  pollMinutes: number,
): string | null {
  const age = now.getTime() - Date.parse(row.created_at)
  const expires = Date.parse(row.expires_at)
  // A day past its expiry the gateway has long said so: nothing left to ask.
  if (now.getTime() > expires + 24 * 3_600_000) return null
  // Every few minutes while fresh (the first hour: customers pay right away), then every half hour.
  const minutes = age < 3_600_000 ? pollMinutes : Math.max(30, pollMinutes)
  return new Date(now.getTime() + minutes * 60_000).toISOString()
}

export interface NoticeInput {
  source: 'callback' | 'poll' | 'staff'
  status: TransactionStatus
  /** What was received, as received (the callback's raw body; the poll's answer). */
  payload: string
  pollMinutes: number
}

interface Settled {
  outcome: SettleOutcome
  paymentId: number | null
  /** A new payment to follow (receipt, restore) once committed. */
  follow: { customerId: number; paymentId: number } | null
}

/**
 * Applies what a gateway says about one stored transaction (rule 27): one payment per gateway
 * reference however often it is told, by callback or by polling; paid with another amount than
 * asked → held for review with a notification, never applied; expired / failed / refund are
 * recorded. Every callback, and every poll that changed something, lands in gateway_events.
 * The receipt message and the restore follow the committed payment, as at the counter.
 */
export async function settleTransaction(
  deps: GatewayDeps,
  row: GatewayTxRow,
  n: NoticeInput,
): Promise<{ outcome: SettleOutcome; paymentId: number | null; state: string }> {
  const gateway = row.gateway as GatewayName
  const actor = gatewayActor(row.company_id, gateway)
  const timeZone = await companyTimeZone(deps, row.company_id)
  const result = await writeTx(deps.db, async (tx) => {
    // The same payment told twice at once (a callback racing a poll) is decided one after the
    // other: the second sees the first's payment.
    await takeTurn(tx, `gateway:${gateway}:${row.reference}`)
    const current = await tx
      .selectFrom('gateway_transactions')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    const settled = await decide(tx, deps, actor, current, n, timeZone)
    if (n.source === 'callback' || settled.outcome !== 'unchanged') {
      await tx
        .insertInto('gateway_events')
        .values({
          company_id: row.company_id,
          gateway,
          reference: row.reference,
          invoice_number: null,
          amount: n.status.amount,
          outcome: settled.outcome,
          payment_id: settled.paymentId,
          payload: n.payload,
          at: deps.clock.now().toISOString(),
          transaction_id: row.id,
          source: n.source,
        })
        .execute()
    }
    const after = await tx
      .selectFrom('gateway_transactions')
      .select('state')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    return { ...settled, state: after.state }
  })
  if (result.follow) await followGatewayPayment(deps, actor, result.follow, timeZone)
  return { outcome: result.outcome, paymentId: result.paymentId, state: result.state }
}

/** Receipt message and restore after a committed gateway payment: the counter's follow-up. */
export async function followGatewayPayment(
  deps: GatewayDeps,
  actor: Actor & { companyId: number },
  payment: { customerId: number; paymentId: number },
  timeZone: string,
): Promise<void> {
  try {
    const counts = await afterPayment(deps, actor, payment, timeZone)
    if (counts.restored) deps.onDeviceJobs?.()
  } catch (error) {
    // The payment stands; the periodic restore run catches up.
    console.error(`after gateway payment ${payment.paymentId}:`, error)
    deps.onDeviceJobs?.()
  }
}

async function decide(
  tx: Kysely<Database>,
  deps: GatewayDeps,
  actor: Actor & { companyId: number },
  row: GatewayTxRow,
  n: NoticeInput,
  timeZone: string,
): Promise<Settled> {
  const now = deps.clock.now()
  const at = now.toISOString()
  const s = n.status
  const none = (outcome: SettleOutcome): Settled => ({
    outcome,
    paymentId: row.payment_id,
    follow: null,
  })
  const update = (values: Partial<Omit<GatewayTxRow, 'id'>>) =>
    tx
      .updateTable('gateway_transactions')
      .set({ ...values, updated_at: at })
      .where('id', '=', row.id)
      .execute()

  if (row.state === 'paid' || row.state === 'held' || row.state === 'refund') {
    if (s.state === 'refund' && row.state === 'paid') {
      await update({ state: 'refund', next_poll_at: null })
      await audit(tx, deps, actor, row, 'gateways.refund', { amount: s.amount })
      return none('refund')
    }
    return none(s.state === 'paid' ? 'duplicate' : 'unchanged')
  }
  switch (s.state) {
    case 'unpaid': {
      const next = nextPollAt(row, now, n.pollMinutes)
      if (next === null) {
        // A day past its expiry and still unpaid: nobody will pay it any more.
        await update({ state: 'expired', last_polled_at: at, next_poll_at: null })
        await audit(tx, deps, actor, row, 'gateways.expired', { via: n.source })
        return none('expired')
      }
      await update({ last_polled_at: at, next_poll_at: next })
      return none(n.source === 'callback' ? 'unpaid' : 'unchanged')
    }
    case 'expired':
    case 'failed':
      if (row.state === s.state) return none('unchanged')
      await update({ state: s.state, last_polled_at: at, next_poll_at: null })
      await audit(
        tx,
        deps,
        actor,
        row,
        s.state === 'expired' ? 'gateways.expired' : 'gateways.failed',
        { via: n.source },
      )
      return none(s.state)
    case 'refund':
      await update({ state: 'refund', last_polled_at: at, next_poll_at: null })
      return none('refund')
    case 'paid':
      break
  }
  // Paid, and told for the first time (an expired transaction paid late is still money received).
  const paidAt = (s.paidAt ?? now).toISOString()
  if (s.amount !== row.total) {
    await hold(tx, deps, actor, row, { paidAmount: s.amount, paidAt, reason: 'amount_mismatch' })
    return none('amount_mismatch')
  }
  try {
    const paid = await insertPayment(
      tx,
      deps,
      actor,
      {
        customerId: row.customer_id,
        amount: row.amount,
        method: 'gateway',
        reference: row.reference,
        invoiceId: null,
        notes: `${row.gateway} ${row.channel_name} (${row.merchant_ref})`,
      },
      { date: dateInZone(now, timeZone), source: 'gateway' },
    )
    await update({
      state: 'paid',
      paid_amount: s.amount,
      paid_at: paidAt,
      payment_id: paid.paymentId,
      last_polled_at: at,
      next_poll_at: null,
    })
    return {
      outcome: 'applied',
      paymentId: paid.paymentId,
      follow: { customerId: row.customer_id, paymentId: paid.paymentId },
    }
  } catch (error) {
    // The money arrived but cannot be applied as asked (the invoices were paid at the counter
    // meanwhile and credit is not allowed, …): a person decides.
    if (!(error instanceof AppError)) throw error
    await hold(tx, deps, actor, row, { paidAmount: s.amount, paidAt, reason: error.code })
    return none('held')
  }
}

async function hold(
  tx: Kysely<Database>,
  deps: GatewayDeps,
  actor: Actor & { companyId: number },
  row: GatewayTxRow,
  h: { paidAmount: number; paidAt: string; reason: string },
) {
  const at = deps.clock.now().toISOString()
  await tx
    .updateTable('gateway_transactions')
    .set({
      state: 'held',
      paid_amount: h.paidAmount,
      paid_at: h.paidAt,
      held_reason: h.reason,
      next_poll_at: null,
      last_polled_at: at,
      updated_at: at,
    })
    .where('id', '=', row.id)
    .execute()
  const customer = await tx
    .selectFrom('customers')
    .select(['code', 'name'])
    .where('id', '=', row.customer_id)
    .executeTakeFirstOrThrow()
  await notify(
    tx,
    row.company_id,
    [
      {
        kind: 'gateway_payment_held',
        params: {
          reference: row.reference,
          customer: `${customer.code} ${customer.name}`,
          paid: formatRupiah(h.paidAmount),
          asked: formatRupiah(row.total),
        },
        link: '/settings/online-payment?tab=transactions',
        permission: 'payments.gateway_review',
        dedupeKey: `gateway_payment_held:${row.id}`,
      },
    ],
    at,
  )
  await audit(tx, deps, actor, row, 'gateways.held', {
    paid: h.paidAmount,
    asked: row.total,
    reason: h.reason,
  })
}

export function audit(
  tx: Kysely<Database>,
  deps: GatewayDeps,
  actor: Actor & { companyId: number },
  row: GatewayTxRow,
  action: AuditAction,
  after: Record<string, unknown>,
) {
  return appendAudit(tx, deps.clock, actor, {
    action,
    entityType: 'gateway_transaction',
    entityId: row.id,
    after: {
      gateway: row.gateway,
      reference: row.reference,
      merchant_ref: row.merchant_ref,
      ...after,
    },
  })
}
