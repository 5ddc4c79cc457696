import { dateInZone, startOfDayInZone, type CalendarDate } from '@shared/dates'
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
  kind: 'ticket' | 'survey' | 'installation'
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
  /** Surveys and installations: the registration card, its visit and what the office asked. */
  visit: FieldVisit | null
}

/** A survey or installation visit from the registration board (kind survey / installation). */
export interface FieldVisit {
  registrationId: number
  /** The card's step: survei, or instalasi / finalisasi (the BAST is signed at finalisasi). */
  step: string
  date: string
  time: string | null
  /** Installation: the items asked from the warehouse and the fee on the first invoice. */
  items: { name: string; quantity: number; unit: string | null }[]
  fee: number | null
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
      visit: null,
    }
  })
}

/** The visit's moment: its date at its time (or the end of that day) in the company's zone. */
function visitAt(date: string, time: string | null, timeZone: string): Date {
  const start = startOfDayInZone(date as CalendarDate, timeZone)
  const [h, m] = (time ?? '23:59').split(':').map(Number)
  return new Date(start.getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000)
}

/**
 * The registration board's visits assigned to me: cards at Survei with a scheduled survey whose
 * technician I am, and cards at Instalasi (report) or Finalisasi (BAST) whose installation I
 * do. Late when the visit's day has passed.
 */
async function visitTasks(db: Db, caller: FieldCaller, now: Date): Promise<FieldTask[]> {
  const me = caller.actor.userId
  const rows = await db
    .selectFrom('registrations as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('services as s', 's.id', 'r.service_id')
    .select([
      'r.id',
      'r.step',
      'r.survey_priority',
      'r.survey_date',
      'r.survey_time',
      'r.survey_technician_id',
      'r.install_date',
      'r.install_time',
      'r.install_technician_id',
      'r.install_fee',
      'r.install_items_json',
      'c.name as customer_name',
      'c.code as customer_code',
      'c.phone',
      'c.whatsapp',
      'c.address',
      'c.latitude',
      'c.longitude',
      's.installation_address',
    ])
    .where('r.company_id', '=', caller.actor.companyId)
    .where('r.status', '=', 'berjalan')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('r.step', '=', 'survei'),
          eb('r.survey_technician_id', '=', me),
          eb('r.survey_date', 'is not', null),
        ]),
        eb.and([
          eb('r.step', 'in', ['instalasi', 'finalisasi']),
          eb('r.install_technician_id', '=', me),
          eb('r.install_date', 'is not', null),
        ]),
      ]),
    )
    .orderBy('r.id')
    .limit(200)
    .execute()
  const today = dateInZone(now, caller.timeZone)
  return rows.map((r) => {
    const survey = r.step === 'survei'
    const date = (survey ? r.survey_date : r.install_date)!
    const time = survey ? r.survey_time : r.install_time
    const items = survey
      ? []
      : (JSON.parse(r.install_items_json ?? '[]') as {
          name: string
          quantity: number
          unit?: string | null
        }[])
    return {
      kind: survey ? ('survey' as const) : ('installation' as const),
      key: `${survey ? 'survey' : 'installation'}:${r.id}`,
      id: r.id,
      number: r.customer_code,
      title: r.customer_name,
      description: null,
      category: '',
      priority: survey ? (r.survey_priority ?? 'sedang') : 'sedang',
      status: r.step,
      customer: {
        name: r.customer_name,
        code: r.customer_code,
        phone: r.phone,
        whatsapp: r.whatsapp,
        address: r.installation_address ?? r.address,
        mapUrl: mapUrl(r.latitude, r.longitude),
      },
      picName: null,
      picPhone: null,
      dueAt: visitAt(date, time, caller.timeZone).toISOString(),
      dueToday: date === today,
      overdue: date < today,
      minutesLeft: null,
      history: [],
      visit: {
        registrationId: r.id,
        step: r.step,
        date,
        time,
        items: items.map((i) => ({ name: i.name, quantity: i.quantity, unit: i.unit ?? null })),
        fee: survey ? null : r.install_fee,
      },
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
  if (caller.can('registrations.view')) tasks.push(...(await visitTasks(deps.db, caller, now)))
  const urgent = (t: FieldTask) => (t.overdue || t.dueToday ? 0 : 1)
  return tasks.sort((a, b) => urgent(a) - urgent(b) || a.dueAt.localeCompare(b.dueAt))
}
