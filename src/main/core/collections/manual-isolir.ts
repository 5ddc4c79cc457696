import { dateInZone, type CalendarDate } from '@shared/dates'
import type { IsolirInput } from '@shared/schemas'
import type { Actor } from '../audit'
import { writeTx } from '../db'
import type { JobCounts } from '../deps'
import { loadTemplate, queueMessages, type OutgoingMessage } from '../messaging'
import { applyIsolir } from '../network'
import { chunks, contactOf, loadCompany, loadCustomers, openInvoices } from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceValues } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'
import { payLinks } from '../pay-links'

/**
 * An isolir or restore by hand (Jaringan → isolir batch, the customer page, `isolir apply`):
 * applyIsolir, then for an isolir the same "Layanan diisolir" notice the automatic run sends,
 * when `notify` says so (the dialog's checkbox) or, left out, when the policy does
 * (sendManualIsolirNotice, on by default). Deduplicated like the automatic one: one notice per
 * service and day (`isolir:<service>:<day>`), whoever isolated it.
 */
export async function isolirByHand(
  deps: AutopilotDeps,
  actor: Actor & { companyId: number },
  input: IsolirInput,
  timeZone: string,
) {
  const applied = await applyIsolir(deps, actor, input, timeZone)
  let notices: JobCounts = {}
  if (input.action === 'isolir') {
    const settings = await getCollectionSettings(deps.db, actor.companyId)
    const notify = input.notify ?? settings.sendManualIsolirNotice
    notices = notify
      ? await queueIsolirNotices(deps, actor, applied.changedIds, timeZone)
      : { disabled: 1 }
  }
  return { ...applied, notices }
}

/**
 * "Layanan diisolir" for services just isolated by hand, listing what the customer owes: the
 * invoices already due (all open ones when none is due yet). A customer who owes nothing is not
 * told about arrears they do not have (counted as skipped_no_arrears).
 */
export async function queueIsolirNotices(
  deps: AutopilotDeps,
  actor: Actor & { companyId: number },
  serviceIds: number[],
  timeZone: string,
): Promise<JobCounts> {
  if (serviceIds.length === 0) return queueCounts(EMPTY_QUEUE)
  const companyId = actor.companyId
  const today = dateInZone(deps.clock.now(), timeZone)
  const services = []
  for (const part of chunks(serviceIds)) {
    services.push(
      ...(await deps.db
        .selectFrom('services as s')
        .innerJoin('products as p', 'p.id', 's.product_id')
        .select(['s.id', 's.customer_id', 'p.name'])
        .where('s.company_id', '=', companyId)
        .where('s.id', 'in', part)
        .where('s.status', '=', 'isolir')
        .orderBy('s.id')
        .execute()),
    )
  }
  const ids = [...new Set(services.map((s) => s.customer_id))]
  const [tpl, customers, company, invoices, settings] = await Promise.all([
    loadTemplate(deps.db, companyId, 'isolir_notice'),
    loadCustomers(deps.db, companyId, ids),
    loadCompany(deps.db, companyId),
    openInvoices(deps.db, companyId, { customerIds: ids }),
    getCollectionSettings(deps.db, companyId),
  ])
  const links = payLinks(deps.secrets, companyId, settings.paymentLinkBase)
  const items: OutgoingMessage[] = []
  let noArrears = 0
  for (const s of services) {
    const customer = customers.get(s.customer_id)
    const open = invoices.get(s.customer_id) ?? []
    if (!customer) continue
    if (open.length === 0) {
      noArrears++
      continue
    }
    const due = open.filter((l) => l.dueDate <= today)
    const lines = due.length ? due : open
    items.push({
      customerId: customer.id,
      contact: contactOf(customer),
      kind: 'isolir_notice',
      ...render(tpl, {
        ...invoiceValues(company, links, customer, lines, lines[0]!.dueDate),
        tanggal: dateText(today as CalendarDate),
        paket: s.name,
      }),
      dedupeKey: `isolir:${s.id}:${today}`,
      refType: 'service',
      refId: s.id,
    })
  }
  const at = deps.clock.now().toISOString()
  const result = items.length
    ? await writeTx(deps.db, (tx) =>
        queueMessages(tx, { companyId, at, createdBy: actor.username }, items),
      )
    : EMPTY_QUEUE
  if (result.queued > 0) deps.onMessages?.()
  return { ...queueCounts(result), skipped_no_arrears: noArrears }
}
