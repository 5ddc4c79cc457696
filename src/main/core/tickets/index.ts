export { getTicketSettings, saveTicketSettings } from './settings'
export { openTicket, updateTicket } from './tickets'
export type { TicketChange } from './tickets'
export {
  getTicket,
  listTickets,
  ticketAssignees,
  ticketIdByNumber,
  userIdByUsername,
} from './queries'
export type { TicketDetail, TicketEventView, TicketRow } from './queries'
export { slaState, dueTimes } from './sla'
export type { SlaState } from './sla'
export { attachTicketPhoto, listTicketAttachments, readTicketAttachment } from './attachments'
export type { TicketAttachmentView } from './attachments'
