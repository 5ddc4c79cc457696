import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import type { TicketListInput } from '@shared/schemas'
import { OPEN_TICKET_STATUSES } from '@shared/tickets'
import { withoutControls } from '@shared/text'
import { searchMatchIds, type Db } from '../db'
import { getTicketSettings } from './settings'
import { slaState, type SlaState } from './sla'

export interface TicketRow extends SlaState {
  id: number
  number: string
  customerId: number | null
  customerCode: string | null
  customerName: string | null
  serviceId: number | null
  sid: string | null
  category: string
  categoryLabel: string
  priority: string
  medium: string
  title: string
  status: string
  assigneeId: number | null
  assigneeName: string | null
  deviceSerial: string | null
  createdAt: string
  firstResponseDueAt: string
  resolutionDueAt: string
  firstRespondedAt: string | null
  resolvedAt: string | null
}

function baseQuery(db: Db, companyId: number) {
  return db
    .selectFrom('tickets as t')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('services as s', 's.id', 't.service_id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select([
      't.id',
      't.number',
      't.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      't.service_id',
      's.sid',
      't.category',
      't.priority',
      't.medium',
      't.title',
      't.description',
      't.status',
      't.assignee_id',
      'u.name as assignee_name',
      't.device_serial',
      't.pic_name',
      't.pic_phone',
      't.created_at',
      't.first_response_due_at',
      't.resolution_due_at',
      't.first_responded_at',
      't.resolved_at',
    ])
    .where('t.company_id', '=', companyId)
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function rowOf(r: BaseRow, labels: Map<string, string>, now: Date): TicketRow {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    serviceId: r.service_id,
    sid: r.sid,
    category: r.category,
    categoryLabel: labels.get(r.category) ?? r.category,
    priority: r.priority,
    medium: r.medium,
    title: r.title,
    status: r.status,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    deviceSerial: r.device_serial,
    createdAt: r.created_at,
    firstResponseDueAt: r.first_response_due_at,
    resolutionDueAt: r.resolution_due_at,
    firstRespondedAt: r.first_responded_at,
    resolvedAt: r.resolved_at,
    ...slaState(r, now),
  }
}

const likeWord = (text: string) => `%${text.toLowerCase().replace(/[%_\\]/g, '')}%`

/**
 * A company's tickets, newest first, each with the time left to its resolution due time and
 * whether it breached, as of `now`. The search matches the ticket number, the device serial
 * number, the customer (code, name, and through the customer index their services' SID and
 * PPPoE username) and the ticket's own service (SID, PPPoE username). `cursor` skips the rows
 * a page already shows (the list loads more in pages of `limit`).
 */
export async function listTickets(
  deps: { db: Db; clock: { now(): Date } },
  companyId: number,
  f: Partial<TicketListInput>,
): Promise<TicketRow[]> {
  const { db } = deps
  let q = baseQuery(db, companyId)
  if (f.status) q = q.where('t.status', '=', f.status)
  if (f.open) q = q.where('t.status', 'in', OPEN_TICKET_STATUSES)
  if (f.priority) q = q.where('t.priority', '=', f.priority)
  if (f.category) q = q.where('t.category', '=', f.category)
  if (f.assigneeId) q = q.where('t.assignee_id', '=', f.assigneeId)
  if (f.customerId) q = q.where('t.customer_id', '=', f.customerId)
  const text = f.search ? withoutControls(f.search).trim() : ''
  if (text) {
    const like = likeWord(text)
    const words = text
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length >= 3)
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['t.number']), 'like', like),
        eb(eb.fn('lower', ['t.device_serial']), 'like', like),
        eb(eb.fn('lower', ['c.code']), 'like', like),
        eb(eb.fn('lower', ['c.name']), 'like', like),
        eb(eb.fn('lower', ['s.sid']), 'like', like),
        eb(eb.fn('lower', ['s.pppoe_username']), 'like', like),
        ...(words.length ? [eb('t.customer_id', 'in', searchMatchIds(db, words))] : []),
      ]),
    )
  }
  const [rows, settings] = await Promise.all([
    q
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(f.limit ?? 200)
      .offset(f.cursor ?? 0)
      .execute(),
    getTicketSettings(db, companyId),
  ])
  const labels = new Map(settings.categories.map((c) => [c.key, c.label]))
  const now = deps.clock.now()
  return rows.map((r) => rowOf(r, labels, now))
}

export interface TicketEventView {
  id: number
  kind: string
  fromStatus: string | null
  toStatus: string | null
  assigneeId: number | null
  assigneeName: string | null
  note: string | null
  username: string | null
  at: string
}

export interface TicketDetail extends TicketRow {
  description: string | null
  picName: string | null
  picPhone: string | null
  events: TicketEventView[]
}

/** One ticket with its whole history, oldest event first. */
export async function getTicket(
  deps: { db: Db; clock: { now(): Date } },
  companyId: number,
  id: number,
): Promise<TicketDetail> {
  const { db } = deps
  const row = await baseQuery(db, companyId).where('t.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'ticket')
  const [events, settings] = await Promise.all([
    db
      .selectFrom('ticket_events as e')
      .leftJoin('users as u', 'u.id', 'e.assignee_id')
      .select([
        'e.id',
        'e.kind',
        'e.from_status',
        'e.to_status',
        'e.assignee_id',
        'u.name as assignee_name',
        'e.note',
        'e.username',
        'e.at',
      ])
      .where('e.ticket_id', '=', id)
      .orderBy('e.id')
      .execute(),
    getTicketSettings(db, companyId),
  ])
  const labels = new Map(settings.categories.map((c) => [c.key, c.label]))
  return {
    ...rowOf(row, labels, deps.clock.now()),
    description: row.description,
    picName: row.pic_name,
    picPhone: row.pic_phone,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      assigneeId: e.assignee_id,
      assigneeName: e.assignee_name,
      note: e.note,
      username: e.username,
      at: e.at,
    })),
  }
}

/** The ticket behind a number as people type it (tkt/2026/000001 is TKT/2026/000001). */
export async function ticketIdByNumber(db: Db, companyId: number, number: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select('id')
    .where('company_id', '=', companyId)
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'ticket', { number })
  return row.id
}

/** A user of the company by username (the CLI's --assign). */
export async function userIdByUsername(
  db: Db,
  companyId: number,
  username: string,
): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('company_id', '=', companyId)
    .where(sql<string>`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst()
  if (!row) throw new AppError('TICKET_ASSIGNEE_INVALID', `no user ${username}`, { username })
  return row.id
}

/**
 * Who a ticket may be given to (the assignment picker): active users whose role works tickets,
 * the same rule updateTicket checks.
 */
export async function ticketAssignees(
  db: Db,
  companyId: number,
): Promise<{ id: number; name: string; username: string; role: string }[]> {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.name', 'u.username', 'u.role'])
    .where('u.company_id', '=', companyId)
    .where('u.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'superadmin'),
        eb.exists(
          eb
            .selectFrom('role_permissions as p')
            .select('p.role')
            .where('p.company_id', '=', companyId)
            .whereRef('p.role', '=', 'u.role')
            .where('p.permission', '=', 'tickets.manage'),
        ),
      ]),
    )
    .orderBy('u.name')
    .execute()
}
