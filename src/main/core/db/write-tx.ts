import { sql, type Kysely, type Transaction } from 'kysely'
import { engineOf } from './engine'
import type { Database } from './schema'

export type Db = Kysely<Database>
export type Tx = Transaction<Database> | Kysely<Database>

export interface WriteTxOptions {
  /**
   * The commit need not wait for the disk: it becomes durable with the next ordinary commit on
   * this database (SQLite's WAL is written in order, and every ordinary commit flushes it). For a
   * long job's intermediate batches whose loss on a power cut is harmless because the job resumes
   * (an invoice run: its batches are whole, and the next run bills the rest). The job's final
   * commit is an ordinary one, so everything is on disk when it reports done. A process crash
   * loses nothing either way: the operating system holds the written pages.
   */
  flushWithNextCommit?: boolean
}

/**
 * A short write transaction that takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE). A deferred
 * transaction that reads first and writes later fails with SQLITE_BUSY when another process (the
 * CLI beside a running host) committed in between; taking the lock first makes it wait
 * (busy_timeout) instead. Never await network I/O inside `fn`.
 */
export async function writeTx<T>(
  db: Db,
  fn: (tx: Kysely<Database>) => Promise<T>,
  options: WriteTxOptions = {},
): Promise<T> {
  if (engineOf(db) === 'postgres') return postgresWriteTx(db, fn, options)
  return db.connection().execute(async (conn) => {
    // Per connection, and the connection is this transaction's alone until it returns: no other
    // commit (a payment) ever runs without its flush.
    if (options.flushWithNextCommit) await sql`PRAGMA synchronous = NORMAL`.execute(conn)
    try {
      await sql`BEGIN IMMEDIATE`.execute(conn)
      try {
        const result = await fn(conn)
        await sql`COMMIT`.execute(conn)
        return result
      } catch (error) {
        await sql`ROLLBACK`.execute(conn)
        throw error
      }
    } finally {
      if (options.flushWithNextCommit) await sql`PRAGMA synchronous = FULL`.execute(conn)
    }
  })
}

/**
 * PostgreSQL has no database-wide write lock: writers run side by side and serialise on the rows
 * they touch (a counter row locked by its UPDATE … RETURNING until COMMIT keeps numbers gapless).
 * `synchronous_commit = off` for this transaction only is PostgreSQL's own "flush with the next
 * commit".
 */
async function postgresWriteTx<T>(
  db: Db,
  fn: (tx: Kysely<Database>) => Promise<T>,
  options: WriteTxOptions,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn)
    try {
      if (options.flushWithNextCommit) await sql`SET LOCAL synchronous_commit = off`.execute(conn)
      const result = await fn(conn)
      await sql`COMMIT`.execute(conn)
      return result
    } catch (error) {
      await sql`ROLLBACK`.execute(conn)
      throw error
    }
  })
}
