import { sql } from 'kysely'
import { addDays, dateInZone, type CalendarDate } from '@shared/dates'
import type { CollectionSettings } from '@shared/schemas'
import { formatPhone } from '@shared/phone'
import type { Actor } from '../audit'
import { insertRows, writeTx } from '../db'
import type { JobContext, JobCounts } from '../deps'
import { loadTemplate, queueMessages, type OutgoingMessage } from '../messaging'
import { applyIsolir } from '../network'
import { notify } from '../notifications'
import { actedOn } from './auto-isolir'
import { chunks, contactOf, loadCompany, loadCustomers } from './data'
import type { AutopilotDeps } from './deps'
import { dateText } from './format'
import { overdueByCustomer } from './isolir-preview'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'

type CompanyActor = Actor & { companyId: number }

interface Candidate {
  serviceId: number
  customerId: number
  product: string
  /** When the automatic run isolated it (null: isolated by hand). */
  isolatedAt: string | null
}

/**
 * Isolated services the automatic restore looks at. The daily run looks only at services the
 * automatic isolir isolated (latest collection action 'isolir'): one isolated by hand for
 * another reason (abuse, a dispute) is not silently undone overnight. After a payment, every
 * isolated service of that customer counts: paying is the customer settling up, and services
 * isolated by hand before Loket ran the collections come back too.
 */
async function candidates(
  deps: AutopilotDeps,
  companyId: number,
  customerId: number | null,
): Promise<Candidate[]> {
  const byCustomer = customerId === null ? sql`` : sql`AND s.customer_id = ${customerId}`
  const auto = customerId === null ? sql`AND ca.id IS NOT NULL` : sql``
  const { rows } = await sql<{
    service_id: number
    customer_id: number
    product: string
    isolated_at: string | null
  }>`SELECT s.id AS service_id, s.customer_id, p.name AS product, ca.created_at AS isolated_at
    FROM services s
    JOIN products p ON p.id = s.product_id
    LEFT JOIN collection_actions ca ON ca.id = (
      SELECT MAX(x.id) FROM collection_actions x WHERE x.service_id = s.id) AND ca.action = 'isolir'
    WHERE s.company_id = ${companyId} AND s.status = 'isolir' ${byCustomer} ${auto}
    ORDER BY s.id`.execute(deps.db)
  return rows.map((r) => ({
    serviceId: r.service_id,
    customerId: r.customer_id,
    product: r.product,
    isolatedAt: r.isolated_at,
  }))
}

/** The last payment (not reversed) of each customer. */
async function lastPayments(deps: AutopilotDeps, customerIds: number[]) {
  const out = new Map<number, string>()
  for (const part of chunks(customerIds)) {
    if (!part.length) continue
    const rows = await deps.db
      .selectFrom('payments')
      .select(['customer_id', (eb) => eb.fn.max('received_at').as('last')])
      .where('customer_id', 'in', part)
      .where('status', '=', 'ok')
      .groupBy('customer_id')
      .execute()
    for (const r of rows) out.set(r.customer_id, r.last)
  }
  return out
}

interface RestoreRun {
  companyId: number
  asOf: string
  timeZone: string
  actor: CompanyActor
  runId: number | null
  customerId: number | null
  /** Paid just now (afterPayment): with policy any_payment that alone restores. */
  justPaid: boolean
}

/**
 * Rule 30: restores the candidates whose overdue balance (invoices past due + grace, the same
 * sum that isolated them) is zero, or — with policy any_payment — who paid since the isolir.
 * Through applyIsolir (statuses, device jobs, audit), one collection_actions row per service and
 * day, and a "layanan aktif kembali" message.
 */
async function restore(
  deps: AutopilotDeps,
  run: RestoreRun,
  settings: CollectionSettings,
): Promise<JobCounts> {
  const found = await candidates(deps, run.companyId, run.customerId)
  // Most payments come from customers with nothing isolated: nothing more to read.
  if (!found.length) {
    return {
      restored: 0,
      still_overdue: 0,
      done_earlier: 0,
      ...queueCounts(EMPTY_QUEUE, 'messages_'),
    }
  }
  const done = await actedOn(deps, run.companyId, 'restore', run.asOf)
  const open = found.filter((c) => !done.has(c.serviceId))
  const ids = [...new Set(open.map((c) => c.customerId))]
  const cutoff = addDays(run.asOf as CalendarDate, -settings.graceDays)
  const overdue = await overdueByCustomer(deps.db, run.companyId, cutoff, ids)
  const paid = settings.restoreOn === 'any_payment' ? await lastPayments(deps, ids) : new Map()
  const todo: (Candidate & { reason: string })[] = []
  for (const c of open) {
    if (!overdue.has(c.customerId)) {
      todo.push({ ...c, reason: 'Pulih otomatis: tidak ada tunggakan lewat tenggang' })
      continue
    }
    if (settings.restoreOn !== 'any_payment') continue
    const last = paid.get(c.customerId)
    if (run.justPaid || (last && (!c.isolatedAt || last > c.isolatedAt)))
      todo.push({ ...c, reason: 'Pulih otomatis: pembayaran diterima setelah isolir' })
  }
  const counts: JobCounts = {
    restored: 0,
    still_overdue: open.length - todo.length,
    done_earlier: found.length - open.length,
  }
  if (todo.length === 0) return { ...counts, ...queueCounts(EMPTY_QUEUE, 'messages_') }

  await applyIsolir(
    deps,
    run.actor,
    {
      action: 'restore',
      serviceIds: todo.map((c) => c.serviceId),
      reason: todo.every((c) => c.reason === todo[0]!.reason)
        ? todo[0]!.reason
        : 'Pulih otomatis: tunggakan lunas atau pembayaran diterima',
    },
    run.timeZone,
  )
  const active = new Set<number>()
  for (const part of chunks(todo.map((c) => c.serviceId))) {
    const rows = await deps.db
      .selectFrom('services')
      .select('id')
      .where('id', 'in', part)
      .where('status', '=', 'aktif')
      .execute()
    for (const r of rows) active.add(r.id)
  }
  const acted = todo.filter((c) => active.has(c.serviceId))
  counts.restored = acted.length

  const items = settings.sendRestoreNotice ? await restoredNotices(deps, run, acted) : []
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, async (tx) => {
    await insertRows(
      tx,
      'collection_actions',
      acted.map((c) => ({
        company_id: run.companyId,
        service_id: c.serviceId,
        customer_id: c.customerId,
        action: 'restore' as const,
        as_of: run.asOf,
        reason: c.reason,
        job_run_id: run.runId,
        created_at: at,
      })),
      { ignoreConflicts: true },
    )
    // The cashier sees a restore after a payment on the spot; the bell is for the nightly run.
    if (acted.length > 0 && run.customerId === null) {
      await notify(
        tx,
        run.companyId,
        [
          {
            kind: 'restore_done',
            params: { count: acted.length, date: run.asOf },
            link: `/collections?tab=isolir&date=${run.asOf}`,
            permission: 'collections.view',
            dedupeKey: `restore_done:${run.asOf}`,
          },
        ],
        at,
      )
    }
    return items.length
      ? queueMessages(tx, { companyId: run.companyId, at, createdBy: run.actor.username }, items)
      : EMPTY_QUEUE
  })
  if (result.queued > 0) deps.onMessages?.()
  return { ...counts, ...queueCounts(result, 'messages_') }
}

async function restoredNotices(
  deps: AutopilotDeps,
  run: RestoreRun,
  rows: Candidate[],
): Promise<OutgoingMessage[]> {
  if (!rows.length) return []
  const [tpl, customers, company] = await Promise.all([
    loadTemplate(deps.db, run.companyId, 'service_restored'),
    loadCustomers(
      deps.db,
      run.companyId,
      rows.map((r) => r.customerId),
    ),
    loadCompany(deps.db, run.companyId),
  ])
  return rows.flatMap((r): OutgoingMessage[] => {
    const customer = customers.get(r.customerId)
    if (!customer) return []
    return [
      {
        customerId: r.customerId,
        contact: contactOf(customer),
        kind: 'service_restored',
        ...render(tpl, {
          nama: customer.name,
          kode: customer.code,
          perusahaan: company.name,
          telepon_perusahaan: company.phone ? formatPhone(company.phone) : '',
          paket: r.product,
          tanggal: dateText(run.asOf),
          // Nothing is owed any more: no pay link.
          link_bayar: '',
        }),
        dedupeKey: `restore:${r.serviceId}:${run.asOf}`,
        refType: 'service',
        refId: r.serviceId,
      },
    ]
  })
}

/** The restore job (rule 30), over every service the automatic isolir isolated. */
export async function runRestore(deps: AutopilotDeps, ctx: JobContext): Promise<JobCounts> {
  const settings = await getCollectionSettings(deps.db, ctx.companyId)
  return restore(
    deps,
    {
      companyId: ctx.companyId,
      asOf: ctx.asOf,
      timeZone: ctx.timeZone,
      actor: ctx.actor,
      runId: ctx.runId,
      customerId: null,
      justPaid: false,
    },
    settings,
  )
}

/** The restore check for one customer right after their payment, as of today. */
export async function restoreCustomer(
  deps: AutopilotDeps,
  actor: CompanyActor,
  customerId: number,
  timeZone: string,
  settings: CollectionSettings,
): Promise<JobCounts> {
  return restore(
    deps,
    {
      companyId: actor.companyId,
      asOf: dateInZone(deps.clock.now(), timeZone),
      timeZone,
      actor,
      runId: null,
      customerId,
      justPaid: true,
    },
    settings,
  )
}
