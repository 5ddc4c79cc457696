import type { Kysely } from 'kysely'
import { OPEN_TICKET_STATUSES } from '@shared/tickets'
import type { NotificationKind } from '@shared/notifications'
import { writeTx, type Database } from '../db'
import type { CoreDeps, JobCounts } from '../deps'
import { notify, type NotificationInput } from '../notifications'
import { getModules } from '../settings'

/** The two promises of a ticket's SLA, as the check and its notifications name them. */
export const SLA_BREACHES = ['first_response', 'resolution'] as const
export type SlaBreach = (typeof SLA_BREACHES)[number]

const KIND: Record<SlaBreach, NotificationKind> = {
  first_response: 'ticket_sla_first_response',
  resolution: 'ticket_sla_resolution',
}

interface Late {
  id: number
  number: string
  title: string
  priority: string
  assignee_id: number | null
  due: string
}

/**
 * Tickets past a due time whose breach was not told yet, read through the due-time indexes
 * (company, status, due): only open tickets already late are touched. No first response yet
 * means the ticket is still `baru` (moving on, cancelling or a note is the first response).
 */
export function lateTickets(
  db: Kysely<Database>,
  companyId: number,
  breach: SlaBreach,
  now: string,
) {
  const q = db
    .selectFrom('tickets')
    .where('company_id', '=', companyId)
    .select(['id', 'number', 'title', 'priority', 'assignee_id'])
  return breach === 'first_response'
    ? q
        .select('first_response_due_at as due')
        .where('status', '=', 'baru')
        .where('first_response_due_at', '<', now)
        .where('first_responded_at', 'is', null)
        .where('first_response_breach_notified_at', 'is', null)
    : q
        .select('resolution_due_at as due')
        .where('status', 'in', OPEN_TICKET_STATUSES)
        .where('resolution_due_at', '<', now)
        .where('resolution_breach_notified_at', 'is', null)
}

/**
 * Claims the breach for this run: marks it told only if the ticket is still late and untold
 * (someone may have answered or closed it since it was read, or another run got there first).
 */
async function claim(
  tx: Kysely<Database>,
  breach: SlaBreach,
  ticketId: number,
  now: string,
): Promise<boolean> {
  const result =
    breach === 'first_response'
      ? await tx
          .updateTable('tickets')
          .set({ first_response_breach_notified_at: now })
          .where('id', '=', ticketId)
          .where('status', '=', 'baru')
          .where('first_response_due_at', '<', now)
          .where('first_responded_at', 'is', null)
          .where('first_response_breach_notified_at', 'is', null)
          .executeTakeFirst()
      : await tx
          .updateTable('tickets')
          .set({ resolution_breach_notified_at: now })
          .where('id', '=', ticketId)
          .where('status', 'in', OPEN_TICKET_STATUSES)
          .where('resolution_due_at', '<', now)
          .where('resolution_breach_notified_at', 'is', null)
          .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * The supervisors: active users whose role holds `tickets.supervise` in the company's matrix,
 * and the superadmin, who holds every permission.
 */
export async function ticketSupervisors(
  db: Kysely<Database>,
  companyId: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
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
            .where('p.permission', '=', 'tickets.supervise'),
        ),
      ]),
    )
    .orderBy('u.id')
    .execute()
  return rows.map((r) => r.id)
}

/**
 * The `ticket-sla` job: tells each SLA breach once. A ticket past its first-response due time
 * with no first response, or past its resolution due time while not selesai or dibatalkan,
 * rings the bell of its assignee (if active) and of every supervisor: one notice per person,
 * each for them alone. The breach is marked told on the ticket in the same transaction, so a
 * later run, a replay or a supervisor added tomorrow hears nothing more of it. A reopened ticket
 * keeps its due times (core/tickets/sla.ts): a resolution breach already told is not told again,
 * one that was not (solved in time, reopened after the due time) is told once.
 *
 * `deps.clock` is the only time it reads, so tests move a fake clock across the due times.
 */
export async function runTicketSlaCheck(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  companyId: number,
): Promise<JobCounts> {
  const { db } = deps
  if (!(await getModules(db, companyId)).tickets) return { module_off: 1 }
  const now = deps.clock.now().toISOString()
  const found: { breach: SlaBreach; ticket: Late }[] = []
  for (const breach of SLA_BREACHES) {
    const rows = await lateTickets(db, companyId, breach, now).orderBy('id').execute()
    for (const ticket of rows) found.push({ breach, ticket })
  }
  const counts: JobCounts = { first_response_breaches: 0, resolution_breaches: 0, notified: 0 }
  if (found.length === 0) return counts

  return writeTx(db, async (tx) => {
    const supervisors = await ticketSupervisors(tx, companyId)
    const assigneeIds = [
      ...new Set(
        found.flatMap((f) => (f.ticket.assignee_id === null ? [] : [f.ticket.assignee_id])),
      ),
    ]
    const activeAssignees = new Set(
      assigneeIds.length
        ? (
            await tx
              .selectFrom('users')
              .select('id')
              .where('company_id', '=', companyId)
              .where('id', 'in', assigneeIds)
              .where('active', '=', 1)
              .execute()
          ).map((u) => u.id)
        : [],
    )
    for (const { breach, ticket } of found) {
      if (!(await claim(tx, breach, ticket.id, now))) continue
      counts[`${breach}_breaches`] = (counts[`${breach}_breaches`] ?? 0) + 1
      const people = new Set(supervisors)
      if (ticket.assignee_id !== null && activeAssignees.has(ticket.assignee_id))
        people.add(ticket.assignee_id)
      const items: NotificationInput[] = [...people].map((userId) => ({
        kind: KIND[breach],
        params: { number: ticket.number, title: ticket.title, priority: ticket.priority },
        link: `/tiket/${ticket.id}`,
        permission: 'tickets.view',
        userId,
        // The due time in the key: if a ticket ever gets a new one, its breach is a new notice.
        dedupeKey: `ticket_sla:${breach}:${ticket.id}:${ticket.due}:${userId}`,
      }))
      counts.notified = (counts.notified ?? 0) + (await notify(tx, companyId, items, now))
    }
    return counts
  })
}
