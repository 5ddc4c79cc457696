import { completeSetup, needsSetup } from '@core/companies'
import { setupInput } from '@shared/schemas'
import { isLocalCaller, DESKTOP_IP, type ApiContext } from '../context'
import { publicProcedure, router } from '../trpc'

/**
 * A fresh host the LAN can reach is set up from another PC only with the one-time code shown on
 * the host (DESIGN.md, Security); the host PC itself needs none.
 */
const codeRequired = (ctx: ApiContext) => !!ctx.services.setupCode && !isLocalCaller(ctx.caller)

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => {
    const needed = await needsSetup(ctx.services)
    return {
      needsSetup: needed,
      setupCodeRequired: needed && codeRequired(ctx),
      // Only the desktop window shows the code (for the owner to type on another PC): a browser,
      // even on this PC, might be a rebound foreign page reading it.
      setupCode:
        needed && ctx.caller.ip === DESKTOP_IP ? (ctx.services.setupCode?.display ?? null) : null,
    }
  }),
  /** Public by necessity (there is no user yet); refused for good once a company exists. */
  complete: publicProcedure.input(setupInput).mutation(async ({ ctx, input }) => {
    const { setupCode, ...data } = input
    // Asked only while setup is still open: afterwards the answer is SETUP_ALREADY_DONE.
    if (codeRequired(ctx) && (await needsSetup(ctx.services))) {
      ctx.services.setupCode!.verify(setupCode)
    }
    const result = await completeSetup(ctx.services, data, {
      ip: ctx.caller.ip,
      userAgent: ctx.caller.userAgent,
      createSession: true,
    })
    ctx.services.setupCode?.spend()
    return { token: result.token! }
  }),
})
