import {
  activeRouters,
  monitorError,
  oneHealth,
  onlineCount,
  type MonitorError,
  type NetworkDeps,
} from '../network'

export interface RouterPanelRow {
  routerId: number
  name: string
  host: string
  /** Answered just now. */
  up: boolean
  cpuLoad: number | null
  memoryUsedPercent: number | null
  /** PPPoE sessions up now (`/ppp/active`); null when the router did not answer that. */
  pppoeOnline: number | null
  /** Why the router did not answer now. */
  error: MonitorError | null
  /** What the app last recorded: the last successful contact and the last failure's text. */
  lastSeenAt: string | null
  lastError: string | null
  pendingJobs: number
  failedJobs: number
}

/**
 * The router panel: CPU, memory and PPPoE online are not stored anywhere, so each is read from
 * the router now (the same reads as Jaringan → Monitoring), in parallel, each bounded by the
 * monitoring timeout; a router that does not answer is shown down with the reason and with what
 * the app last recorded about it. The queue's counts come from the database.
 */
export async function routerPanel(deps: NetworkDeps, companyId: number): Promise<RouterPanelRow[]> {
  const [rows, jobs] = await Promise.all([
    activeRouters(deps.db, companyId),
    deps.db
      .selectFrom('device_jobs')
      .select((eb) => ['router_id', 'status', eb.fn.countAll<number>().as('n')])
      .where('company_id', '=', companyId)
      .where('status', 'in', ['pending', 'failed'])
      .groupBy(['router_id', 'status'])
      .execute(),
  ])
  const jobsOf = (id: number, status: string) =>
    Number(jobs.find((j) => j.router_id === id && j.status === status)?.n ?? 0)
  return Promise.all(
    rows.map(async (row): Promise<RouterPanelRow> => {
      const health = await oneHealth(deps, row)
      let online: number | null = null
      let error: MonitorError | null = health.ok ? null : health.error
      if (health.ok) {
        try {
          online = await onlineCount(deps, row)
        } catch (e) {
          error = monitorError(e, row)
        }
      }
      return {
        routerId: row.id,
        name: row.name,
        host: row.host,
        up: health.ok,
        cpuLoad: health.ok ? health.cpuLoad : null,
        memoryUsedPercent: health.ok ? health.memoryUsedPercent : null,
        pppoeOnline: online,
        error,
        lastSeenAt: row.last_seen_at,
        lastError: row.last_error,
        pendingJobs: jobsOf(row.id, 'pending'),
        failedJobs: jobsOf(row.id, 'failed'),
      }
    }),
  )
}
