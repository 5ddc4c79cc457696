import type { Kysely } from 'kysely'
import type { PaymentMethod } from '@shared/billing'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import {
  addCredit,
  customerMoneyTurn,
  insertAllocations,
  paymentCredit,
  openInvoicesOf,
  refreshInvoices,
  splitAmount,
  takeDocumentNumbers,
} from '../billing'
import { takeTurn, writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { getBillingSettings } from '../settings'
import { assertDayOpen } from './closing-guard'

type CompanyActor = Actor & { companyId: number }

export interface PaymentRequest {
  customerId: number
  amount: number
  method: PaymentMethod
  reference: string | null
  invoiceId: number | null
  clientId?: string
  notes: string | null
}

export interface RecordedPayment {
  paymentId: number
  number: string
  amount: number
  allocations: { invoiceId: number; amount: number }[]
  toCredit: number
  /** What the customer still owes after this payment. */
  balanceAfter: number
  /** true when the same clientId was recorded before: nothing new was written. */
  replayed: boolean
}

/**
 * Records a payment inside the caller's transaction (rules 22–24, 26): receipt number from its
 * own gapless sequence, oldest-first allocation unless an invoice is targeted, the rest as
 * credit. Two cashiers paying the same customer are taken one after the other (the customer's
 * money turn), so the second sees what the first paid and no invoice is paid twice.
 */
export async function insertPayment(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  p: PaymentRequest,
  o: { date: string; source: 'counter' | 'import' | 'gateway' },
): Promise<RecordedPayment> {
  await customerMoneyTurn(tx, p.customerId)
  if (p.reference) await takeTurn(tx, `payment-reference:${p.method}:${p.reference}`)
  if (p.clientId) {
    const earlier = await tx
      .selectFrom('payments')
      .select(['id', 'number', 'amount'])
      .where('company_id', '=', actor.companyId)
      .where('client_id', '=', p.clientId)
      .executeTakeFirst()
    if (earlier) return { ...(await describe(tx, earlier.id)), replayed: true }
  }
  const customer = await tx
    .selectFrom('customers')
    .select(['id', 'code'])
    .where('id', '=', p.customerId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  if (p.method === 'cash' && o.source === 'counter') {
    await assertDayOpen(tx, actor.companyId, actor.userId, o.date)
  }
  if (p.reference) {
    const used = await tx
      .selectFrom('payments')
      .select('number')
      .where('company_id', '=', actor.companyId)
      .where('method', '=', p.method)
      .where('reference', '=', p.reference)
      .where('status', '=', 'ok')
      .executeTakeFirst()
    if (used) throw new AppError('REFERENCE_TAKEN', undefined, { number: used.number })
  }
  const settings = await getBillingSettings(tx, actor.companyId)
  const open = await openInvoicesOf(tx, customer.id)
  const due = open.reduce((sum, i) => sum + i.total - i.paid, 0)
  if (settings.minimumPayment > 0 && p.amount < settings.minimumPayment && p.amount < due) {
    throw new AppError('PAYMENT_BELOW_MINIMUM', undefined, { min: settings.minimumPayment })
  }
  if (!settings.allowCredit && p.amount > due) {
    throw new AppError('PAYMENT_EXCEEDS_DUE', undefined, { due })
  }
  if (p.invoiceId !== null && !open.some((i) => i.id === p.invoiceId)) {
    throw new AppError('INVOICE_NOT_ISSUED')
  }
  const [number] = await takeDocumentNumbers(
    tx,
    actor.companyId,
    'receipt',
    settings.receiptPattern,
    o.date.slice(0, 4),
    1,
  )
  const at = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('payments')
    .values({
      company_id: actor.companyId,
      customer_id: customer.id,
      number: number!,
      amount: p.amount,
      method: p.method,
      reference: p.reference,
      source: o.source,
      target_invoice_id: p.invoiceId,
      client_id: p.clientId ?? null,
      received_at: at,
      received_date: o.date,
      user_id: actor.userId,
      username: actor.username,
      notes: p.notes,
      status: 'ok',
      reversed_at: null,
      reversed_date: null,
      reversed_by_id: null,
      reversed_by: null,
      reversal_reason: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { parts, leftover } = splitAmount(open, p.amount, p.invoiceId)
  await insertAllocations(tx, parts, { source: 'payment', paymentId: row.id }, o.date, at)
  if (leftover > 0) {
    await addCredit(tx, {
      companyId: actor.companyId,
      customerId: customer.id,
      amount: leftover,
      kind: 'overpayment',
      paymentId: row.id,
      date: o.date,
      at,
      username: actor.username,
    })
  }
  await refreshInvoices(
    tx,
    parts.map((x) => x.invoiceId),
    at,
  )
  await appendAudit(tx, deps.clock, actor, {
    action: 'payments.record',
    entityType: 'payment',
    entityId: row.id,
    after: {
      number,
      customer: customer.code,
      amount: p.amount,
      method: p.method,
      reference: p.reference,
      allocations: parts,
      to_credit: leftover,
      source: o.source,
    },
  })
  return {
    paymentId: row.id,
    number: number!,
    amount: p.amount,
    allocations: parts,
    toCredit: leftover,
    balanceAfter: Math.max(0, due - (p.amount - leftover)),
    replayed: false,
  }
}

/** What a recorded payment did, read back (for a replayed clientId). */
async function describe(tx: Kysely<Database>, paymentId: number) {
  const payment = await tx
    .selectFrom('payments')
    .select(['id', 'number', 'amount', 'customer_id'])
    .where('id', '=', paymentId)
    .executeTakeFirstOrThrow()
  const allocations = await tx
    .selectFrom('allocations')
    .select(['invoice_id as invoiceId', 'amount'])
    .where('payment_id', '=', paymentId)
    .where('reversed_at', 'is', null)
    .execute()
  const open = await openInvoicesOf(tx, payment.customer_id)
  return {
    paymentId: payment.id,
    number: payment.number,
    amount: payment.amount,
    allocations,
    toCredit: await paymentCredit(tx, paymentId),
    balanceAfter: open.reduce((sum, i) => sum + i.total - i.paid, 0),
  }
}

/**
 * A counter payment in its own write transaction. `alongside` runs in the same transaction after
 * the payment is written (the counter queues the receipt message there), so both commit at once.
 */
export async function recordPayment(
  deps: CoreDeps,
  actor: CompanyActor,
  p: PaymentRequest,
  timeZone: string,
  alongside?: (tx: Kysely<Database>, paid: RecordedPayment) => Promise<unknown>,
): Promise<RecordedPayment> {
  const date = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => {
    const paid = await insertPayment(tx, deps, actor, p, { date, source: 'counter' })
    await alongside?.(tx, paid)
    return paid
  })
}
