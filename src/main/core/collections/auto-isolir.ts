import type { CalendarDate } from '@shared/dates'
import { applyIsolir } from '../network'
import { insertRows, writeTx } from '../db'
import type { JobContext, JobCounts } from '../deps'
import { loadTemplate, queueMessages, type OutgoingMessage } from '../messaging'
import { notify } from '../notifications'
import { contactOf, loadCompany, loadCustomers, openInvoices } from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceValues, rupiahText } from './format'
import { isolirPreview, type AutoIsolirRow } from './isolir-preview'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'
import { payLinks } from '../pay-links'

/** Why this service was isolated, in the words the office reads on the page and in history. */
function isolirReason(r: AutoIsolirRow, graceDays: number): string {
  const invoice = r.oldestNumber ? `${r.oldestNumber} ` : ''
  return (
    `Isolir otomatis: ${invoice}jatuh tempo ${dateText(r.oldestDue)}, ${r.daysOverdue} hari lewat ` +
    `(tenggang ${graceDays} hari); tunggakan ${rupiahText(r.overdueAmount)}` +
    (r.overdueInvoices > 1 ? ` dari ${r.overdueInvoices} tagihan` : '')
  )
}

/** Services of `ids` that an automatic run already handled on `asOf` for `action`. */
export async function actedOn(
  deps: AutopilotDeps,
  companyId: number,
  action: 'isolir' | 'restore',
  asOf: string,
): Promise<Set<number>> {
  const rows = await deps.db
    .selectFrom('collection_actions')
    .select('service_id')
    .where('company_id', '=', companyId)
    .where('as_of', '=', asOf)
    .where('action', '=', action)
    .execute()
  return new Set(rows.map((r) => r.service_id))
}

/**
 * Rule 29: isolates exactly what the day's preview lists, through the router queue (applyIsolir
 * changes the statuses and queues the device jobs), and writes one collection_actions row per
 * service with why. A service the automatic run already isolated that day is not touched again
 * (even if someone restored it by hand since); one already isolated is skipped by the preview.
 */
export async function runAutoIsolir(deps: AutopilotDeps, ctx: JobContext): Promise<JobCounts> {
  const settings = await getCollectionSettings(deps.db, ctx.companyId)
  if (!settings.autoIsolir) return { disabled: 1 }
  const preview = await isolirPreview(deps, ctx.companyId, ctx.asOf, settings)
  const done = await actedOn(deps, ctx.companyId, 'isolir', ctx.asOf)
  const todo = preview.rows.filter((r) => r.will === 'isolir' && !done.has(r.serviceId))
  const counts: JobCounts = {
    isolated: 0,
    skipped_promise: preview.counts.promise,
    skipped_excluded: preview.counts.excluded,
    already_isolated: preview.counts.already_isolated,
    not_active: preview.counts.not_active,
    done_earlier: preview.counts.isolir - todo.length,
  }
  if (todo.length === 0) return { ...counts, ...queueCounts(EMPTY_QUEUE, 'messages_') }

  await applyIsolir(
    deps,
    ctx.actor,
    {
      action: 'isolir',
      serviceIds: todo.map((r) => r.serviceId),
      reason: `Isolir otomatis ${dateText(ctx.asOf)}: tunggakan lewat jatuh tempo + ${settings.graceDays} hari`,
    },
    ctx.timeZone,
  )
  // What really changed under the write lock (a payment may have restored one in between).
  const isolated = new Set<number>()
  for (let i = 0; i < todo.length; i += 5000) {
    const rows = await deps.db
      .selectFrom('services')
      .select('id')
      .where(
        'id',
        'in',
        todo.slice(i, i + 5000).map((r) => r.serviceId),
      )
      .where('status', '=', 'isolir')
      .execute()
    for (const r of rows) isolated.add(r.id)
  }
  const acted = todo.filter((r) => isolated.has(r.serviceId))
  counts.isolated = acted.length

  const items = settings.sendIsolirNotice
    ? await isolirNotices(deps, ctx, acted, preview.cutoff, settings)
    : []
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, async (tx) => {
    await insertRows(
      tx,
      'collection_actions',
      acted.map((r) => ({
        company_id: ctx.companyId,
        service_id: r.serviceId,
        customer_id: r.customerId,
        action: 'isolir' as const,
        as_of: ctx.asOf,
        reason: isolirReason(r, settings.graceDays),
        job_run_id: ctx.runId,
        created_at: at,
      })),
      { ignoreConflicts: true },
    )
    if (acted.length > 0) {
      await notify(
        tx,
        ctx.companyId,
        [
          {
            kind: 'isolir_done',
            params: { count: acted.length, date: ctx.asOf },
            link: `/collections?tab=isolir&date=${ctx.asOf}`,
            permission: 'collections.view',
            dedupeKey: `isolir_done:${ctx.asOf}`,
          },
        ],
        at,
      )
    }
    return items.length
      ? queueMessages(tx, { companyId: ctx.companyId, at, createdBy: ctx.actor.username }, items)
      : EMPTY_QUEUE
  })
  if (result.queued > 0) deps.onMessages?.()
  return { ...counts, ...queueCounts(result, 'messages_') }
}

/** "Layanan diisolir" per isolated service, listing the invoices that caused it. */
async function isolirNotices(
  deps: AutopilotDeps,
  ctx: JobContext,
  rows: AutoIsolirRow[],
  cutoff: string,
  settings: Awaited<ReturnType<typeof getCollectionSettings>>,
): Promise<OutgoingMessage[]> {
  if (!rows.length) return []
  const ids = [...new Set(rows.map((r) => r.customerId))]
  const [tpl, customers, company, invoices] = await Promise.all([
    loadTemplate(deps.db, ctx.companyId, 'isolir_notice'),
    loadCustomers(deps.db, ctx.companyId, ids),
    loadCompany(deps.db, ctx.companyId),
    openInvoices(deps.db, ctx.companyId, { customerIds: ids }),
  ])
  const links = payLinks(deps.secrets, ctx.companyId, settings.paymentLinkBase)
  const items: OutgoingMessage[] = []
  for (const r of rows) {
    const customer = customers.get(r.customerId)
    if (!customer) continue
    const lines = (invoices.get(r.customerId) ?? []).filter((l) => l.dueDate <= cutoff)
    items.push({
      customerId: r.customerId,
      contact: contactOf(customer),
      kind: 'isolir_notice',
      ...render(tpl, {
        ...invoiceValues(company, links, customer, lines, r.oldestDue),
        tanggal: dateText(ctx.asOf as CalendarDate),
        paket: r.product,
      }),
      dedupeKey: `isolir:${r.serviceId}:${ctx.asOf}`,
      refType: 'service',
      refId: r.serviceId,
    })
  }
  return items
}
