import type { Kysely } from 'kysely'
import type { Database } from '../db'
import { enqueueDeviceJobs, queueServiceSyncs } from './queue'

const LIVE = ['aktif', 'isolir', 'putus']

/**
 * A package's speed changed: one `package.speed` job per router that serves its customers (the
 * job sets the profile, or the package's queues on that router, however many customers there
 * are). A renamed profile also moves each service's secret to it, so those services sync too.
 * Returns how many router jobs were queued.
 */
export async function queuePackageSpeed(
  tx: Kysely<Database>,
  product: { id: number; company_id: number },
  change: { speed: boolean; profileRenamed: boolean },
  context: { reason: string; by: string | null },
  now: Date,
): Promise<number> {
  const services = await tx
    .selectFrom('services')
    .select(['id', 'company_id', 'router_id'])
    .where('product_id', '=', product.id)
    .where('company_id', '=', product.company_id)
    .where('status', 'in', LIVE)
    .where('router_id', 'is not', null)
    .execute()
  const routers = [...new Set(services.map((s) => s.router_id!))].sort((a, b) => a - b)
  if (change.speed)
    await enqueueDeviceJobs(
      tx,
      routers.map((routerId) => ({
        companyId: product.company_id,
        routerId,
        kind: 'package.speed',
        target: String(product.id),
        ...context,
      })),
      now,
    )
  if (change.profileRenamed) await queueServiceSyncs(tx, services, context, now)
  return change.speed ? routers.length : 0
}
