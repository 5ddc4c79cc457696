import { sql } from 'kysely'
import { sqliteFileOf } from './database'
import { engineOf } from './engine'
import { startCheckpointWorker } from './file-worker'
import type { Db } from './write-tx'

/**
 * WAL checkpoints off the request path. SQLite checkpoints inside whichever commit crosses 1,000
 * WAL pages, so every few dozen payments one cashier waited for pages to be copied into a large
 * database file. The host checkpoints on a timer instead, in the gaps between requests; the
 * automatic checkpoint stays as a safety net at a larger size. A database file is checkpointed
 * from a worker thread (core/db/file-worker), so not even the gaps are spent on it.
 */
export async function startCheckpoints(db: Db, everyMs = 2_000): Promise<() => Promise<void>> {
  // PostgreSQL checkpoints on its own (checkpoint_timeout), off every request path already.
  if (engineOf(db) === 'postgres') return async () => undefined
  await sql`PRAGMA wal_autocheckpoint = 20000`.execute(db)
  const file = sqliteFileOf(db)
  if (file) return startCheckpointWorker(file, everyMs)
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sql`PRAGMA wal_checkpoint(PASSIVE)`
      .execute(db)
      .catch(() => undefined) // a busy database is checkpointed next time
      .finally(() => (running = false))
  }, everyMs)
  timer.unref()
  return async () => clearInterval(timer)
}
