import type { Kysely } from 'kysely'
import type { Database } from '../db'

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
