import type { Kysely } from 'kysely'
import { paymentStatusOf } from '@shared/billing'
import type { Database } from '../db'

/**
 * Recomputes what invoices have been paid from their live allocations (rule 21: statuses are
 * derived, never typed in). Called in the same transaction that changed the allocations.
 */
export async function refreshInvoices(
  tx: Kysely<Database>,
  invoiceIds: number[],
  at: string,
): Promise<void> {
  const ids = [...new Set(invoiceIds)]
  if (!ids.length) return
  const rows = await tx
    .selectFrom('invoices as i')
    .leftJoin('allocations as a', (j) =>
      j.onRef('a.invoice_id', '=', 'i.id').on('a.reversed_at', 'is', null),
    )
    .select((eb) => [
      'i.id',
      'i.status',
      'i.total',
      'i.issue_date',
      eb.fn.coalesce(eb.fn.sum<number>('a.amount'), eb.lit(0)).as('paid'),
      eb.fn.max('a.date').as('lastDate'),
    ])
    .where('i.id', 'in', ids)
    .groupBy('i.id')
    .execute()
  for (const r of rows) {
    const paid = Number(r.paid)
    const status = paymentStatusOf(r.total, paid, r.status === 'void')
    await tx
      .updateTable('invoices')
      .set({
        paid,
        payment_status: status,
        settled_date: status === 'lunas' ? (r.lastDate ?? r.issue_date) : null,
        updated_at: at,
      })
      .where('id', '=', r.id)
      .execute()
  }
}
