import { companyTimeZone } from '@core/companies'
import type { ApiServices } from './context'

/** The signed-in user's company time zone, for procedures that need today's date. */
export function timeZoneOf(ctx: {
  services: ApiServices
  user: { companyId: number }
}): Promise<string> {
  return companyTimeZone(ctx.services, ctx.user.companyId)
}
