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

/**
 * What a scheduled job is told when it runs: for which company, as of which business day (the
 * company's time zone; replays pass an older or later day), who started it, and its run's id.
 */
export interface JobContext {
  companyId: number
  asOf: string
  timeZone: string
  actor: import('./audit').Actor & { companyId: number }
  runId: number | null
  trigger: 'schedule' | 'manual' | 'cli'
}

/** What a job did, by name (`queued`, `isolated`, `skipped` …): recorded with its run. */
export type JobCounts = Record<string, number>
