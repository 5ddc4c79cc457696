import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { OpenTicketInput, UpdateTicketInput } from '@shared/schemas'
import {
  canMoveTicket,
  REOPEN_FROM,
  ticketNumber,
  ticketStatusWords,
  type TicketEventKind,
  type TicketStatus,
} from '@shared/tickets'
import { appendAudit, type Actor } from '../audit'
import { nextNumber, takeTurn, writeTx, type Database } from '../db'
import type { MessagingDeps } from '../messaging'
import { notify } from '../notifications'
import { queueTicketMessage } from './messages'
import { getTicketSettings } from './settings'
import { dueTimes } from './sla'

type TicketActor = Actor & { companyId: number }

export interface TicketChange {
  id: number
  number: string
  status: TicketStatus
  /** Customer messages this change queued (complaint received / resolved). */
  messages: { queued: number; skipped: number }
}

/**
 * Who may be given a ticket: an active user of the company whose role works tickets
 * (`tickets.manage` in the company's role matrix; the superadmin always may).
 */
async function checkAssignee(tx: Kysely<Database>, companyId: number, userId: number) {
  const user = await tx
    .selectFrom('users')
    .select(['id', 'role', 'active'])
    .where('id', '=', userId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  let ok = !!user && user.active === 1
  if (ok && user!.role !== 'superadmin') {
    const grant = await tx
      .selectFrom('role_permissions')
      .select('permission')
      .where('company_id', '=', companyId)
      .where('role', '=', user!.role)
      .where('permission', '=', 'tickets.manage')
      .executeTakeFirst()
    ok = !!grant
  }
  if (!ok) throw new AppError('TICKET_ASSIGNEE_INVALID', `user ${userId} cannot work tickets`)
}

async function addEvent(
  tx: Kysely<Database>,
  actor: TicketActor,
  at: string,
  e: {
    ticketId: number
    kind: TicketEventKind
    from?: string | null
    to?: string | null
    assigneeId?: number | null
    note?: string | null
  },
): Promise<number> {
  const row = await tx
    .insertInto('ticket_events')
    .values({
      ticket_id: e.ticketId,
      kind: e.kind,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      assignee_id: e.assigneeId ?? null,
      note: e.note ?? null,
      user_id: actor.userId,
      username: actor.username,
      at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Opens a ticket: the next number of the year in the company's time zone (TKT/2026/000001,
 * gapless: taken from the counter inside this transaction), due times from the priority's SLA
 * targets, the `created` event (and `assigned` when given to someone at once), the audit entry,
 * a notification for those who work tickets, and "keluhan diterima" to the customer.
 *
 * `within`: run inside the caller's transaction (a mass outage opens its ticket in the same
 * transaction as the outage and its links); the caller then wakes the message sender.
 */
export async function openTicket(
  deps: MessagingDeps,
  actor: TicketActor,
  input: OpenTicketInput,
  timeZone: string,
  within?: Kysely<Database>,
): Promise<TicketChange> {
  const companyId = actor.companyId
  const inTx = <T>(fn: (tx: Kysely<Database>) => Promise<T>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  const result = await inTx(async (tx) => {
    const settings = await getTicketSettings(tx, companyId)
    const category = settings.categories.find((c) => c.key === input.category && c.active)
    if (!category)
      throw new AppError('TICKET_CATEGORY_UNKNOWN', `category ${input.category}`, {
        category: input.category,
      })
    let customerId = input.customerId
    if (input.serviceId !== null) {
      const service = await tx
        .selectFrom('services')
        .select(['id', 'customer_id'])
        .where('id', '=', input.serviceId)
        .where('company_id', '=', companyId)
        .executeTakeFirst()
      if (!service || (customerId !== null && service.customer_id !== customerId))
        throw new AppError('NOT_FOUND', 'service of this customer')
      customerId = service.customer_id
    } else if (customerId !== null) {
      const customer = await tx
        .selectFrom('customers')
        .select('id')
        .where('id', '=', customerId)
        .where('company_id', '=', companyId)
        .executeTakeFirst()
      if (!customer) throw new AppError('NOT_FOUND', 'customer')
    }
    if (input.assigneeId !== null) await checkAssignee(tx, companyId, input.assigneeId)

    const now = deps.clock.now()
    const at = now.toISOString()
    const year = Number(dateInZone(now, timeZone).slice(0, 4))
    const number = ticketNumber(year, await nextNumber(tx, companyId, `ticket:${year}`))
    const due = dueTimes(now, settings.sla[input.priority])
    const { id } = await tx
      .insertInto('tickets')
      .values({
        company_id: companyId,
        number,
        year,
        customer_id: customerId,
        service_id: input.serviceId,
        category: input.category,
        priority: input.priority,
        medium: input.medium,
        title: input.title,
        description: input.description,
        status: 'baru',
        assignee_id: input.assigneeId,
        device_serial: input.deviceSerial,
        pic_name: input.picName,
        pic_phone: input.picPhone,
        first_response_due_at: due.firstResponseDueAt,
        resolution_due_at: due.resolutionDueAt,
        first_responded_at: null,
        resolved_at: null,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await addEvent(tx, actor, at, { ticketId: id, kind: 'created', to: 'baru' })
    if (input.assigneeId !== null)
      await addEvent(tx, actor, at, {
        ticketId: id,
        kind: 'assigned',
        assigneeId: input.assigneeId,
      })
    await appendAudit(tx, deps.clock, actor, {
      action: 'tickets.create',
      entityType: 'ticket',
      entityId: id,
      after: {
        number,
        customerId,
        serviceId: input.serviceId,
        category: input.category,
        priority: input.priority,
        medium: input.medium,
        title: input.title,
        assigneeId: input.assigneeId,
      },
    })
    // The bell of everyone who works tickets; a click opens the ticket.
    await notify(
      tx,
      companyId,
      [
        {
          kind: 'ticket_new',
          params: { number, title: input.title, priority: input.priority },
          link: `/tiket/${id}`,
          permission: 'tickets.manage',
          dedupeKey: `ticket_new:${id}`,
        },
      ],
      at,
    )
    const queued = await queueTicketMessage(
      tx,
      { companyId, at: now, createdBy: actor.username, timeZone },
      { id, number, customerId },
      'complaint_received',
      `ticket_received:${id}`,
    )
    return {
      id,
      number,
      status: 'baru' as const,
      messages: { queued: queued.queued, skipped: queued.skipped },
    }
  })
  if (!within && result.messages.queued > 0) deps.onMessages?.()
  return result
}

/**
 * One change to a ticket: an assignment, a status change (with its note), a note alone, or
 * several at once, each recorded as an event with who and when. Status changes follow
 * TICKET_TRANSITIONS; reopening a selesai/dibatalkan ticket goes back to dalam_proses and needs
 * a reason. The first move away from baru, or the first note, is the first response. Going to
 * selesai sends "keluhan selesai". Two people changing the same ticket at once take turns, so
 * each decision is made on what the other one left.
 *
 * `within`: run inside the caller's transaction instead of one of its own (the technician's
 * phone records its command in the same transaction as the change); the caller then wakes the
 * message sender after its commit.
 */
export async function updateTicket(
  deps: MessagingDeps,
  actor: TicketActor,
  input: UpdateTicketInput,
  timeZone: string,
  within?: Kysely<Database>,
): Promise<TicketChange> {
  const companyId = actor.companyId
  const inTx = <T>(fn: (tx: Kysely<Database>) => Promise<T>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  const result = await inTx(async (tx) => {
    await takeTurn(tx, `ticket:${input.id}`)
    const ticket = await tx
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!ticket) throw new AppError('NOT_FOUND', 'ticket')
    const now = deps.clock.now()
    const at = now.toISOString()
    const from = ticket.status as TicketStatus
    let status = from
    let firstResponse = ticket.first_responded_at
    let resolvedAt = ticket.resolved_at
    let note = input.note
    let resolvedEvent: number | null = null
    let changed = false

    if (input.assigneeId !== undefined && input.assigneeId !== ticket.assignee_id) {
      changed = true
      if (input.assigneeId !== null) await checkAssignee(tx, companyId, input.assigneeId)
      await addEvent(tx, actor, at, {
        ticketId: ticket.id,
        kind: 'assigned',
        assigneeId: input.assigneeId,
      })
      await appendAudit(tx, deps.clock, actor, {
        action: 'tickets.assign',
        entityType: 'ticket',
        entityId: ticket.id,
        before: { number: ticket.number, assigneeId: ticket.assignee_id },
        after: { number: ticket.number, assigneeId: input.assigneeId },
      })
    }

    if (input.status !== undefined && input.status !== from) {
      changed = true
      const to = input.status
      if (!canMoveTicket(from, to))
        throw new AppError('TICKET_STATUS_REFUSED', `ticket ${from} → ${to}`, {
          from,
          to,
          fromWords: ticketStatusWords(from),
          toWords: ticketStatusWords(to),
        })
      const reopening = REOPEN_FROM.includes(from)
      if (reopening && !input.reason)
        throw new AppError('TICKET_REOPEN_REASON_REQUIRED', `reopen ${ticket.number}`)
      const eventId = await addEvent(tx, actor, at, {
        ticketId: ticket.id,
        kind: reopening ? 'reopened' : 'status',
        from,
        to,
        note: reopening ? input.reason : note,
      })
      if (!reopening) note = null
      if (from === 'baru') firstResponse ??= at
      if (to === 'selesai') {
        resolvedAt = at
        resolvedEvent = eventId
      }
      if (reopening) resolvedAt = null
      status = to
      await appendAudit(tx, deps.clock, actor, {
        action: 'tickets.status',
        entityType: 'ticket',
        entityId: ticket.id,
        before: { number: ticket.number, status: from },
        after: {
          number: ticket.number,
          status: to,
          ...(reopening ? { reason: input.reason } : {}),
        },
      })
    }

    if (note) {
      changed = true
      await addEvent(tx, actor, at, { ticketId: ticket.id, kind: 'note', note })
      firstResponse ??= at
    }

    // A repeated request (the status it already has, the same assignee) changes nothing.
    if (changed)
      await tx
        .updateTable('tickets')
        .set({
          status,
          assignee_id: input.assigneeId === undefined ? ticket.assignee_id : input.assigneeId,
          first_responded_at: firstResponse,
          resolved_at: resolvedAt,
          updated_at: at,
        })
        .where('id', '=', ticket.id)
        .execute()

    const queued =
      resolvedEvent === null
        ? null
        : await queueTicketMessage(
            tx,
            { companyId, at: now, createdBy: actor.username, timeZone },
            { id: ticket.id, number: ticket.number, customerId: ticket.customer_id },
            'complaint_resolved',
            // Per resolution: a ticket reopened and solved again tells the customer again.
            `ticket_resolved:${ticket.id}:${resolvedEvent}`,
          )
    return {
      id: ticket.id,
      number: ticket.number,
      status,
      messages: { queued: queued?.queued ?? 0, skipped: queued?.skipped ?? 0 },
    }
  })
  if (result.messages.queued > 0 && !within) deps.onMessages?.()
  return result
}
