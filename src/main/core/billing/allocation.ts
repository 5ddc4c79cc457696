import type { Kysely } from 'kysely'
import { takeTurn, type Database } from '../db'

/**
 * Money decisions about one customer — a payment, its reversal, a void, a credit note — are taken
 * one at a time, so each reads what is open and what is paid after the previous one committed
 * (two cashiers never pay one invoice twice). SQLite's write lock does this already; on
 * PostgreSQL it is a lock on the customer held until COMMIT.
 */
export async function customerMoneyTurn(tx: Kysely<Database>, customerId: number): Promise<void> {
  await takeTurn(tx, `customer-money:${customerId}`)
}

/** customerMoneyTurn for the customer a payment or an invoice belongs to (none when unknown). */
export async function moneyTurnOf(
  tx: Kysely<Database>,
  row: { table: 'payments' | 'invoices'; id: number; companyId: number },
): Promise<void> {
  const owner = await tx
    .selectFrom(row.table)
    .select('customer_id')
    .where('id', '=', row.id)
    .where('company_id', '=', row.companyId)
    .executeTakeFirst()
  if (owner) await customerMoneyTurn(tx, owner.customer_id)
}

export interface OpenInvoice {
  id: number
  number: string | null
  period: string | null
  issueDate: string
  dueDate: string
  total: number
  paid: number
}

/** A customer's issued invoices with something left to pay, oldest first. */
export async function openInvoicesOf(
  db: Kysely<Database>,
  customerId: number,
): Promise<OpenInvoice[]> {
  return db
    .selectFrom('invoices')
    .select([
      'id',
      'number',
      'period',
      'issue_date as issueDate',
      'due_date as dueDate',
      'total',
      'paid',
    ])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'issued')
    .where('payment_status', 'in', ['belum_bayar', 'sebagian'])
    .orderBy('issue_date')
    .orderBy('id')
    .execute()
}

/**
 * Splits an amount over open invoices (rule 23): the targeted invoice first when the cashier
 * chose one, then oldest first; what is left over is the customer's credit (rule 24).
 */
export function splitAmount(
  open: OpenInvoice[],
  amount: number,
  targetId: number | null,
): { parts: { invoiceId: number; amount: number }[]; leftover: number } {
  const ordered = targetId
    ? [...open.filter((i) => i.id === targetId), ...open.filter((i) => i.id !== targetId)]
    : open
  const parts: { invoiceId: number; amount: number }[] = []
  let left = amount
  for (const invoice of ordered) {
    if (left <= 0) break
    const due = invoice.total - invoice.paid
    if (due <= 0) continue
    const take = Math.min(due, left)
    parts.push({ invoiceId: invoice.id, amount: take })
    left -= take
  }
  return { parts, leftover: left }
}

export async function insertAllocations(
  tx: Kysely<Database>,
  parts: { invoiceId: number; amount: number }[],
  source: {
    source: 'payment' | 'credit' | 'credit_note'
    paymentId?: number
    creditId?: number
    creditNoteId?: number
  },
  date: string,
  at: string,
): Promise<void> {
  if (!parts.length) return
  await tx
    .insertInto('allocations')
    .values(
      parts.map((p) => ({
        invoice_id: p.invoiceId,
        amount: p.amount,
        source: source.source,
        payment_id: source.paymentId ?? null,
        credit_id: source.creditId ?? null,
        credit_note_id: source.creditNoteId ?? null,
        date,
        created_at: at,
      })),
    )
    .execute()
}
