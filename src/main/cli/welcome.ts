import type { Actor } from '../core/audit'
import { queueWelcomeMessages } from '../core/collections'
import type { CoreDeps } from '../core/deps'

/**
 * The "selamat datang" messages of services an import made active. The CLI only queues them
 * (the host's sender sends them); the import stands whatever happens here, so a failure is told
 * on stderr and the command still succeeds.
 */
export async function welcomeFirstServices(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  serviceIds: number[],
  timeZone: string,
): Promise<void> {
  if (serviceIds.length === 0) return
  try {
    await queueWelcomeMessages(deps, actor, serviceIds, timeZone)
  } catch (error) {
    console.error('Pesan selamat datang tidak masuk antrean:', error)
  }
}
