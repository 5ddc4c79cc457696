import { systemClock } from '../core/clock'
import type { Db } from '../core/db'
import { RouterPool, type NetworkDeps } from '../core/network'
import { dataDirSecretBox } from '../core/secrets'
import { withDb } from './db'

/** A CLI command's network dependencies: the data dir's key and a pool closed before exit. */
export async function withNetwork<T>(
  dataDir: string,
  fn: (deps: NetworkDeps, db: Db) => Promise<T>,
): Promise<T> {
  return withDb(dataDir, async (db) => {
    const routers = new RouterPool()
    try {
      return await fn({ db, clock: systemClock, secrets: dataDirSecretBox(dataDir), routers }, db)
    } finally {
      await routers.closeAll()
    }
  })
}
