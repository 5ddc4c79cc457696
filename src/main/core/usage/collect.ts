import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { companyTimeZone } from '../companies'
import { writeTx, type Database, type RouterDbRow } from '../db'
import type { JobContext, JobCounts } from '../deps'
import { checkFup, type FupDeps } from './fup'
import {
  activeRouters,
  queueName,
  routerApi,
  routerAppError,
  type NetworkDeps,
  type RouterRow,
} from '../network'

/** The dynamic interface RouterOS gives a PPPoE session: `<pppoe-budi>`. */
export const pppoeInterfaceName = (login: string) => `<pppoe-${login}>`

/** A counter as read from the router, from the customer's side. */
export interface CounterReading {
  /** The router's id of the interface or queue: a new session has a new one. */
  key: string
  uploadBytes: number
  downloadBytes: number
}

/** The counter stored from the previous collection. */
export interface StoredCounter {
  key: string
  uploadBytes: number
  downloadBytes: number
}

/**
 * The bytes moved since the previous reading. The same counter that grew: the difference. A new
 * session (another interface id) or a counter that went back (reset, router reboot): its
 * counters started again from 0 after the previous reading, so all of it is new. The first
 * reading of a service only sets the starting point: the counter may hold days of traffic from
 * before Loket watched it.
 */
export function counterDelta(
  previous: StoredCounter | undefined,
  now: CounterReading,
): { uploadBytes: number; downloadBytes: number } {
  if (!previous) return { uploadBytes: 0, downloadBytes: 0 }
  const restarted =
    previous.key !== now.key ||
    now.uploadBytes < previous.uploadBytes ||
    now.downloadBytes < previous.downloadBytes
  if (restarted) return { uploadBytes: now.uploadBytes, downloadBytes: now.downloadBytes }
  return {
    uploadBytes: now.uploadBytes - previous.uploadBytes,
    downloadBytes: now.downloadBytes - previous.downloadBytes,
  }
}

interface CollectedService {
  serviceId: number
  /** PPPoE services are read on their session's interface, static ones on their queue. */
  source: 'pppoe' | 'queue'
  /** The interface or queue name that belongs to the service. */
  counterName: string
}

/**
 * The router's services that move traffic, not terminated: a PPPoE package's on its login, a
 * static or dedicated one's on the queue Loket keeps for it (as the desired state puts them).
 */
async function servicesOnRouter(
  db: Kysely<Database>,
  companyId: number,
  routerId: number,
): Promise<CollectedService[]> {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.sid', 's.pppoe_username', 's.static_ip', 'p.service_type'])
    .where('s.company_id', '=', companyId)
    .where('s.router_id', '=', routerId)
    .where('s.status', '!=', 'putus')
    .orderBy('s.id')
    .execute()
  const out: CollectedService[] = []
  for (const r of rows) {
    if (r.service_type === 'pppoe' && r.pppoe_username)
      out.push({
        serviceId: r.id,
        source: 'pppoe',
        counterName: pppoeInterfaceName(r.pppoe_username),
      })
    else if ((r.service_type === 'static_ip' || r.service_type === 'dedicated') && r.static_ip)
      out.push({ serviceId: r.id, source: 'queue', counterName: queueName(r.sid) })
  }
  return out
}

const bytes = (v: string | undefined): number => {
  const n = Number(v ?? 0)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/**
 * Every counter of the router in one print per kind: PPPoE sessions' dynamic interfaces
 * (`rx-byte` is what the router received: the customer's upload) and simple queues
 * (`bytes=upload/download`). Never a print per customer.
 */
async function readCounters(
  deps: NetworkDeps,
  router: RouterDbRow,
  kinds: Set<CollectedService['source']>,
): Promise<Map<string, CounterReading>> {
  const api = routerApi(deps, router)
  const out = new Map<string, CounterReading>()
  const put = (row: RouterRow, reading: Omit<CounterReading, 'key'>) => {
    if (row.name && row['.id']) out.set(row.name, { key: row['.id'], ...reading })
  }
  try {
    const [interfaces, queues] = await Promise.all([
      kinds.has('pppoe')
        ? api.run(
            '/interface/print',
            {},
            { where: { type: 'pppoe-in' }, proplist: ['.id', 'name', 'rx-byte', 'tx-byte'] },
          )
        : [],
      kinds.has('queue')
        ? api.run('/queue/simple/print', {}, { proplist: ['.id', 'name', 'bytes'] })
        : [],
    ])
    for (const row of interfaces)
      put(row, { uploadBytes: bytes(row['rx-byte']), downloadBytes: bytes(row['tx-byte']) })
    for (const row of queues) {
      const [up, down] = (row.bytes ?? '').split('/')
      put(row, { uploadBytes: bytes(up), downloadBytes: bytes(down) })
    }
  } catch (error) {
    throw routerAppError(error, router)
  }
  return out
}

export interface RouterCollection {
  routerId: number
  router: string
  /** Services whose counter was found (online sessions, queues present). */
  read: number
  /** Services with no counter on the router now (offline, or the queue is missing). */
  offline: number
  uploadBytes: number
  downloadBytes: number
  day: string
  ms: number
}

/** Rows per multi-row statement: well under both engines' bound-parameter limits. */
const CHUNK = 500

/**
 * Reads one router's counters (one print per kind) and adds what moved since the previous
 * collection to each service's day. The router is read before the transaction opens.
 */
export async function collectRouterUsage(
  deps: NetworkDeps,
  companyId: number,
  router: RouterDbRow,
): Promise<RouterCollection> {
  const started = Date.now()
  const services = await servicesOnRouter(deps.db, companyId, router.id)
  const readings =
    services.length === 0
      ? new Map<string, CounterReading>()
      : await readCounters(deps, router, new Set(services.map((s) => s.source)))
  const now = deps.clock.now()
  const at = now.toISOString()
  const day = dateInZone(now, await companyTimeZone(deps, companyId))
  const seen = services.flatMap((s) => {
    const reading = readings.get(s.counterName)
    return reading ? [{ serviceId: s.serviceId, reading }] : []
  })
  const totals = { uploadBytes: 0, downloadBytes: 0 }
  await writeTx(deps.db, async (tx) => {
    const stored = new Map<number, StoredCounter>()
    for (let i = 0; i < seen.length; i += CHUNK) {
      const ids = seen.slice(i, i + CHUNK).map((s) => s.serviceId)
      const rows = await tx
        .selectFrom('usage_counters')
        .select(['service_id', 'counter_key', 'upload_bytes', 'download_bytes'])
        .where('service_id', 'in', ids)
        .execute()
      for (const r of rows)
        stored.set(r.service_id, {
          key: r.counter_key,
          uploadBytes: Number(r.upload_bytes),
          downloadBytes: Number(r.download_bytes),
        })
    }
    const daily: {
      service_id: number
      day: string
      company_id: number
      upload_bytes: number
      download_bytes: number
    }[] = []
    for (const s of seen) {
      const d = counterDelta(stored.get(s.serviceId), s.reading)
      if (d.uploadBytes === 0 && d.downloadBytes === 0) continue
      totals.uploadBytes += d.uploadBytes
      totals.downloadBytes += d.downloadBytes
      daily.push({
        service_id: s.serviceId,
        day,
        company_id: companyId,
        upload_bytes: d.uploadBytes,
        download_bytes: d.downloadBytes,
      })
    }
    for (let i = 0; i < daily.length; i += CHUNK) {
      await tx
        .insertInto('usage_daily')
        .values(daily.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['service_id', 'day']).doUpdateSet((eb) => ({
            upload_bytes: eb('usage_daily.upload_bytes', '+', eb.ref('excluded.upload_bytes')),
            download_bytes: eb(
              'usage_daily.download_bytes',
              '+',
              eb.ref('excluded.download_bytes'),
            ),
          })),
        )
        .execute()
    }
    for (let i = 0; i < seen.length; i += CHUNK) {
      await tx
        .insertInto('usage_counters')
        .values(
          seen.slice(i, i + CHUNK).map((s) => ({
            service_id: s.serviceId,
            company_id: companyId,
            router_id: router.id,
            counter_key: s.reading.key,
            upload_bytes: s.reading.uploadBytes,
            download_bytes: s.reading.downloadBytes,
            read_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.column('service_id').doUpdateSet((eb) => ({
            router_id: eb.ref('excluded.router_id'),
            counter_key: eb.ref('excluded.counter_key'),
            upload_bytes: eb.ref('excluded.upload_bytes'),
            download_bytes: eb.ref('excluded.download_bytes'),
            read_at: eb.ref('excluded.read_at'),
          })),
        )
        .execute()
    }
  })
  return {
    routerId: router.id,
    router: router.name,
    read: seen.length,
    offline: services.length - seen.length,
    ...totals,
    day,
    ms: Date.now() - started,
  }
}

export interface CollectionProblem {
  router: string
  error: string
}

export interface UsageCollection {
  routers: RouterCollection[]
  problems: CollectionProblem[]
}

/**
 * Collects every active router of the company, one after the other: a router that does not
 * answer costs its timeout and is reported; the others are still collected.
 */
export async function collectUsage(deps: NetworkDeps, companyId: number): Promise<UsageCollection> {
  const out: UsageCollection = { routers: [], problems: [] }
  for (const router of await activeRouters(deps.db, companyId)) {
    try {
      out.routers.push(await collectRouterUsage(deps, companyId, router))
    } catch (error) {
      out.problems.push({
        router: router.name,
        error: error instanceof AppError ? error.code : String(error),
      })
    }
  }
  return out
}

/**
 * The `usage-collect` job, then the FUP check on what it stored (fup.ts: 80 % / 100 % messages,
 * throttles, and at the first run of a new period the restores). Fails only when no router
 * answered, so one dead POP does not hide the others' usage.
 */
export async function runUsageCollect(
  deps: NetworkDeps & FupDeps,
  ctx: JobContext,
): Promise<{ counts: JobCounts; detail: Record<string, unknown> }> {
  const r = await collectUsage(deps, ctx.companyId)
  const fup = await checkFup(deps, ctx.actor)
  const counts: JobCounts = {
    routers: r.routers.length + r.problems.length,
    services: r.routers.reduce((n, x) => n + x.read, 0),
    unreachable: r.problems.length,
    fup_warned: fup.warned,
    fup_throttled: fup.throttled,
    fup_restored: fup.restored,
  }
  if (r.routers.length === 0 && r.problems.length > 0)
    throw new Error(r.problems.map((p) => `${p.router}: ${p.error}`).join('; '))
  return { counts, detail: { problems: r.problems } }
}
