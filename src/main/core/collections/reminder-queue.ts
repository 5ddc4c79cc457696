import { sql } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { MessageChannel, MessageReason } from '@shared/messaging'
import type { QueueRemindersInput, ReminderFilter, ReminderPreviewInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import {
  activeChannels,
  addressFor,
  loadTemplate,
  queueMessages,
  type OutgoingMessage,
  type QueueResult,
} from '../messaging'
import {
  contactOf,
  loadCompany,
  loadServiceInfo,
  usesServiceValues,
  type CustomerRow,
} from './data'
import type { AutopilotDeps } from './deps'
import { dateText, invoiceLabel, invoiceValues, type InvoiceLine } from './format'
import { render } from './messages'
import { getCollectionSettings } from './settings'
import { payLinks } from '../pay-links'

export const REMINDER_PAGE = 500

interface AudienceCustomer extends CustomerRow {
  lines: InvoiceLine[]
}

interface Row {
  id: number
  customer_id: number
  number: string | null
  period: string | null
  issue_date: string
  due_date: string
  total: number
  paid: number
  code: string
  name: string
  status: string
  area_id: number
  area: string | null
  phone: string | null
  whatsapp: string | null
  email: string | null
  messages_opt_out: number
}

/**
 * Who the billing-reminder queue is about, with the invoices that put them there: one query
 * over the open invoices (or, for "all", the period's issued ones) joined to their customers,
 * grouped here. With "unpaid" the literal open-invoice condition lets SQLite read
 * invoices_open_idx only; a period narrows through invoices_period_idx.
 */
async function audience(
  db: Db,
  companyId: number,
  filter: ReminderFilter,
): Promise<AudienceCustomer[]> {
  // Every paid invoice of every period would be the whole billing history: "all" needs a period.
  if (filter.status === 'all' && !filter.period) {
    throw new AppError('VALIDATION', 'status all needs a period', {
      issues: [{ path: ['period'], message: 'validation.required' }],
    })
  }
  const where = [
    sql`i.company_id = ${companyId}`,
    filter.status === 'unpaid'
      ? sql`i.status = 'issued' AND i.settled_date IS NULL AND i.total > i.paid`
      : sql`i.status = 'issued'`,
  ]
  if (filter.period) where.push(sql`i.period = ${filter.period}`)
  if (filter.areaId) where.push(sql`c.area_id = ${filter.areaId}`)
  if (filter.productId)
    where.push(sql`EXISTS (SELECT 1 FROM services s WHERE s.customer_id = c.id
      AND s.product_id = ${filter.productId} AND s.status != 'putus')`)
  const term = filter.q?.trim()
  if (term) {
    const like = `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`
    where.push(sql`(c.code LIKE ${like} ESCAPE '\\' OR c.name LIKE ${like} ESCAPE '\\'
      OR c.phone LIKE ${like} ESCAPE '\\' OR c.whatsapp LIKE ${like} ESCAPE '\\')`)
  }
  const { rows } = await sql<Row>`SELECT i.id, i.customer_id, i.number, i.period, i.issue_date,
      i.due_date, i.total, i.paid, c.code, c.name, c.status, c.area_id, a.name AS area, c.phone,
      c.whatsapp, c.email, c.messages_opt_out
    FROM invoices i
    JOIN customers c ON c.id = i.customer_id
    LEFT JOIN areas a ON a.id = c.area_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY i.customer_id, i.due_date, i.id`.execute(db)
  const out: AudienceCustomer[] = []
  let current: AudienceCustomer | undefined
  for (const r of rows) {
    if (!current || current.id !== r.customer_id) {
      current = {
        id: r.customer_id,
        code: r.code,
        name: r.name,
        status: r.status,
        areaId: r.area_id,
        area: r.area ?? '',
        phone: r.phone,
        whatsapp: r.whatsapp,
        email: r.email,
        optOut: r.messages_opt_out === 1,
        noIsolir: false,
        noIsolirReason: null,
        lines: [],
      }
      out.push(current)
    }
    current.lines.push({
      id: r.id,
      number: r.number,
      period: r.period,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      amount: r.total - r.paid,
    })
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

export interface ReminderQueueRow {
  customerId: number
  code: string
  name: string
  area: string
  phone: string | null
  email: string | null
  channel: MessageChannel
  /** Where it would go: the normalised number or address ('' when there is none). */
  recipient: string
  periods: string[]
  invoices: number
  amount: number
  send: boolean
  reason: MessageReason | null
}

export interface ReminderQueuePreview {
  rows: ReminderQueueRow[]
  /** Rows in the chosen view (the table pages through them, REMINDER_PAGE at a time). */
  total: number
  offset: number
  totals: {
    customers: number
    send: number
    skip: number
    amount: number
    byReason: Partial<Record<MessageReason, number>>
  }
  channels: MessageChannel[]
}

/**
 * The billing-reminder queue page: who would get a reminder for the filter and over which
 * channel, who is skipped and why (no number, invalid number, opted out, no channel set up).
 * The same `addressFor` the outbox uses decides, so the page shows what queueing will do.
 */
export async function reminderQueuePreview(
  deps: Pick<AutopilotDeps, 'db'>,
  companyId: number,
  input: ReminderPreviewInput,
): Promise<ReminderQueuePreview> {
  const [people, active] = await Promise.all([
    audience(deps.db, companyId, input),
    activeChannels(deps.db, companyId),
  ])
  const totals: ReminderQueuePreview['totals'] = {
    customers: people.length,
    send: 0,
    skip: 0,
    amount: 0,
    byReason: {},
  }
  const view: ReminderQueueRow[] = []
  for (const p of people) {
    const address = addressFor(contactOf(p), active)
    const amount = p.lines.reduce((sum, l) => sum + l.amount, 0)
    totals.amount += amount
    if (address.reason) {
      totals.skip++
      totals.byReason[address.reason] = (totals.byReason[address.reason] ?? 0) + 1
    } else totals.send++
    if (input.view === 'send' && address.reason) continue
    if (input.view === 'skip' && !address.reason) continue
    view.push({
      customerId: p.id,
      code: p.code,
      name: p.name,
      area: p.area,
      phone: p.whatsapp || p.phone,
      email: p.email,
      channel: address.channel,
      recipient: address.recipient,
      periods: [...new Set(p.lines.map(invoiceLabel))],
      invoices: p.lines.length,
      amount,
      send: !address.reason,
      reason: address.reason,
    })
  }
  return {
    rows: view.slice(input.offset, input.offset + REMINDER_PAGE),
    total: view.length,
    offset: input.offset,
    totals,
    channels: [...active],
  }
}

/**
 * "Masukkan ke antrean": a reminder to everyone the filter selects, listing the invoices that
 * selected them; those who cannot be reached are recorded as skipped with the reason. The
 * browser's clientId is in the dedupe key, so a double click or a retried request queues once.
 */
export async function queueReminders(
  deps: AutopilotDeps,
  actor: Actor & { companyId: number },
  input: QueueRemindersInput,
  timeZone: string,
): Promise<QueueResult> {
  const companyId = actor.companyId
  const people = await audience(deps.db, companyId, input)
  const tpl = await loadTemplate(deps.db, companyId, 'reminder')
  const ids = people.map((p) => p.id)
  const [settings, company, services, active] = await Promise.all([
    getCollectionSettings(deps.db, companyId),
    loadCompany(deps.db, companyId),
    usesServiceValues(tpl.subject, tpl.body)
      ? loadServiceInfo(deps.db, companyId, ids)
      : Promise.resolve(new Map()),
    activeChannels(deps.db, companyId),
  ])
  const today = dateInZone(deps.clock.now(), timeZone)
  const links = payLinks(deps.secrets, companyId, settings.paymentLinkBase)
  const items: OutgoingMessage[] = people.map((p) => ({
    customerId: p.id,
    contact: contactOf(p),
    kind: 'reminder',
    ...render(tpl, {
      ...invoiceValues(company, links, p, p.lines, p.lines[0]?.dueDate ?? null),
      tanggal: dateText(today),
      ...services.get(p.id),
    }),
    dedupeKey: `reminder-manual:${p.id}:${input.clientId}`,
    refType: 'invoice',
    refId: p.lines[0]?.id ?? null,
  }))
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, async (tx) => {
    const r = await queueMessages(tx, { companyId, at, createdBy: actor.username }, items, active)
    if (r.queued + r.skipped > 0) {
      const { clientId: _clientId, ...filter } = input
      await appendAudit(tx, deps.clock, actor, {
        action: 'reminders.queue',
        entityType: 'messages',
        entityId: null,
        after: { filter, customers: people.length, ...r },
      })
    }
    return r
  })
  if (result.queued > 0) deps.onMessages?.()
  return result
}
