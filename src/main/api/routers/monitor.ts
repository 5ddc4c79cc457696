import {
  customerSessions,
  interfaces,
  isolirLandingInfo as landingInfo,
  kickSession,
  onlineSessions,
  routerHealth,
  trafficSample,
} from '@core/network'
import { idSchema } from '@shared/schemas'
import { z } from 'zod'
import type { ApiServices } from '../context'
import { procedure, router } from '../trpc'

const routerOnly = z.object({ routerId: idSchema })
/** RouterOS names and ids: anything but control characters, as the router itself accepts. */
const routerText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(max, { message: 'validation.too_long' })
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f]+$/, { message: 'validation.invalid' })

/**
 * Monitoring: who is online, how the routers are doing, live traffic. Reads talk to the router
 * inside the request (that is the point of them); the kick is an operator's direct action.
 */
export const monitorRouter = router({
  sessions: procedure('network.view')
    .input(routerOnly)
    .query(({ ctx, input }) => onlineSessions(ctx.services, ctx.user.companyId, input.routerId)),
  /** The troubleshooting screen: each PPPoE service of a customer, read live (short wait). */
  customerSessions: procedure(['network.view', 'customers.view'])
    .input(z.object({ customerId: idSchema }))
    .query(({ ctx, input }) =>
      customerSessions(ctx.services, ctx.user.companyId, input.customerId),
    ),
  kick: procedure(['network.manage', 'isolir.manage'])
    .input(
      z.union([
        routerOnly.extend({ sessionId: z.string().regex(/^\*[0-9A-Fa-f]{1,16}$/) }),
        routerOnly.extend({ name: routerText(64) }),
      ]),
    )
    .mutation(({ ctx, input }) =>
      kickSession(
        ctx.services,
        ctx.actor,
        input.routerId,
        'sessionId' in input ? { sessionId: input.sessionId } : { name: input.name },
      ),
    ),
  health: procedure('network.view')
    .input(z.object({ routerId: idSchema.optional() }))
    .query(({ ctx, input }) => routerHealth(ctx.services, ctx.user.companyId, input.routerId)),
  interfaces: procedure('network.view')
    .input(routerOnly)
    .query(({ ctx, input }) => interfaces(ctx.services, ctx.user.companyId, input.routerId)),
  traffic: procedure('network.view')
    .input(routerOnly.extend({ interface: routerText(128) }))
    .query(({ ctx, input }) =>
      trafficSample(ctx.services, ctx.user.companyId, input.routerId, input.interface),
    ),
})

/** For the host's public isolir landing page (no session): who to call and where to pay. */
export function isolirLandingInfo(services: Pick<ApiServices, 'db'>) {
  return landingInfo(services.db)
}
