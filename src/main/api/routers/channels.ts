import {
  linkWhatsapp,
  listChannels,
  sendTestMessage,
  setChannel,
  unlinkWhatsapp,
  whatsappLinkStatus,
} from '@core/messaging'
import { channelInput, channelTestInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

/**
 * The company's message channels (WhatsApp, e-mail). Saving only writes the database; "test" and
 * the WhatsApp Web link are the calls that reach a gateway during the request, because the admin
 * is waiting for exactly that answer.
 */
export const channelsRouter = router({
  list: procedure('messages.view').query(({ ctx }) =>
    listChannels(ctx.services, ctx.user.companyId),
  ),
  set: procedure('messages.manage')
    .input(channelInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await setChannel(ctx.services, ctx.actor, input)
      // Messages that waited for a channel can go now.
      ctx.services.onMessages?.()
      return saved
    }),
  test: procedure('messages.manage')
    .input(channelTestInput)
    .mutation(({ ctx, input }) => sendTestMessage(ctx.services, ctx.actor, input)),

  baileysStatus: procedure('messages.view').query(({ ctx }) => {
    const view = whatsappLinkStatus(ctx.services, ctx.user.companyId)
    // Whoever scans the QR links their phone: only those who may manage channels see it.
    return ctx.user.permissions.has('messages.manage') ? view : { ...view, qr: null }
  }),
  baileysLink: procedure('messages.manage').mutation(({ ctx }) =>
    linkWhatsapp(ctx.services, ctx.actor),
  ),
  baileysUnlink: procedure('messages.manage').mutation(async ({ ctx }) => {
    await unlinkWhatsapp(ctx.services, ctx.actor)
    return { ok: true as const }
  }),
})
