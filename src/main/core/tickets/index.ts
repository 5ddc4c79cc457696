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
export { runTicketSlaCheck, ticketSupervisors, SLA_BREACHES } from './sla-check'
export type { SlaBreach } from './sla-check'
export type { SlaState } from './sla'
export { attachTicketPhoto, listTicketAttachments, readTicketAttachment } from './attachments'
export type { TicketAttachmentView } from './attachments'
