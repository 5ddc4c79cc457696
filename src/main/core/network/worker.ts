import {
  dueDeviceJobs,
  routersWithDueJobs,
  settleDeviceJobs,
  type JobOutcome,
} from '../device-jobs'
import { writeTx, type DeviceJobRow, type RouterDbRow } from '../db'
import type { NetworkDeps } from './deps'
import { desiredState, loadServiceNetworkRows } from './desired-state'
import { hotspotJobHandlers } from './hotspot'
import { packageSpeedHandlers } from './package-speed'
import { coreJobHandlers, type DeviceJobHandler } from './job-handlers'
import { takeRouterTurn } from './queue-lease'
import { isPermanentRouterError, routerErrorText } from './router-errors'
import { rememberSeen, routerApi } from './routers'
import { RouterError, type RouterApi } from './routeros'
import { syncServices } from './sync-batch'

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
  /**
   * Wait for (and join) a runner already applying a router's jobs (default). The background
   * worker does not wait: it leaves a busy router for its next tick.
   */
  wait?: boolean
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
 * Applies due device jobs, router by router (routers in parallel, each over its one persistent
 * connection), one runner per router at a time: a run that finds the router's queue taken joins
 * or waits for the runner going (`wait: false` leaves it for the next tick instead). Service
 * changes go out in as few commands as RouterOS allows (sync-batch.ts); each job stays
 * idempotent: it applies the state the database holds when it runs, so running it twice, or after
 * a crash, changes nothing.
 */
export async function runDeviceQueue(
  deps: NetworkDeps,
  options: QueueRunOptions = {},
): Promise<QueueRunReport> {
  // Read at call time: the hotspot module imports this worker too (its "send now").
  const handlers = {
    ...coreJobHandlers,
    ...hotspotJobHandlers,
    ...packageSpeedHandlers,
    ...options.handlers,
  }
  const report = emptyReport()
  const routerIds = await routersWithDueJobs(deps.db, {
    companyId: options.companyId,
    routerId: options.routerId,
    now: deps.clock.now(),
    ignoreBackoff: options.ignoreBackoff,
  })
  const turns = await Promise.all(
    routerIds.map((id) =>
      takeRouterTurn(deps, id, options.wait ?? true, () =>
        drainRouter(deps, id, options, handlers),
      ),
    ),
  )
  for (const turn of turns) {
    if (!turn) continue
    for (const r of [...turn.joined, turn.value]) addReport(report, r)
  }
  return report
}

const emptyReport = (): QueueRunReport => ({ applied: 0, failed: 0, retrying: 0, jobs: [] })

function addReport(into: QueueRunReport, r: QueueRunReport): void {
  into.applied += r.applied
  into.failed += r.failed
  into.retrying += r.retrying
  into.jobs.push(...r.jobs)
}

/** Applies one router's due jobs, a batch at a time, each batch settled in one transaction. */
async function drainRouter(
  deps: NetworkDeps,
  routerId: number,
  options: QueueRunOptions,
  handlers: Record<string, DeviceJobHandler>,
): Promise<QueueRunReport> {
  const report = emptyReport()
  const router =
    (await deps.db
      .selectFrom('routers')
      .selectAll()
      .where('id', '=', routerId)
      .executeTakeFirst()) ?? null
  // A person asked: a router that was just fixed is tried now, not after the connection's
  // backoff. Safe here: this runner is the only one using the router's connection.
  if (options.freshConnections) await deps.routers.close(String(routerId))
  let afterId = 0
  let reached = false
  let lastError: unknown = null
  for (;;) {
    const batch = await dueDeviceJobs(deps.db, {
      companyId: options.companyId,
      routerId,
      now: deps.clock.now(),
      ignoreBackoff: options.ignoreBackoff,
      limit: options.batchSize ?? 5000,
      afterId,
    })
    if (batch.length === 0) break
    afterId = batch[batch.length - 1]!.id
    const outcomes =
      router && router.active === 1
        ? await runBatch(deps, router, batch, handlers)
        : batch.map((job): Outcome => ({
            job,
            ok: false,
            permanent: true,
            error: 'router nonaktif atau sudah dihapus',
          }))
    await writeTx(deps.db, (tx) => settleDeviceJobs(tx, outcomes, deps.clock.now()))
    for (const o of outcomes) {
      if (o.reached) reached = true
      if (!o.ok) lastError = o.cause ?? o.error
      if (o.ok) report.applied++
      else if (o.permanent) report.failed++
      else report.retrying++
      report.jobs.push({
        id: o.job.id,
        kind: o.job.kind,
        router: router?.name ?? String(routerId),
        service: o.sid ?? null,
        ok: o.ok,
        ...(o.error ? { error: o.error } : {}),
      })
    }
  }
  if (router && router.active === 1 && report.jobs.length > 0)
    await rememberSeen(deps, router.id, reached ? 'reached' : null, routerErrorText(lastError))
  return report
}

type Outcome = JobOutcome & {
  job: DeviceJobRow
  sid?: string
  /** The router answered (even with a refusal): it is up. */
  reached?: boolean
  cause?: unknown
}

async function runBatch(
  deps: NetworkDeps,
  router: RouterDbRow,
  batch: DeviceJobRow[],
  handlers: Record<string, DeviceJobHandler>,
): Promise<Outcome[]> {
  const serviceIds = batch.flatMap((j) => (j.service_id === null ? [] : [j.service_id]))
  const services = new Map(
    (await loadServiceNetworkRows(deps, { companyId: router.company_id, serviceIds })).map((s) => [
      s.id,
      s,
    ]),
  )
  const failure = (job: DeviceJobRow, error: unknown, sid?: string): Outcome => ({
    job,
    ok: false,
    permanent: isPermanentRouterError(error),
    error: routerErrorText(error),
    reached: error instanceof RouterError && error.kind === 'trap',
    cause: error,
    ...(sid ? { sid } : {}),
  })
  let api: RouterApi
  try {
    api = routerApi(deps, router)
  } catch (error) {
    // No password for this address (re-entered after a move, or another data dir's key): every
    // job says why, and none is tried against the router.
    return batch.map((job) => failure(job, error))
  }
  // Service syncs with the core handler go together, in as few commands as the router allows.
  const bulk = handlers['service.sync'] === coreJobHandlers['service.sync']
  const syncs = bulk ? batch.filter((j) => j.kind === 'service.sync') : []
  const synced = await syncServices(
    api,
    syncs.map((job) => {
      const service = job.service_id === null ? undefined : services.get(job.service_id)
      // Moved to another router since: that router has its own job; this one has nothing to do.
      const current = service && service.router_id === job.router_id
      return { id: job.id, state: current ? desiredState(service) : NOTHING }
    }),
  )
  return Promise.all(
    batch.map(async (job): Promise<Outcome> => {
      const service = job.service_id === null ? undefined : services.get(job.service_id)
      const sid = service?.sid
      const done = synced.get(job.id)
      if (done) {
        if (!done.ok) return failure(job, done.error, sid)
        return {
          job,
          ok: true,
          reached: true,
          result: { ...done.result, sid },
          ...(sid ? { sid } : {}),
        }
      }
      const handler = handlers[job.kind]
      if (!handler)
        return { job, ok: false, permanent: true, error: `unknown job kind ${job.kind}` }
      try {
        const result = await handler({ deps, api, router, job, service })
        return {
          job,
          ok: true,
          reached: true,
          result: { ...(result as object), sid },
          ...(sid ? { sid } : {}),
        }
      } catch (error) {
        return failure(job, error, sid)
      }
    }),
  )
}

const NOTHING = { kind: 'none', why: 'not_active' } as const
