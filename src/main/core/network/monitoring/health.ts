import type { RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { loadRouter } from '../routers'
import { parseUptime, type RouterRow } from '../routeros'
import {
  activeRouters,
  MONITOR_TIMEOUT_MS,
  monitorError,
  onRouter,
  type MonitorError,
} from './router-call'

const RESOURCE_FIELDS = [
  'uptime',
  'version',
  'cpu-load',
  'free-memory',
  'total-memory',
  'board-name',
]

interface RouterLabel {
  routerId: number
  name: string
  host: string
}

export type RouterHealth =
  | (RouterLabel & {
      ok: true
      cpuLoad: number | null
      freeMemory: number | null
      totalMemory: number | null
      /** Used memory in percent of total, rounded; null when the router did not say. */
      memoryUsedPercent: number | null
      uptime: string
      uptimeSeconds: number | null
      version: string
      board: string
    })
  | (RouterLabel & { ok: false; error: MonitorError })

function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

export function healthOf(label: RouterLabel, r: RouterRow): RouterHealth {
  const free = num(r['free-memory'])
  const total = num(r['total-memory'])
  const seconds = parseUptime(r.uptime ?? '')
  return {
    ...label,
    ok: true,
    cpuLoad: num(r['cpu-load']),
    freeMemory: free,
    totalMemory: total,
    memoryUsedPercent:
      free !== null && total !== null && total > 0
        ? Math.round(((total - free) / total) * 100)
        : null,
    uptime: r.uptime ?? '',
    uptimeSeconds: Number.isNaN(seconds) ? null : Math.round(seconds),
    version: r.version ?? '',
    board: r['board-name'] ?? '',
  }
}

export async function oneHealth(deps: NetworkDeps, row: RouterDbRow): Promise<RouterHealth> {
  const label = { routerId: row.id, name: row.name, host: row.host }
  try {
    const [resource] = await onRouter(deps, row, (api) =>
      api.run(
        '/system/resource/print',
        {},
        { proplist: RESOURCE_FIELDS, timeoutMs: MONITOR_TIMEOUT_MS },
      ),
    )
    return healthOf(label, resource ?? {})
  } catch (error) {
    return { ...label, ok: false, error: monitorError(error, row) }
  }
}

/**
 * CPU, memory and uptime of one router, or of every active router of the company. A router that
 * does not answer is an entry with the reason; it never hides the others.
 */
export async function routerHealth(
  deps: NetworkDeps,
  companyId: number,
  routerId?: number,
): Promise<RouterHealth[]> {
  const rows =
    routerId === undefined
      ? await activeRouters(deps.db, companyId)
      : [await loadRouter(deps.db, companyId, routerId)]
  return Promise.all(rows.map((row) => oneHealth(deps, row)))
}
