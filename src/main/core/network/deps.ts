import type { CoreDeps } from '../deps'
import type { RouterPool } from './routeros'

/** What network code needs beyond the core: the pool holding one persistent connection per router. */
export interface NetworkDeps extends CoreDeps {
  routers: RouterPool
  /** Told when jobs were queued, so the host's worker wakes up instead of waiting for its tick. */
  onDeviceJobs?: () => void
}
