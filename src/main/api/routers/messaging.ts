import { customerTemplateValues } from '@core/collections'
import {
  broadcastPreview,
  cancelMessages,
  companyTemplateValues,
  getMessage,
  listMessages,
  listTemplates,
  previewCustomer,
  renderPreview,
  resetTemplate,
  retryMessages,
  saveTemplate,
  sendBroadcast,
} from '@core/messaging'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import {
  broadcastFilterSchema,
  broadcastInput,
  idSchema,
  messageIdsInput,
  messageListInput,
  messageRetryInput,
  templateKeySchema,
  templatePreviewInput,
  templateSaveInput,
} from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/**
 * The outbox history, template editing and broadcasts. Nothing here sends: messages are written
 * to the outbox and the host's sender (woken through `onMessages`) takes them from there.
 */
export const messagingRouter = router({
  list: procedure('messages.view')
    .input(messageListInput)
    .query(async ({ ctx, input }) =>
      listMessages(ctx.services.db, ctx.user.companyId, await timeZoneOf(ctx), input),
    ),
  get: procedure('messages.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const message = await getMessage(ctx.services.db, ctx.user.companyId, input.id)
      if (!message) throw new AppError('NOT_FOUND')
      return message
    }),
  retry: procedure('messages.manage')
    .input(messageRetryInput)
    .mutation(({ ctx, input }) => retryMessages(ctx.services, ctx.actor, input)),
  cancel: procedure('messages.manage')
    .input(messageIdsInput)
    .mutation(({ ctx, input }) => cancelMessages(ctx.services, ctx.actor, input)),

  templates: procedure('messages.view').query(({ ctx }) =>
    listTemplates(ctx.services.db, ctx.user.companyId),
  ),
  saveTemplate: procedure('messages.manage')
    .input(templateSaveInput)
    .mutation(({ ctx, input }) => saveTemplate(ctx.services, ctx.actor, input)),
  resetTemplate: procedure('messages.manage')
    .input(z.object({ key: templateKeySchema }))
    .mutation(({ ctx, input }) => resetTemplate(ctx.services, ctx.actor, input.key)),
  /**
   * The editor's text filled in for a real customer as of today: the values come from
   * collections (what a reminder for them would say now), the company's own from messaging.
   */
  previewTemplate: procedure('messages.view')
    .input(templatePreviewInput)
    .query(async ({ ctx, input }) => {
      const { db } = ctx.services
      const companyId = ctx.user.companyId
      const customer = await previewCustomer(db, companyId, input.customerId)
      const company = await companyTemplateValues(db, companyId)
      const asOf = dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
      const values = customer
        ? {
            ...company,
            ...(await customerTemplateValues(
              db,
              companyId,
              customer.id,
              asOf,
              ctx.services.secrets,
            )),
          }
        : company
      return { customer, ...renderPreview(input.subject, input.body, values) }
    }),

  broadcastPreview: procedure('messages.view')
    .input(broadcastFilterSchema)
    .query(({ ctx, input }) => broadcastPreview(ctx.services.db, ctx.user.companyId, input)),
  broadcast: procedure('messages.manage')
    .input(broadcastInput)
    .mutation(({ ctx, input }) => sendBroadcast(ctx.services, ctx.actor, input)),
})
