import { dateInZone } from '@shared/dates'
import { OPEN_TICKET_STATUSES } from '@shared/tickets'
import type { Db } from '../db'
import { getTicketSettings, slaState } from '../tickets'
import type { FieldCaller } from './kind'

/** A customer as the technician needs them on site: who, how to reach them, where. */
export interface FieldCustomer {
  name: string
  code: string
  phone: string | null
  whatsapp: string | null
  address: string | null
  /** Google Maps at the customer's coordinates, when the customer record has them. */
  mapUrl: string | null
}

export interface FieldTaskEvent {
  kind: string
  fromStatus: string | null
  toStatus: string | null
  note: string | null
  username: string | null
  at: string
}

/**
 * One task of "Tugas saya". `kind` says what it is and which form the phone shows: `ticket`
 * now; the registration board adds `survey` and `installation` tasks the same way (a query
 * below, the same fields).
 */
export interface FieldTask {
  kind: 'ticket'
  /** Unique across kinds: `ticket:12`. */
  key: string
  id: number
  number: string
  title: string
  description: string | null
  category: string
  priority: string
  status: string
  customer: FieldCustomer | null
  /** Who to meet on site when it is not the customer (device tickets). */
  picName: string | null
  picPhone: string | null
  /** When it is due (a ticket's resolution SLA), and whether that is today or already past. */
  dueAt: string
  dueToday: boolean
  overdue: boolean
  minutesLeft: number | null
  /** The latest events, newest first (what the office and I wrote). */
  history: FieldTaskEvent[]
}

export function mapUrl(latitude: number | null, longitude: number | null): string | null {
  if (latitude === null || longitude === null) return null
  return `https://maps.google.com/?q=${latitude},${longitude}`
}

const HISTORY = 10

async function ticketTasks(db: Db, caller: FieldCaller, now: Date): Promise<FieldTask[]> {
  const companyId = caller.actor.companyId
  const rows = await db
    .selectFrom('tickets as t')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('services as s', 's.id', 't.service_id')
    .select([
      't.id',
      't.number',
      't.title',
      't.description',
      't.category',
      't.priority',
      't.status',
      't.pic_name',
      't.pic_phone',
      't.first_response_due_at',
      't.resolution_due_at',
      't.first_responded_at',
      't.resolved_at',
      'c.name as customer_name',
      'c.code as customer_code',
      'c.phone',
      'c.whatsapp',
      'c.address',
      'c.latitude',
      'c.longitude',
      's.installation_address',
    ])
    .where('t.company_id', '=', companyId)
    .where('t.assignee_id', '=', caller.actor.userId)
    .where('t.status', 'in', OPEN_TICKET_STATUSES)
    .orderBy('t.resolution_due_at')
    .orderBy('t.id')
    .limit(200)
    .execute()
  if (rows.length === 0) return []
  const [events, settings] = await Promise.all([
    db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'kind', 'from_status', 'to_status', 'note', 'username', 'at', 'id'])
      .where(
        'ticket_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id', 'desc')
      .execute(),
    getTicketSettings(db, companyId),
  ])
  const labels = new Map(settings.categories.map((c) => [c.key, c.label]))
  const today = dateInZone(now, caller.timeZone)
  return rows.map((r) => {
    const sla = slaState(r, now)
    const dueDay = dateInZone(new Date(r.resolution_due_at), caller.timeZone)
    return {
      kind: 'ticket' as const,
      key: `ticket:${r.id}`,
      id: r.id,
      number: r.number,
      title: r.title,
      description: r.description,
      category: labels.get(r.category) ?? r.category,
      priority: r.priority,
      status: r.status,
      customer:
        r.customer_name === null
          ? null
          : {
              name: r.customer_name,
              code: r.customer_code ?? '',
              phone: r.phone,
              whatsapp: r.whatsapp,
              address: r.installation_address ?? r.address,
              mapUrl: mapUrl(r.latitude, r.longitude),
            },
      picName: r.pic_name,
      picPhone: r.pic_phone,
      dueAt: r.resolution_due_at,
      dueToday: dueDay === today,
      overdue: sla.breached,
      minutesLeft: sla.minutesLeft,
      history: events
        .filter((e) => e.ticket_id === r.id)
        .slice(0, HISTORY)
        .map((e) => ({
          kind: e.kind,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          note: e.note,
          username: e.username,
          at: e.at,
        })),
    }
  })
}

/**
 * "Tugas saya": the open work assigned to the caller, what is due today or already late first,
 * then by due time. Each source needs its module on and its permission (tickets: Tiket,
 * tickets.view); surveys and installations join here as sources of their own.
 */
export async function fieldTasks(
  deps: { db: Db; clock: { now(): Date } },
  caller: FieldCaller,
): Promise<FieldTask[]> {
  const now = deps.clock.now()
  const tasks: FieldTask[] = []
  if (caller.moduleOn('tickets') && caller.can('tickets.view'))
    tasks.push(...(await ticketTasks(deps.db, caller, now)))
  const urgent = (t: FieldTask) => (t.overdue || t.dueToday ? 0 : 1)
  return tasks.sort((a, b) => urgent(a) - urgent(b) || a.dueAt.localeCompare(b.dueAt))
}
