import type { Actor } from '@core/audit'
import { queueWelcomeMessages } from '@core/collections'
import type { ApiServices } from './context'

/**
 * The "selamat datang" message after services became active for the first time (one by one, a
 * status change, a spreadsheet or router import). The change stands whatever happens here; a
 * failure is logged, and the customer can still be told by hand.
 */
export async function welcomeFirstServices(
  services: ApiServices,
  actor: Actor & { companyId: number },
  serviceIds: number[],
  timeZone: string,
): Promise<void> {
  if (serviceIds.length === 0) return
  try {
    await queueWelcomeMessages(services, actor, serviceIds, timeZone)
  } catch (error) {
    console.error('welcome message:', error)
  }
}
