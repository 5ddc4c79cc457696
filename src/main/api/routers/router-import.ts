import { commitRouterImport, previewRouterImport } from '@core/network'
import { idSchema } from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

const importInput = z.object({
  routerId: idSchema,
  areaId: idSchema.nullable().default(null),
  isolirProductId: idSchema.nullable().default(null),
  hotspot: z.boolean().default(true),
})

/** Moving onto Loket from a router (Mikhmon, a spreadsheet): read, preview, then create. */
export const routerImportRouter = router({
  preview: procedure('network.manage')
    .input(importInput)
    .mutation(({ ctx, input }) =>
      previewRouterImport(ctx.services, ctx.user.companyId, input.routerId, input),
    ),
  commit: procedure('network.manage')
    .input(importInput)
    .mutation(async ({ ctx, input }) =>
      commitRouterImport(ctx.services, ctx.actor, input.routerId, input, await timeZoneOf(ctx)),
    ),
})
