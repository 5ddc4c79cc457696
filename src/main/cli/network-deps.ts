import type { Db } from '../core/db'
import { RouterPool, type NetworkDeps } from '../core/network'
import { cliDeps, withDb } from './db'

/** A CLI command's network dependencies: the data dir's key and a pool closed before exit. */
export async function withNetwork<T>(
  dataDir: string,
  fn: (deps: NetworkDeps, db: Db) => Promise<T>,
): Promise<T> {
  return withDb(dataDir, async (db) => {
    const routers = new RouterPool()
    try {
      return await fn({ ...cliDeps(db, dataDir), routers }, db)
    } finally {
      await routers.closeAll()
    }
  })
}
