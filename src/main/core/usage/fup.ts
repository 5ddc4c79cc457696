import { sql, type Kysely } from 'kysely'
import { calendarDate, dateInZone, type CalendarDate } from '@shared/dates'
import { bytesText } from '@shared/bytes'
import { speedLabel } from '@shared/speeds'
import { renderTemplate, type TemplateKey } from '@shared/messaging'
import { appendAudit, type Actor } from '../audit'
import { dateText } from '../collections'
import { companyTimeZone } from '../companies'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { queueServiceSyncs } from '../device-jobs'
import {
  loadTemplate,
  queueMessages,
  type MessageTemplate,
  type OutgoingMessage,
  type QueueResult,
} from '../messaging'
import { canThrottle, fupSpeed, PACKAGE_FUP_COLUMNS, type FupColumns } from '../network'
import { periodDays } from './report'

/** 1 GB as the packages' quotas count it (decimal, like RouterOS's limit-bytes-total). */
const GB = 1_000_000_000
/** The warning goes out at this share of the quota. */
export const WARN_AT = 0.8

export interface FupDeps extends CoreDeps {
  /** Told after commit when messages were queued, so the sender wakes up. */
  onMessages?: () => void
  /** Told after commit when router jobs were queued. */
  onDeviceJobs?: () => void
}

export interface FupCheck {
  /** The usage period checked (`YYYY-MM`, company time zone). */
  period: string
  /** Services that got the 80 % message now. */
  warned: number
  /** Services that got the 100 % message and moved to FUP now. */
  throttled: number
  /** Services of an earlier period moved back to their package speed now. */
  restored: number
  /** Router jobs queued (service.sync) for throttles and restores. */
  jobs: number
  messages: QueueResult
}

interface QuotaService extends FupColumns {
  id: number
  company_id: number
  router_id: number | null
  customer_id: number
  product_name: string
  data_cap_gb: number
  warned_at: string | null
  throttled_at: string | null
}

interface Due {
  s: QuotaService
  bytes: number
  step: 'warn' | 'throttle'
}

const num = (v: unknown) => Number(v ?? 0)
const EMPTY_QUEUE: QueueResult = { queued: 0, skipped: 0, duplicates: 0, byReason: {} }

/**
 * The FUP check, after every usage collection (and so at the first one of a new period):
 * 1. services throttled in an earlier period go back to their package speed (the desired state
 *    no longer sees an open throttle, a `service.sync` puts the package profile / queue back);
 * 2. each live service of a package with a quota and a FUP Loket can apply, by its usage this
 *    period (`usage_daily`): at ≥ 80 % the warning once; at ≥ 100 % the "kuota habis" message
 *    once and a `service.sync` that moves it to the FUP profile (kicking the session) or the FUP
 *    queue speed. A service that jumps past 100 % at once gets only the 100 % message.
 * Each step is claimed with a conditional update in the same transaction as its message and
 * router job, so a second check — or a check after a crash — sends and queues nothing twice.
 */
export async function checkFup(
  deps: FupDeps,
  actor: Actor & { companyId: number },
): Promise<FupCheck> {
  const companyId = actor.companyId
  const now = deps.clock.now()
  const at = now.toISOString()
  const tz = await companyTimeZone(deps, companyId)
  const period = dateInZone(now, tz).slice(0, 7)
  const { from, to } = periodDays(period)

  const earlier = await deps.db
    .selectFrom('usage_fup as f')
    .innerJoin('services as s', 's.id', 'f.service_id')
    .select(['f.service_id', 'f.period', 's.router_id', 's.company_id'])
    .where('f.company_id', '=', companyId)
    .where('f.period', '<', period)
    .where('f.throttled_at', 'is not', null)
    .where('f.restored_at', 'is', null)
    .orderBy('f.service_id')
    .execute()

  const candidates = (await quotaServices(deps.db, companyId, period)).filter(canThrottle)
  const used = await usageOf(
    deps.db,
    companyId,
    candidates.map((s) => s.id),
    calendarDate(from),
    calendarDate(to),
  )
  const due = candidates.flatMap((s): Due[] => {
    const bytes = used.get(s.id) ?? 0
    const quota = s.data_cap_gb * GB
    if (bytes >= quota && !s.throttled_at) return [{ s, bytes, step: 'throttle' }]
    if (bytes >= quota * WARN_AT && !s.warned_at && !s.throttled_at)
      return [{ s, bytes, step: 'warn' }]
    return []
  })

  const out: FupCheck = {
    period,
    warned: 0,
    throttled: 0,
    restored: 0,
    jobs: 0,
    messages: EMPTY_QUEUE,
  }
  if (earlier.length === 0 && due.length === 0) return out

  const [warnTpl, fullTpl, customers, company] = await Promise.all([
    loadTemplate(deps.db, companyId, 'quota_warning'),
    loadTemplate(deps.db, companyId, 'quota_exhausted'),
    recipients(
      deps.db,
      companyId,
      due.map((d) => d.s.customer_id),
    ),
    deps.db
      .selectFrom('companies')
      .select(['name', 'phone'])
      .where('id', '=', companyId)
      .executeTakeFirstOrThrow(),
  ])
  const resetDate = dateText(to)
  const message = (d: Due, key: TemplateKey, tpl: MessageTemplate): OutgoingMessage[] => {
    const customer = customers.get(d.s.customer_id)
    if (!customer) return []
    const speed = fupSpeed(d.s)
    const values = {
      nama: customer.name,
      kode: customer.code,
      perusahaan: company.name,
      telepon_perusahaan: company.phone ?? '',
      paket: d.s.product_name,
      kuota: `${d.s.data_cap_gb} GB`,
      terpakai: bytesText(d.bytes),
      kecepatan_fup: speed ? speedLabel(speed.downloadKbps) : (d.s.fup_profile ?? ''),
      tanggal: resetDate,
    }
    return [
      {
        customerId: customer.id,
        contact: {
          phone: customer.phone,
          whatsapp: customer.whatsapp,
          email: customer.email,
          optOut: customer.messages_opt_out === 1,
        },
        kind: key,
        subject: renderTemplate(tpl.subject, values),
        body: renderTemplate(tpl.body, values),
        dedupeKey: `${key}:${d.s.id}:${period}`,
        refType: 'service',
        refId: d.s.id,
      },
    ]
  }

  await writeTx(deps.db, async (tx) => {
    const context = { by: actor.username }
    // 1. Back to the package speed: each earlier period's open throttle, claimed once.
    const restored: typeof earlier = []
    for (const e of earlier) {
      const claimed = await tx
        .updateTable('usage_fup')
        .set({ restored_at: at })
        .where('service_id', '=', e.service_id)
        .where('period', '=', e.period)
        .where('restored_at', 'is', null)
        .returning('service_id')
        .executeTakeFirst()
      if (claimed) restored.push(e)
    }
    const restoreIds = [...new Set(restored.map((e) => e.service_id))]
    // A service whose throttle of this period is open stays on FUP: nothing to put back.
    const stillThrottled = await openThrottles(tx, restoreIds, period)
    const back = restoreIds.filter((id) => !stillThrottled.has(id))
    out.jobs += await queueServiceSyncs(
      tx,
      back.map((id) => restored.find((e) => e.service_id === id)!).map(serviceRef),
      { ...context, reason: `FUP selesai: periode ${period} dimulai` },
      now,
    )
    for (const id of back)
      await appendAudit(tx, deps.clock, actor, {
        action: 'usage.fup_restore',
        entityType: 'service',
        entityId: id,
        after: { period },
      })
    out.restored = back.length

    // 2. This period's steps, each claimed by a conditional update.
    if (due.length > 0)
      await tx
        .insertInto('usage_fup')
        .values(due.map((d) => ({ service_id: d.s.id, period, company_id: companyId })))
        .onConflict((oc) => oc.columns(['service_id', 'period']).doNothing())
        .execute()
    const items: OutgoingMessage[] = []
    const throttled: QuotaService[] = []
    for (const d of due) {
      const claimed = await tx
        .updateTable('usage_fup')
        .set(
          d.step === 'throttle'
            ? { throttled_at: at, warned_at: sql<string>`coalesce(warned_at, ${at})` }
            : { warned_at: at },
        )
        .where('service_id', '=', d.s.id)
        .where('period', '=', period)
        .where(d.step === 'throttle' ? 'throttled_at' : 'warned_at', 'is', null)
        .returning('service_id')
        .executeTakeFirst()
      if (!claimed) continue
      if (d.step === 'warn') {
        out.warned++
        items.push(...message(d, 'quota_warning', warnTpl))
        continue
      }
      out.throttled++
      throttled.push(d.s)
      items.push(...message(d, 'quota_exhausted', fullTpl))
      await appendAudit(tx, deps.clock, actor, {
        action: 'usage.fup_throttle',
        entityType: 'service',
        entityId: d.s.id,
        after: { period, usedBytes: d.bytes, quotaGb: d.s.data_cap_gb },
      })
    }
    out.jobs += await queueServiceSyncs(
      tx,
      throttled.map(serviceRef),
      { ...context, reason: `FUP: kuota ${period} habis` },
      now,
    )
    if (items.length > 0)
      out.messages = await queueMessages(tx, { companyId, at, createdBy: actor.username }, items)
  })
  if (out.messages.queued > 0) deps.onMessages?.()
  if (out.jobs > 0) deps.onDeviceJobs?.()
  return out
}

const serviceRef = (s: {
  service_id?: number
  id?: number
  company_id: number
  router_id: number | null
}) => ({
  id: (s.id ?? s.service_id)!,
  company_id: s.company_id,
  router_id: s.router_id,
})

/** Live services of packages with a quota, with this period's FUP state (null: none yet). */
async function quotaServices(
  db: Kysely<Database>,
  companyId: number,
  period: string,
): Promise<QuotaService[]> {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .leftJoin('usage_fup as f', (j) =>
      j.onRef('f.service_id', '=', 's.id').on('f.period', '=', period),
    )
    .select([
      's.id',
      's.company_id',
      's.router_id',
      's.customer_id',
      'p.name as product_name',
      'p.data_cap_gb',
      ...PACKAGE_FUP_COLUMNS,
      'f.warned_at',
      'f.throttled_at',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.status', 'in', ['aktif', 'isolir'])
    .where('p.data_cap_gb', '>', 0)
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({ ...r, data_cap_gb: r.data_cap_gb! }))
}

/** The customers to tell, with what messages need: name, code and where to reach them. */
async function recipients(db: Kysely<Database>, companyId: number, ids: number[]) {
  const out = new Map<
    number,
    {
      id: number
      name: string
      code: string
      phone: string | null
      whatsapp: string | null
      email: string | null
      messages_opt_out: number
    }
  >()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'name', 'code', 'phone', 'whatsapp', 'email', 'messages_opt_out'])
      .where('company_id', '=', companyId)
      .where('id', 'in', unique.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.id, r)
  }
  return out
}

/** Bytes (upload + download) per service in `[from, to)`. */
async function usageOf(
  db: Kysely<Database>,
  companyId: number,
  ids: number[],
  from: CalendarDate,
  to: CalendarDate,
): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('usage_daily')
      .select((eb) => [
        'service_id',
        eb.fn.sum<number>('upload_bytes').as('up'),
        eb.fn.sum<number>('download_bytes').as('down'),
      ])
      .where('company_id', '=', companyId)
      .where('service_id', 'in', ids.slice(i, i + 500))
      .where('day', '>=', from)
      .where('day', '<', to)
      .groupBy('service_id')
      .execute()
    for (const r of rows) out.set(r.service_id, num(r.up) + num(r.down))
  }
  return out
}

async function openThrottles(
  tx: Kysely<Database>,
  ids: number[],
  period: string,
): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await tx
    .selectFrom('usage_fup')
    .select('service_id')
    .where('service_id', 'in', ids)
    .where('period', '=', period)
    .where('throttled_at', 'is not', null)
    .where('restored_at', 'is', null)
    .execute()
  return new Set(rows.map((r) => r.service_id))
}
