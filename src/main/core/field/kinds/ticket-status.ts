import { ticketStatusPayload } from '@shared/schemas'
import { updateTicket } from '../../tickets'
import { defineFieldKind } from '../kind'
import { ticketOfMine } from './ticket-checks'

/**
 * `ticket.status`: move a ticket assigned to me along the flow (baru → dalam proses → menunggu
 * konfirmasi → selesai, or dibatalkan), with an optional note; the flow's own refusal
 * (TICKET_STATUS_REFUSED) is the conflict's reason. A status the ticket already has changes
 * nothing (its note is still added). Reopening is the office's: a closed ticket is refused.
 */
export const ticketStatus = defineFieldKind({
  kind: 'ticket.status',
  permission: 'tickets.manage',
  module: 'tickets',
  payload: ticketStatusPayload,
  apply: async (tx, { deps, caller }, p) => {
    await ticketOfMine(tx, caller, p.ticketId)
    const change = await updateTicket(
      deps,
      caller.actor,
      { id: p.ticketId, status: p.status, note: p.note, reason: null },
      caller.timeZone,
      tx,
    )
    return {
      result: { ticketId: change.id, number: change.number, ticketStatus: change.status },
      messagesQueued: change.messages.queued,
    }
  },
})
