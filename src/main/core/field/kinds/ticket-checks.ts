import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { isOpenTicket, ticketStatusWords, type TicketStatus } from '@shared/tickets'
import { takeTurn, type Database } from '../../db'
import type { FieldCaller } from '../kind'

/**
 * What every ticket command from the phone checks first, on what the office left (taking the
 * ticket's turn, as updateTicket does): the ticket exists, is still assigned to the sender (the
 * phone works "Tugas saya" only; a ticket given to someone else meanwhile is refused), and is
 * still open (selesai or dibatalkan at the office meanwhile: refused, the phone keeps the text).
 */
export async function ticketOfMine(tx: Kysely<Database>, caller: FieldCaller, ticketId: number) {
  await takeTurn(tx, `ticket:${ticketId}`)
  const ticket = await tx
    .selectFrom('tickets')
    .select(['id', 'number', 'status', 'assignee_id'])
    .where('id', '=', ticketId)
    .where('company_id', '=', caller.actor.companyId)
    .executeTakeFirst()
  if (!ticket) throw new AppError('NOT_FOUND', `ticket ${ticketId}`)
  if (ticket.assignee_id !== caller.actor.userId)
    throw new AppError('FIELD_NOT_ASSIGNED', `ticket ${ticket.number}`, { number: ticket.number })
  const status = ticket.status as TicketStatus
  if (!isOpenTicket(status))
    throw new AppError('FIELD_TICKET_CLOSED', `ticket ${ticket.number} is ${status}`, {
      number: ticket.number,
      status,
      statusWords: ticketStatusWords(status),
    })
  return ticket
}
