import { completeSetup, needsSetup } from '@core/companies'
import { setupInput } from '@shared/schemas'
import { publicProcedure, router } from '../trpc'

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: await needsSetup(ctx.services),
  })),
  /** Public by necessity (there is no user yet); refused for good once a company exists. */
  complete: publicProcedure.input(setupInput).mutation(async ({ ctx, input }) => {
    const result = await completeSetup(ctx.services, input, {
      ip: ctx.caller.ip,
      userAgent: ctx.caller.userAgent,
      createSession: true,
    })
    return { token: result.token! }
  }),
})
