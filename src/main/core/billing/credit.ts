import type { Kysely } from 'kysely'
import type { Database } from '../db'
import { insertAllocations, openInvoicesOf, splitAmount } from './allocation'
import { refreshInvoices } from './invoice-state'

/** A customer's credit: the sum of the append-only ledger (rule 24). */
export async function creditBalance(db: Kysely<Database>, customerId: number): Promise<number> {
  const row = await db
    .selectFrom('customer_credits')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('balance'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow()
  return Number(row.balance)
}

/** What a payment left as credit (its overpayment), the part a receipt shows and a reversal takes back. */
export async function paymentCredit(db: Kysely<Database>, paymentId: number): Promise<number> {
  const row = await db
    .selectFrom('customer_credits')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
    .where('payment_id', '=', paymentId)
    .where('kind', '=', 'overpayment')
    .executeTakeFirstOrThrow()
  return Number(row.sum)
}

export interface CreditEntry {
  companyId: number
  customerId: number
  amount: number
  kind: 'overpayment' | 'applied' | 'credit_note' | 'reversal' | 'unapplied'
  paymentId?: number | null
  invoiceId?: number | null
  creditNoteId?: number | null
  date: string
  at: string
  username: string | null
}

export async function addCredit(tx: Kysely<Database>, e: CreditEntry): Promise<number> {
  const row = await tx
    .insertInto('customer_credits')
    .values({
      company_id: e.companyId,
      customer_id: e.customerId,
      amount: e.amount,
      kind: e.kind,
      payment_id: e.paymentId ?? null,
      invoice_id: e.invoiceId ?? null,
      credit_note_id: e.creditNoteId ?? null,
      date: e.date,
      at: e.at,
      username: e.username,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Spends a customer's credit on their open invoices, oldest first (rule 24: "applied to the
 * next invoice automatically"). Each use is a negative ledger entry and an allocation.
 */
export async function applyCredit(
  tx: Kysely<Database>,
  who: { companyId: number; customerId: number; date: string; at: string; username: string | null },
): Promise<number[]> {
  const balance = await creditBalance(tx, who.customerId)
  if (balance <= 0) return []
  const { parts } = splitAmount(await openInvoicesOf(tx, who.customerId), balance, null)
  for (const part of parts) {
    const creditId = await addCredit(tx, {
      ...who,
      amount: -part.amount,
      kind: 'applied',
      invoiceId: part.invoiceId,
    })
    await insertAllocations(tx, [part], { source: 'credit', creditId }, who.date, who.at)
  }
  const ids = parts.map((p) => p.invoiceId)
  await refreshInvoices(tx, ids, who.at)
  return ids
}
