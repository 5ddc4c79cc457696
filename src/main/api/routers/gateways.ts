import { z } from 'zod'
import {
  approveHeldPayment,
  listGatewaySettings,
  listGatewayTransactions,
  pollGateways,
  rejectHeldPayment,
  saveGatewaySettings,
  testGateway,
} from '@core/gateways'
import {
  gatewayNameSchema,
  gatewayReviewInput,
  gatewaySettingsInput,
  gatewayTransactionsQuery,
} from '@shared/schemas'
import { procedure, router } from '../trpc'
import { timeZoneOf } from '../time-zone'

/**
 * Pembayaran online (issue 17): the gateways' settings (keys are written, never read back),
 * "Tes koneksi", the online transactions and the review of held payments. The portal's own
 * procedures (channels, pay, state) live with the portal.
 */
export const gatewaysRouter = router({
  settings: procedure('gateways.manage').query(({ ctx }) =>
    listGatewaySettings(ctx.services, ctx.user.companyId),
  ),
  save: procedure('gateways.manage')
    .input(gatewaySettingsInput)
    .mutation(({ ctx, input }) => saveGatewaySettings(ctx.services, ctx.actor, input)),
  /** Loads the channels with the saved keys: the gateway answers while the admin waits. */
  test: procedure('gateways.manage')
    .input(z.object({ gateway: gatewayNameSchema }))
    .mutation(({ ctx, input }) => testGateway(ctx.services, ctx.user.companyId, input.gateway)),
  /** "Cek sekarang": one polling pass now, as the schedule's gateway-poll job does. */
  poll: procedure('gateways.manage').mutation(({ ctx }) =>
    pollGateways(ctx.services, ctx.user.companyId),
  ),
  transactions: procedure(['payments.gateway_review', 'gateways.manage'])
    .input(gatewayTransactionsQuery)
    .query(({ ctx, input }) => listGatewayTransactions(ctx.services, ctx.user.companyId, input)),
  approve: procedure('payments.gateway_review')
    .input(gatewayReviewInput)
    .mutation(async ({ ctx, input }) =>
      approveHeldPayment(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  reject: procedure('payments.gateway_review')
    .input(gatewayReviewInput)
    .mutation(async ({ ctx, input }) => {
      await rejectHeldPayment(ctx.services, ctx.actor, input)
      return { ok: true as const }
    }),
})
