import type { Kysely } from 'kysely'
import type { Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { JobCounts } from '../deps'
import { loadTemplate, queueMessages, type QueueResult } from '../messaging'
import { contactOf, loadCompany, loadCustomers } from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceValues, rupiahText, type InvoiceLine } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { restoreCustomer } from './restore'
import type { CollectionSettings } from '@shared/schemas'
import { getCollectionSettings } from './settings'
import { NO_PAY_LINKS } from '../pay-links'

/**
 * The "pembayaran diterima" message of a payment (dedupe `receipt:<id>`, `{jumlah}` the amount
 * paid, `{rincian}` the invoices it paid), queued in the caller's transaction: the counter queues
 * it in the payment's own, so the payment and its receipt commit together (one commit, and no
 * payment without its message after a crash). Never throws for a message that cannot go out: the
 * outbox records it as skipped with the reason.
 */
export async function queuePaymentReceipt(
  tx: Kysely<Database>,
  deps: Pick<AutopilotDeps, 'clock'>,
  actor: Actor & { companyId: number },
  paymentId: number,
  settings?: CollectionSettings,
): Promise<QueueResult> {
  const policy = settings ?? (await getCollectionSettings(tx, actor.companyId))
  if (!policy.sendReceipt) return EMPTY_QUEUE
  const row = await tx
    .selectFrom('payments')
    .select(['id', 'customer_id', 'number', 'amount', 'received_date', 'status'])
    .where('id', '=', paymentId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!row || row.status !== 'ok') return EMPTY_QUEUE
  const parts = await tx
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
    loadTemplate(tx, actor.companyId, 'payment_receipt'),
    loadCustomers(tx, actor.companyId, [row.customer_id]),
    loadCompany(tx, actor.companyId),
  ])
  const customer = customers.get(row.customer_id)
  if (!customer) return EMPTY_QUEUE
  const values = invoiceValues(company, NO_PAY_LINKS, customer, lines, null)
  const credit = row.amount - lines.reduce((sum, l) => sum + l.amount, 0)
  if (credit > 0) {
    const line = `- Masuk saldo: ${rupiahText(credit)}`
    values.rincian = values.rincian ? `${values.rincian}\n${line}` : line
  }
  return queueMessages(
    tx,
    { companyId: actor.companyId, at: deps.clock.now().toISOString(), createdBy: actor.username },
    [
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
    ],
  )
}

/**
 * Called after a payment committed: its receipt message (unless the payment's transaction
 * queued it already: `receipt: false`), then the restore check for this customer alone, as of
 * today (rule 30).
 */
export async function afterPayment(
  deps: AutopilotDeps,
  actor: Actor & { companyId: number },
  payment: { customerId: number; paymentId: number },
  timeZone: string,
  options: { receipt?: boolean; settings?: CollectionSettings } = {},
): Promise<JobCounts> {
  const settings = options.settings ?? (await getCollectionSettings(deps.db, actor.companyId))
  let receipt = EMPTY_QUEUE
  if (options.receipt !== false && settings.sendReceipt) {
    receipt = await writeTx(deps.db, (tx) =>
      queuePaymentReceipt(tx, deps, actor, payment.paymentId, settings),
    )
    if (receipt.queued > 0) deps.onMessages?.()
  }
  const restored = await restoreCustomer(deps, actor, payment.customerId, timeZone, settings)
  return { ...queueCounts(receipt, 'receipt_'), ...restored }
}
