import type { DeviceJobRow, RouterDbRow } from '../db'
import { applyDesiredState, disableSecret } from './apply-state'
import type { NetworkDeps } from './deps'
import { desiredState, type ServiceNetworkRow } from './desired-state'
import type { RouterApi } from './routeros'

export interface DeviceJobContext {
  deps: NetworkDeps
  api: RouterApi
  router: RouterDbRow
  job: DeviceJobRow
  /** Loaded for the whole batch in one query (service jobs only). */
  service: ServiceNetworkRow | undefined
}

/** Applies one job on its router; what it returns is kept as the job's result. */
export type DeviceJobHandler = (ctx: DeviceJobContext) => Promise<unknown>

export const coreJobHandlers: Record<string, DeviceJobHandler> = {
  'service.sync': async ({ api, service, job }) => {
    // Moved to another router since: that router has its own job; this one has nothing to do.
    if (!service || service.router_id !== job.router_id) return { action: 'skipped' }
    return applyDesiredState(api, desiredState(service))
  },
  'secret.disable': async ({ api, job }) => disableSecret(api, job.target),
}
