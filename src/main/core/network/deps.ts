import type { CoreDeps } from '../deps'
import type { SecretBox } from '../secrets'
import type { RouterPool } from './routeros'

/** What network code needs beyond the database and clock: the key for router passwords, and the
 * pool holding one persistent connection per router. */
export interface NetworkDeps extends CoreDeps {
  secrets: SecretBox
  routers: RouterPool
  /** Told when jobs were queued, so the host's worker wakes up instead of waiting for its tick. */
  onDeviceJobs?: () => void
}
