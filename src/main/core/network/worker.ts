import { dueDeviceJobs, settleDeviceJobs, type JobOutcome } from '../device-jobs'
import { writeTx, type DeviceJobRow, type RouterDbRow } from '../db'
import type { NetworkDeps } from './deps'
import { loadServiceNetworkRows } from './desired-state'
import { hotspotJobHandlers } from './hotspot'
import { coreJobHandlers, type DeviceJobHandler } from './job-handlers'
import { isPermanentRouterError, routerErrorText } from './router-errors'
import { rememberSeen, routerApi } from './routers'
import { RouterError } from './routeros'
import { SNAPSHOT_THRESHOLD, snapshotApi } from './snapshot-api'

export interface QueueRunOptions {
  companyId?: number
  routerId?: number
  /** Run jobs waiting for their next retry too ("apply pending router jobs now"). */
  ignoreBackoff?: boolean
  /** Jobs read and settled per transaction. */
  batchSize?: number
  /**
   * A person asked for it ("Terapkan sekarang", the CLI): each router gets a fresh connection,
   * so a router that was just fixed is tried now rather than after the connection's backoff.
   */
  freshConnections?: boolean
  handlers?: Record<string, DeviceJobHandler>
}

export interface QueueRunReport {
  applied: number
  failed: number
  /** Failed for now, retried later (router down); `failed` counts those given up too. */
  retrying: number
  jobs: {
    id: number
    kind: string
    router: string
    service: string | null
    ok: boolean
    error?: string
  }[]
}

/**
 * Applies due device jobs, router by router over each router's one persistent connection. The jobs
 * of a batch run concurrently, so the connection's window keeps commands in flight (pipelined)
 * instead of waiting for one reply at a time. Each job is idempotent: it applies the state the
 * database holds when it runs, so running it twice, or after a crash, changes nothing.
 */
export async function runDeviceQueue(
  deps: NetworkDeps,
  options: QueueRunOptions = {},
): Promise<QueueRunReport> {
  // Read at call time: the hotspot module imports this worker too (its "send now").
  const handlers = { ...coreJobHandlers, ...hotspotJobHandlers, ...options.handlers }
  const report: QueueRunReport = { applied: 0, failed: 0, retrying: 0, jobs: [] }
  const routers = new Map<number, RouterDbRow | null>()
  const fresh = new Set<number>()
  let afterId = 0
  for (;;) {
    const now = deps.clock.now()
    const batch = await dueDeviceJobs(deps.db, {
      companyId: options.companyId,
      routerId: options.routerId,
      now,
      ignoreBackoff: options.ignoreBackoff,
      limit: options.batchSize ?? 2000,
      afterId,
    })
    if (batch.length === 0) break
    afterId = batch[batch.length - 1]!.id
    if (options.freshConnections) {
      for (const id of new Set(batch.map((j) => j.router_id))) {
        if (fresh.has(id)) continue
        fresh.add(id)
        await deps.routers.close(String(id))
      }
    }
    const outcomes = await runBatch(deps, batch, routers, handlers)
    await writeTx(deps.db, (tx) => settleDeviceJobs(tx, outcomes, deps.clock.now()))
    const byId = new Map(batch.map((j) => [j.id, j]))
    for (const o of outcomes) {
      const job = byId.get(o.job.id)!
      if (o.ok) report.applied++
      else if (o.permanent) report.failed++
      else report.retrying++
      report.jobs.push({
        id: job.id,
        kind: job.kind,
        router: routers.get(job.router_id)?.name ?? String(job.router_id),
        service: (o.result as { sid?: string } | undefined)?.sid ?? null,
        ok: o.ok,
        ...(o.error ? { error: o.error } : {}),
      })
    }
  }
  return report
}

async function runBatch(
  deps: NetworkDeps,
  batch: DeviceJobRow[],
  routers: Map<number, RouterDbRow | null>,
  handlers: Record<string, DeviceJobHandler>,
): Promise<JobOutcome[]> {
  const byRouter = new Map<number, DeviceJobRow[]>()
  for (const job of batch) {
    const jobs = byRouter.get(job.router_id)
    if (jobs) jobs.push(job)
    else byRouter.set(job.router_id, [job])
  }
  const outcomes: JobOutcome[] = []
  for (const [routerId, jobs] of byRouter) {
    if (!routers.has(routerId)) {
      routers.set(
        routerId,
        (await deps.db
          .selectFrom('routers')
          .selectAll()
          .where('id', '=', routerId)
          .executeTakeFirst()) ?? null,
      )
    }
    const router = routers.get(routerId) ?? null
    if (!router || router.active !== 1) {
      for (const job of jobs)
        outcomes.push({
          job,
          ok: false,
          permanent: true,
          error: 'router nonaktif atau sudah dihapus',
        })
      continue
    }
    const serviceIds = jobs.flatMap((j) => (j.service_id === null ? [] : [j.service_id]))
    const services = new Map(
      (await loadServiceNetworkRows(deps, { companyId: router.company_id, serviceIds })).map(
        (s) => [s.id, s],
      ),
    )
    const direct = routerApi(deps, router)
    const syncs = jobs.filter((j) => j.kind === 'service.sync').length
    let api = direct
    if (syncs >= SNAPSHOT_THRESHOLD) {
      try {
        api = await snapshotApi(direct)
      } catch {
        // The router is unreachable or refused the read: each job meets (and records) the error.
      }
    }
    let reached = false
    let lastError: unknown = null
    const results = await Promise.all(
      jobs.map(async (job): Promise<JobOutcome> => {
        const handler = handlers[job.kind]
        if (!handler)
          return { job, ok: false, permanent: true, error: `unknown job kind ${job.kind}` }
        const service = job.service_id === null ? undefined : services.get(job.service_id)
        try {
          const result = await handler({ deps, api, router, job, service })
          reached = true
          return { job, ok: true, result: { ...(result as object), sid: service?.sid } }
        } catch (error) {
          if (error instanceof RouterError && error.kind === 'trap') reached = true
          lastError = error
          return {
            job,
            ok: false,
            permanent: isPermanentRouterError(error),
            error: routerErrorText(error),
            result: { sid: service?.sid },
          }
        }
      }),
    )
    outcomes.push(...results)
    await rememberSeen(deps, router.id, reached ? 'reached' : null, routerErrorText(lastError))
  }
  return outcomes
}
