import type { Clock } from './clock'
import type { Db } from './db'

/** What every core service takes: the database and the clock. Adapters join per domain. */
export interface CoreDeps {
  db: Db
  clock: Clock
}
