import {
  attachTicketPhoto,
  getTicket,
  getTicketSettings,
  listTicketAttachments,
  listTickets,
  openTicket,
  readTicketAttachment,
  saveTicketSettings,
  ticketAssignees,
  updateTicket,
} from '@core/tickets'
import {
  idSchema,
  openTicketInput,
  ticketAttachInput,
  ticketListInput,
  ticketSettingsInput,
  updateTicketInput,
} from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/**
 * Tiket: complaints and requests from any medium, worked through baru → dalam proses →
 * menunggu konfirmasi → selesai with every change recorded; categories and SLA targets per
 * company. Each list row carries the time left to its resolution due time, from the host's clock.
 */
export const ticketsRouter = router({
  list: procedure('tickets.view')
    .input(ticketListInput)
    .query(({ ctx, input }) => listTickets(ctx.services, ctx.user.companyId, input)),
  get: procedure('tickets.view')
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => getTicket(ctx.services, ctx.user.companyId, input.id)),
  open: procedure('tickets.manage')
    .input(openTicketInput)
    .mutation(async ({ ctx, input }) =>
      openTicket(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  update: procedure('tickets.manage')
    .input(updateTicketInput)
    .mutation(async ({ ctx, input }) =>
      updateTicket(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  /** A ticket's photos (without their bytes). */
  attachments: procedure('tickets.view')
    .input(z.object({ ticketId: idSchema }))
    .query(({ ctx, input }) =>
      listTicketAttachments(ctx.services, ctx.user.companyId, input.ticketId),
    ),
  /** A photo of the ticket, sent as base64 (images only, ≤ 5 MB), like customer documents. */
  attach: procedure('tickets.manage')
    .input(ticketAttachInput)
    .mutation(({ ctx, input }) =>
      attachTicketPhoto(ctx.services, ctx.actor, {
        ticketId: input.ticketId,
        fileName: input.fileName,
        mime: input.mime,
        data: Buffer.from(input.contentBase64, 'base64'),
      }),
    ),
  attachment: procedure('tickets.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const file = await readTicketAttachment(ctx.services, ctx.user.companyId, input.id)
      return {
        fileName: file.fileName,
        mime: file.mime,
        contentBase64: file.data.toString('base64'),
      }
    }),
  /** The people a ticket may be assigned to (active users whose role works tickets). */
  assignees: procedure('tickets.view').query(({ ctx }) =>
    ticketAssignees(ctx.services.db, ctx.user.companyId),
  ),
  settings: procedure(['tickets.view', 'company.view']).query(({ ctx }) =>
    getTicketSettings(ctx.services.db, ctx.user.companyId),
  ),
  /**
   * Categories and SLA targets are company policy, like the billing settings: whoever manages
   * the company sets them, not everyone who works tickets (technicians would set their own SLA).
   */
  saveSettings: procedure('company.manage')
    .input(ticketSettingsInput)
    .mutation(({ ctx, input }) => saveTicketSettings(ctx.services, ctx.actor, input)),
})
