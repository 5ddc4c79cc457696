import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema'

export type Db = Kysely<Database>
export type Tx = Transaction<Database> | Kysely<Database>

/**
 * A short write transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE). A deferred
 * transaction that reads first and writes later fails with SQLITE_BUSY when another process (the
 * CLI beside a running host) committed in between; taking the lock first makes it wait
 * (busy_timeout) instead. Never await network I/O inside `fn`.
 */
export async function writeTx<T>(db: Db, fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn)
    try {
      const result = await fn(conn)
      await sql`COMMIT`.execute(conn)
      return result
    } catch (error) {
      await sql`ROLLBACK`.execute(conn)
      throw error
    }
  })
}
