import { addDays, type CalendarDate } from '@shared/dates'
import { writeTx } from '../db'
import type { JobContext, JobCounts } from '../deps'
import { loadTemplate, queueMessages, type OutgoingMessage } from '../messaging'
import {
  contactOf,
  loadCompany,
  loadCustomers,
  loadServiceInfo,
  openInvoices,
  usesServiceValues,
} from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceValues } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'
import { payLinks } from '../pay-links'

/**
 * Rule 28. For each reminder offset o, the customers with an open invoice due on asOf − o get
 * one message for that (due date, offset), listing every invoice they still owe. The dedupe key
 * makes a replayed day queue nothing twice; customers who cannot be reached are recorded as
 * skipped with the reason (no number, opted out …) by the outbox. A handful of queries whatever
 * the number of customers: the open invoices, the customers, the template.
 */
export async function runReminders(deps: AutopilotDeps, ctx: JobContext): Promise<JobCounts> {
  const settings = await getCollectionSettings(deps.db, ctx.companyId)
  if (!settings.autoReminders) return { disabled: 1 }
  const asOf = ctx.asOf as CalendarDate
  const days = settings.reminderOffsets.map((o) => ({ offset: o, due: addDays(asOf, -o) }))
  const invoices = await openInvoices(deps.db, ctx.companyId, { dueOn: days.map((d) => d.due) })
  if (invoices.size === 0) return { customers: 0, ...queueCounts(EMPTY_QUEUE) }
  const ids = [...invoices.keys()]
  const tpl = await loadTemplate(deps.db, ctx.companyId, 'reminder')
  const [customers, company, services] = await Promise.all([
    loadCustomers(deps.db, ctx.companyId, ids),
    loadCompany(deps.db, ctx.companyId),
    usesServiceValues(tpl.subject, tpl.body)
      ? loadServiceInfo(deps.db, ctx.companyId, ids)
      : Promise.resolve(new Map()),
  ])
  const links = payLinks(deps.secrets, ctx.companyId, settings.paymentLinkBase)
  const items: OutgoingMessage[] = []
  const reached = new Set<number>()
  for (const { offset, due } of days) {
    for (const [customerId, lines] of invoices) {
      const focus = lines.find((l) => l.dueDate === due)
      const customer = customers.get(customerId)
      if (!focus || !customer) continue
      reached.add(customerId)
      const values = {
        ...invoiceValues(company, links, customer, lines, due),
        tanggal: dateText(asOf),
        ...services.get(customerId),
      }
      items.push({
        customerId,
        contact: contactOf(customer),
        kind: 'reminder',
        ...render(tpl, values),
        dedupeKey: `reminder:${customerId}:${due}:${offset}`,
        refType: 'invoice',
        refId: focus.id,
      })
    }
  }
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, (tx) =>
    queueMessages(tx, { companyId: ctx.companyId, at, createdBy: ctx.actor.username }, items),
  )
  if (result.queued > 0) deps.onMessages?.()
  return { customers: reached.size, ...queueCounts(result) }
}
