import type { Clock } from './clock'
import type { Db } from './db'
import type { SecretBox } from './secrets'

/**
 * What every core service takes: the database, the clock, and the data directory's key for the
 * credentials Loket keeps (router passwords, customers' PPPoE/hotspot passwords). Adapters join
 * per domain.
 */
export interface CoreDeps {
  db: Db
  clock: Clock
  secrets: SecretBox
}
