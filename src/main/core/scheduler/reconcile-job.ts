import type { AutopilotDeps } from '../collections'
import type { JobContext, JobCounts } from '../deps'
import { listRouters, reconcileRouter, routerErrorText } from '../network'
import { notify } from '../notifications'
import { writeTx } from '../db'
import type { JobOutcome } from './registry'

/**
 * Compares every active router with the database and records how far they differ, and tells
 * the office when they do. It never fixes anything: choosing a side is a person's decision
 * (the reconciliation tab). A router that cannot be read is counted; only when none can be read
 * does the run fail, so a dead POP does not hide the others' differences.
 */
export async function runReconcileJob(deps: AutopilotDeps, ctx: JobContext): Promise<JobOutcome> {
  const routers = (await listRouters(deps.db, ctx.companyId)).filter((r) => r.active)
  const counts: JobCounts = { routers: routers.length, differences: 0, unreachable: 0 }
  const problems: string[] = []
  for (const router of routers) {
    try {
      const report = await reconcileRouter(deps, ctx.companyId, router.id)
      counts.differences! += report.differences.length
      for (const [kind, n] of Object.entries(report.counts)) {
        if (n > 0) counts[kind] = (counts[kind] ?? 0) + n
      }
    } catch (error) {
      counts.unreachable! += 1
      problems.push(`${router.name}: ${routerErrorText(error)}`)
    }
  }
  if (routers.length > 0 && counts.unreachable === routers.length) {
    throw new Error(problems.join('; '))
  }
  if (counts.differences! > 0) {
    await writeTx(deps.db, (tx) =>
      notify(
        tx,
        ctx.companyId,
        [
          {
            kind: 'reconcile_differences',
            params: { count: counts.differences!, date: ctx.asOf },
            link: '/network?tab=reconcile',
            permission: 'network.view',
            dedupeKey: `reconcile_differences:${ctx.asOf}`,
          },
        ],
        deps.clock.now().toISOString(),
      ),
    )
  }
  return { counts }
}
