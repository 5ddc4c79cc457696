import type { Actor } from '../audit'
import { writeTx } from '../db'
import type { JobCounts } from '../deps'
import { loadTemplate, queueMessages } from '../messaging'
import { contactOf, loadCompany, loadCustomers } from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceValues, rupiahText, type InvoiceLine } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { restoreCustomer } from './restore'
import { getCollectionSettings } from './settings'

/**
 * Called after a payment committed: the "pembayaran diterima" receipt (dedupe `receipt:<id>`,
 * `{jumlah}` the amount paid, `{rincian}` the invoices it paid), then the restore check for this
 * customer alone, as of today (rule 30). Never throws for a message that cannot go out: the
 * outbox records it as skipped with the reason.
 */
export async function afterPayment(
  deps: AutopilotDeps,
  actor: Actor & { companyId: number },
  payment: { customerId: number; paymentId: number },
  timeZone: string,
): Promise<JobCounts> {
  const settings = await getCollectionSettings(deps.db, actor.companyId)
  let receipt = EMPTY_QUEUE
  if (settings.sendReceipt) {
    const row = await deps.db
      .selectFrom('payments')
      .select(['id', 'customer_id', 'number', 'amount', 'received_date', 'status'])
      .where('id', '=', payment.paymentId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (row && row.status === 'ok') {
      const parts = await deps.db
        .selectFrom('allocations as a')
        .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
        .select(['i.id', 'i.number', 'i.period', 'i.issue_date', 'i.due_date', 'a.amount'])
        .where('a.payment_id', '=', row.id)
        .where('a.reversed_at', 'is', null)
        .orderBy('i.due_date')
        .orderBy('i.id')
        .execute()
      const lines: InvoiceLine[] = parts.map((p) => ({
        id: p.id,
        number: p.number,
        period: p.period,
        issueDate: p.issue_date,
        dueDate: p.due_date,
        amount: p.amount,
      }))
      const [tpl, customers, company] = await Promise.all([
        loadTemplate(deps.db, actor.companyId, 'payment_receipt'),
        loadCustomers(deps.db, actor.companyId, [row.customer_id]),
        loadCompany(deps.db, actor.companyId),
      ])
      const customer = customers.get(row.customer_id)
      if (customer) {
        const values = invoiceValues(company, settings, customer, lines, null)
        const credit = row.amount - lines.reduce((sum, l) => sum + l.amount, 0)
        if (credit > 0) {
          const line = `- Masuk saldo: ${rupiahText(credit)}`
          values.rincian = values.rincian ? `${values.rincian}\n${line}` : line
        }
        const at = deps.clock.now().toISOString()
        receipt = await writeTx(deps.db, (tx) =>
          queueMessages(tx, { companyId: actor.companyId, at, createdBy: actor.username }, [
            {
              customerId: customer.id,
              contact: contactOf(customer),
              kind: 'payment_receipt',
              ...render(tpl, {
                ...values,
                jumlah: rupiahText(row.amount),
                tanggal: dateText(row.received_date),
                nomor_invoice: values.nomor_invoice ?? '',
              }),
              dedupeKey: `receipt:${row.id}`,
              refType: 'payment',
              refId: row.id,
            },
          ]),
        )
        if (receipt.queued > 0) deps.onMessages?.()
      }
    }
  }
  const restored = await restoreCustomer(deps, actor, payment.customerId, timeZone, settings)
  return { ...queueCounts(receipt, 'receipt_'), ...restored }
}
