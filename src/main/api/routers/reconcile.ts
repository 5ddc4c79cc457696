import { fixDifference, reconcileRouter as compare } from '@core/network'
import { idSchema } from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { welcomeFirstServices } from '@core/collections'
import { procedure, router } from '../trpc'

/** Router against database, and the one-click fixes (each reads the router again first). */
export const reconcileRouter = router({
  compare: procedure('network.view')
    .input(z.object({ routerId: idSchema }))
    .query(({ ctx, input }) => compare(ctx.services, ctx.user.companyId, input.routerId)),
  fix: procedure('network.manage')
    .input(
      z.object({
        routerId: idSchema,
        key: z.string().trim().min(1).max(200),
        direction: z.enum(['to_router', 'to_loket']),
        areaId: idSchema.nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const { activatedServiceIds, ...fixed } = await fixDifference(
        ctx.services,
        ctx.actor,
        input,
        timeZone,
      )
      await welcomeFirstServices(ctx.services, ctx.actor, activatedServiceIds, timeZone)
      return fixed
    }),
})
