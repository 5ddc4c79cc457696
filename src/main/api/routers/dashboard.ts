import {
  CHART_RANGES,
  dashboardAccess,
  dashboardSummary,
  paymentsChart,
  routerPanel,
} from '@core/dashboard'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

type Ctx = Parameters<typeof timeZoneOf>[0] & { services: { clock: { now(): Date } } }

async function today(ctx: Ctx) {
  return dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
}

/**
 * Dasbor: the figures of the day. Each part is computed and sent only when the signed-in role
 * may open the list behind it (core/dashboard/access.ts); the rest is simply absent.
 */
export const dashboardRouter = router({
  summary: procedure('dashboard.view').query(async ({ ctx }) => {
    const day = await today(ctx)
    return dashboardSummary(ctx.services.db, ctx.user.companyId, {
      asOf: day,
      today: day,
      timeZone: await timeZoneOf(ctx),
      userId: ctx.user.userId,
      access: dashboardAccess(ctx.user.permissions),
    })
  }),
  /** "Grafik Pembayaran": every kept payment of the company, so only for who may see them all. */
  payments: procedure('dashboard.view')
    .input(z.object({ range: z.enum(CHART_RANGES).default('month') }))
    .query(async ({ ctx, input }) => {
      if (!dashboardAccess(ctx.user.permissions).parts.has('paymentsChart')) {
        throw new AppError('FORBIDDEN', 'missing permission billing.view or reports.view', {
          permission: 'billing.view|reports.view',
        })
      }
      return paymentsChart(ctx.services.db, ctx.user.companyId, input.range, await today(ctx))
    }),
  /** Per router: CPU, memory and PPPoE online read now, with what the app last recorded. */
  routers: procedure('network.view').query(({ ctx }) =>
    routerPanel(ctx.services, ctx.user.companyId),
  ),
})
