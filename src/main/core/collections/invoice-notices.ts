import { addDays, type CalendarDate } from '@shared/dates'
import { writeTx } from '../db'
import type { JobContext, JobCounts } from '../deps'
import { loadTemplate, queueMessages, type OutgoingMessage } from '../messaging'
import { contactOf, loadCompany, loadCustomers, loadServiceInfo, usesServiceValues } from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceValues } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'
import { payLinks } from '../pay-links'

/** A day the host was off still gets its notices the next days, but old invoices never do. */
const CATCH_UP_DAYS = 3

/**
 * "Tagihan terbit", one message per invoice (dedupe `invoice:<id>`, so a retried run or a
 * replayed day tells nobody twice), on the invoice's issue date: a run on the 1st also issues
 * invoices dated the 20th (services billed on their anniversary), and those are told on the
 * 20th. `runId` limits it to one billing run; null takes every invoice issued in the last few
 * days (the daily job: manual runs and one-time invoices too). An invoice the customer's credit
 * already paid in full needs no notice.
 */
export async function queueInvoiceNotices(
  deps: AutopilotDeps,
  ctx: JobContext,
  runId: number | null,
): Promise<JobCounts> {
  const settings = await getCollectionSettings(deps.db, ctx.companyId)
  if (!settings.sendInvoiceNotice) return { disabled: 1 }
  const invoices = await deps.db
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'number', 'period', 'issue_date', 'due_date', 'total', 'paid'])
    .where('company_id', '=', ctx.companyId)
    .$if(runId !== null, (q) => q.where('run_id', '=', runId!))
    .$if(runId === null, (q) =>
      q.where('issue_date', '>=', addDays(ctx.asOf as CalendarDate, -CATCH_UP_DAYS)),
    )
    .where('issue_date', '<=', ctx.asOf)
    .where('status', '=', 'issued')
    .orderBy('id')
    .execute()
  const due = invoices.filter((i) => i.total > i.paid)
  if (due.length === 0)
    return { invoices: 0, already_paid: invoices.length, ...queueCounts(EMPTY_QUEUE) }
  const ids = due.map((i) => i.customer_id)
  const tpl = await loadTemplate(deps.db, ctx.companyId, 'invoice_issued')
  const [customers, company, services] = await Promise.all([
    loadCustomers(deps.db, ctx.companyId, ids),
    loadCompany(deps.db, ctx.companyId),
    usesServiceValues(tpl.subject, tpl.body)
      ? loadServiceInfo(deps.db, ctx.companyId, ids)
      : Promise.resolve(new Map()),
  ])
  const links = payLinks(deps.secrets, ctx.companyId, settings.paymentLinkBase)
  const items: OutgoingMessage[] = []
  for (const inv of due) {
    const customer = customers.get(inv.customer_id)
    if (!customer) continue
    const line = {
      id: inv.id,
      number: inv.number,
      period: inv.period,
      issueDate: inv.issue_date,
      dueDate: inv.due_date,
      amount: inv.total - inv.paid,
    }
    items.push({
      customerId: customer.id,
      contact: contactOf(customer),
      kind: 'invoice_issued',
      ...render(tpl, {
        ...invoiceValues(company, links, customer, [line], inv.due_date),
        tanggal: dateText(ctx.asOf as CalendarDate),
        ...services.get(customer.id),
      }),
      dedupeKey: `invoice:${inv.id}`,
      refType: 'invoice',
      refId: inv.id,
    })
  }
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, (tx) =>
    queueMessages(tx, { companyId: ctx.companyId, at, createdBy: ctx.actor.username }, items),
  )
  if (result.queued > 0) deps.onMessages?.()
  return {
    invoices: due.length,
    already_paid: invoices.length - due.length,
    ...queueCounts(result),
  }
}
