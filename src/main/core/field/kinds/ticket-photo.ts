import { ticketPhotoPayload } from '@shared/schemas'
import { attachTicketPhoto } from '../../tickets'
import { defineFieldKind } from '../kind'
import { ticketOfMine } from './ticket-checks'

/**
 * `ticket.photo`: a photo taken on a ticket assigned to me (still open), attached to it as the
 * ticket page's upload does (images only, ≤ 5 MB). Not tied to a history event. The command's
 * row and the attachment commit together, so a replay answers duplicate and adds no second
 * attachment (the file store keeps files by content, so no second file either).
 */
export const ticketPhoto = defineFieldKind({
  kind: 'ticket.photo',
  permission: 'tickets.manage',
  module: 'tickets',
  payload: ticketPhotoPayload,
  apply: async (tx, { deps, caller }, p) => {
    // Not a refusal: answered INTERNAL and not recorded, so the phone may send it again.
    if (!deps.files) throw new Error('no file store for ticket photos')
    const ticket = await ticketOfMine(tx, caller, p.ticketId)
    const photo = await attachTicketPhoto(
      { ...deps, files: deps.files },
      caller.actor,
      {
        ticketId: p.ticketId,
        fileName: p.fileName,
        mime: p.mime,
        data: Buffer.from(p.contentBase64, 'base64'),
      },
      tx,
    )
    return { result: { ticketId: ticket.id, number: ticket.number, attachmentId: photo.id } }
  },
})
