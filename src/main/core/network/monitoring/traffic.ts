import { parseRouterBool } from '../routeros'
import type { NetworkDeps } from '../deps'
import { MONITOR_TIMEOUT_MS, withRouter } from './router-call'

export interface RouterInterface {
  id: string
  name: string
  type: string
  running: boolean
  disabled: boolean
  comment: string
}

/** The router's interfaces (`/interface/print`), running ones first. */
export async function interfaces(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
): Promise<RouterInterface[]> {
  const rows = await withRouter(deps, companyId, routerId, (api) =>
    api.run(
      '/interface/print',
      {},
      { proplist: ['.id', 'name', 'type', 'running', 'disabled', 'comment'] },
    ),
  )
  return rows
    .map((r) => ({
      id: r['.id'] ?? '',
      name: r.name ?? '',
      type: r.type ?? '',
      running: parseRouterBool(r.running),
      disabled: parseRouterBool(r.disabled),
      comment: r.comment ?? '',
    }))
    .sort((a, b) => Number(b.running) - Number(a.running))
}

export interface TrafficSample {
  interface: string
  /** ISO instant the sample was taken (the host's clock). */
  at: string
  /** Bits per second the router receives on the interface. */
  rxBps: number
  /** Bits per second the router sends out of the interface. */
  txBps: number
}

/** One reading of an interface's rate (`/interface/monitor-traffic =once=`). */
export async function trafficSample(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
  interfaceName: string,
): Promise<TrafficSample> {
  const [row] = await withRouter(deps, companyId, routerId, (api) =>
    api.run(
      '/interface/monitor-traffic',
      { interface: interfaceName, once: '' },
      {
        proplist: ['name', 'rx-bits-per-second', 'tx-bits-per-second'],
        timeoutMs: MONITOR_TIMEOUT_MS,
      },
    ),
  )
  const rate = (v: string | undefined) => {
    const n = Number(v ?? 0)
    return Number.isFinite(n) && n > 0 ? n : 0
  }
  return {
    interface: interfaceName,
    at: deps.clock.now().toISOString(),
    rxBps: rate(row?.['rx-bits-per-second']),
    txBps: rate(row?.['tx-bits-per-second']),
  }
}
