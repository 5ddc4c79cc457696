import { commitRouterImport, previewRouterImport } from '@core/network'
import { routerImportInput } from '@shared/schemas'
import { timeZoneOf } from '../time-zone'
import { welcomeFirstServices } from '@core/collections'
import { procedure, router } from '../trpc'

/** Moving onto Loket from a router (Mikhmon, a spreadsheet): read, preview, then create. */
export const routerImportRouter = router({
  preview: procedure('network.manage')
    .input(routerImportInput)
    .mutation(async ({ ctx, input }) => {
      const { activatedServiceIds: _ids, ...summary } = await previewRouterImport(
        ctx.services,
        ctx.user.companyId,
        input.routerId,
        input,
      )
      return summary
    }),
  commit: procedure('network.manage')
    .input(routerImportInput)
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const { activatedServiceIds, ...summary } = await commitRouterImport(
        ctx.services,
        ctx.actor,
        input.routerId,
        input,
        timeZone,
      )
      await welcomeFirstServices(ctx.services, ctx.actor, activatedServiceIds, timeZone)
      return summary
    }),
})
