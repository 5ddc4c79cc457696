import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { addCredit, creditBalance, moneyTurnOf, paymentCredit, refreshInvoices } from '../billing'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { assertDayOpen } from './closing-guard'

type CompanyActor = Actor & { companyId: number }

/**
 * Rule 25: a payment is never deleted. Reversing it undoes its allocations, takes back the credit
 * it created (and, when that credit was already spent, the spending), and recomputes statuses.
 * The reversal lands on the reverser's day, so a closed day keeps its figures.
 */
export async function reversePayment(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { paymentId: number; reason: string },
  timeZone: string,
) {
  const date = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => {
    await moneyTurnOf(tx, { table: 'payments', id: input.paymentId, companyId: actor.companyId })
    const payment = await tx
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', input.paymentId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!payment) throw new AppError('NOT_FOUND', 'payment')
    if (payment.status === 'reversed') throw new AppError('PAYMENT_ALREADY_REVERSED')
    if (payment.method === 'cash') await assertDayOpen(tx, actor.companyId, actor.userId, date)
    const at = deps.clock.now().toISOString()
    const allocations = await tx
      .selectFrom('allocations')
      .select(['id', 'invoice_id'])
      .where('payment_id', '=', payment.id)
      .where('reversed_at', 'is', null)
      .execute()
    await tx
      .updateTable('allocations')
      .set({ reversed_at: at, reversed_date: date })
      .where('payment_id', '=', payment.id)
      .where('reversed_at', 'is', null)
      .execute()
    const touched = allocations.map((a) => a.invoice_id)
    const credit = await paymentCredit(tx, payment.id)
    const who = {
      companyId: actor.companyId,
      customerId: payment.customer_id,
      date,
      at,
      username: actor.username,
    }
    if (credit > 0) {
      await addCredit(tx, {
        ...who,
        amount: -credit,
        kind: 'reversal',
        paymentId: payment.id,
      })
      touched.push(...(await unspendCredit(tx, who)))
    }
    await tx
      .updateTable('payments')
      .set({
        status: 'reversed',
        reversed_at: at,
        reversed_date: date,
        reversed_by_id: actor.userId,
        reversed_by: actor.username,
        reversal_reason: input.reason,
      })
      .where('id', '=', payment.id)
      .execute()
    await refreshInvoices(tx, touched, at)
    await appendAudit(tx, deps.clock, actor, {
      action: 'payments.reverse',
      entityType: 'payment',
      entityId: payment.id,
      before: { number: payment.number, amount: payment.amount, status: 'ok' },
      after: { status: 'reversed', reason: input.reason, invoices: [...new Set(touched)] },
    })
    return { paymentId: payment.id, number: payment.number, invoices: [...new Set(touched)] }
  })
}

/**
 * When taking back credit leaves the ledger negative, the credit was already spent on later
 * invoices: undo those uses, newest first, until the ledger is whole again.
 */
async function unspendCredit(
  tx: Kysely<Database>,
  who: { companyId: number; customerId: number; date: string; at: string; username: string | null },
): Promise<number[]> {
  let balance = await creditBalance(tx, who.customerId)
  const touched: number[] = []
  if (balance >= 0) return touched
  const uses = await tx
    .selectFrom('allocations as a')
    .innerJoin('customer_credits as c', 'c.id', 'a.credit_id')
    .select(['a.id', 'a.invoice_id', 'a.amount'])
    .where('c.customer_id', '=', who.customerId)
    .where('a.source', '=', 'credit')
    .where('a.reversed_at', 'is', null)
    .orderBy('a.id', 'desc')
    .execute()
  for (const use of uses) {
    if (balance >= 0) break
    await tx
      .updateTable('allocations')
      .set({ reversed_at: who.at, reversed_date: who.date })
      .where('id', '=', use.id)
      .execute()
    await addCredit(tx, {
      ...who,
      amount: use.amount,
      kind: 'unapplied',
      invoiceId: use.invoice_id,
    })
    balance += use.amount
    touched.push(use.invoice_id)
  }
  return touched
}
