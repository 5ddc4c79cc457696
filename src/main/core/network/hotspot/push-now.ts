import { appendAudit } from '../../audit'
import { writeTx } from '../../db'
import type { NetworkDeps } from '../deps'
import { runDeviceQueue } from '../worker'
import { loadBatch } from './batches'
import type { CompanyActor } from './profiles'

/**
 * "Kirim sekarang" on a batch: gives the batch's failed jobs another try and runs the router's
 * queue now instead of waiting for the worker's next tick (the router is answering again, or a
 * person just fixed it). The work itself still goes through the queue and its handlers.
 */
export async function pushBatchNow(deps: NetworkDeps, actor: CompanyActor, batchId: number) {
  const batch = await loadBatch(deps.db, actor.companyId, batchId)
  const now = deps.clock.now().toISOString()
  await writeTx(deps.db, async (tx) => {
    const rearmed = await tx
      .updateTable('device_jobs')
      .set({
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        updated_at: now,
      })
      .where('company_id', '=', actor.companyId)
      .where('status', '=', 'failed')
      .where((eb) =>
        eb.or([
          eb.and([eb('kind', '=', 'hotspot.push'), eb('target', '=', String(batch.id))]),
          eb.and([eb('kind', '=', 'hotspot.disable'), eb('target', '=', `batch:${batch.id}`)]),
        ]),
      )
      .executeTakeFirst()
    const count = Number(rearmed.numUpdatedRows)
    if (count > 0) {
      await appendAudit(tx, deps.clock, actor, {
        action: 'device_jobs.retry',
        entityType: 'hotspot_batch',
        entityId: batch.id,
        after: { count },
      })
    }
  })
  const report = await runDeviceQueue(deps, {
    companyId: actor.companyId,
    routerId: batch.router_id,
    ignoreBackoff: true,
    freshConnections: true,
  })
  return { applied: report.applied, failed: report.failed, retrying: report.retrying }
}
