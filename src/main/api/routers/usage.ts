import { customerUsage, usageReport } from '@core/usage'
import { dateInZone } from '@shared/dates'
import { idSchema, periodSchema } from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** This month in the company's time zone: what the customer page shows by default. */
async function thisMonth(
  ctx: Parameters<typeof timeZoneOf>[0] & { services: { clock: { now(): Date } } },
): Promise<string> {
  return dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx)).slice(0, 7)
}

/** Data usage collected from the routers (issue 18): the Laporan tab and the customer page. */
export const usageRouter = router({
  report: procedure('reports.view')
    .input(z.object({ period: periodSchema }))
    .query(({ ctx, input }) => usageReport(ctx.services.db, ctx.user.companyId, input.period)),
  customer: procedure('customers.view')
    .input(z.object({ customerId: idSchema, period: periodSchema.optional() }))
    .query(async ({ ctx, input }) =>
      customerUsage(
        ctx.services.db,
        ctx.user.companyId,
        input.customerId,
        input.period ?? (await thisMonth(ctx)),
      ),
    ),
})
