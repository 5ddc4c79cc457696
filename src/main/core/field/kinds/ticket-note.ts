import { ticketNotePayload } from '@shared/schemas'
import { updateTicket } from '../../tickets'
import { defineFieldKind } from '../kind'
import { ticketOfMine } from './ticket-checks'

/** `ticket.note`: a note on a ticket assigned to me, added to its history. */
export const ticketNote = defineFieldKind({
  kind: 'ticket.note',
  permission: 'tickets.manage',
  module: 'tickets',
  payload: ticketNotePayload,
  apply: async (tx, { deps, caller }, p) => {
    await ticketOfMine(tx, caller, p.ticketId)
    const change = await updateTicket(
      deps,
      caller.actor,
      { id: p.ticketId, note: p.note, reason: null },
      caller.timeZone,
      tx,
    )
    return {
      result: { ticketId: change.id, number: change.number, ticketStatus: change.status },
      messagesQueued: change.messages.queued,
    }
  },
})
