import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import { openSqliteFile } from './database'
import { engineOf, schemaVersion } from './engine'
import { insertValues } from './bulk-rows'
import { migrateToLatest } from './migrate'
import { copySqliteFile, querySqliteFile } from './file-worker'
import { columnsOf, copyOrder, tally, tallyRow, tallyStatement } from './move-to-postgres'
import type { Database } from './schema'
import { writeTx, type Db } from './write-tx'

/**
 * A consistent copy of a database as one SQLite file, whatever the engine: what a backup carries
 * (core/backup). SQLite: the online backup API. PostgreSQL: every table read through the engine
 * inside one REPEATABLE READ transaction (one snapshot of the whole database, no pg_dump needed)
 * and written into a fresh SQLite file of this build's schema, then checked table by table.
 */

export interface TableTally {
  table: string
  rows: number
  /** The sum of each whole-number column: money, counters, ids. */
  sums: Record<string, number>
}

export type SnapshotProgress = (done: number, total: number) => void

const PAGE = 5000

/**
 * SQLite: the data directory's file copied page by page while the host keeps working. The copy
 * runs in a worker thread (core/db/file-worker): on the host's own thread its one long step would
 * hold every request.
 */
export async function sqliteSnapshot(
  sourceFile: string,
  targetFile: string,
  onProgress: SnapshotProgress = () => {},
): Promise<void> {
  await copySqliteFile(sourceFile, targetFile, onProgress)
}

/**
 * PostgreSQL: one REPEATABLE READ, READ ONLY transaction for every read, so the copy is the
 * database at one instant however long it takes and whatever the host writes meanwhile. Each
 * table's rows and whole-number sums on the server are compared with the written copy.
 */
export async function postgresSnapshot(
  source: Db,
  targetFile: string,
  onProgress: SnapshotProgress = () => {},
): Promise<void> {
  if (engineOf(source) !== 'postgres') throw new Error('postgresSnapshot reads PostgreSQL')
  const target = openSqliteFile(targetFile)
  try {
    const { current } = await migrateToLatest(target)
    const sourceVersion = await schemaVersion(source)
    if (sourceVersion !== current) {
      throw new AppError('VALIDATION', `schema ${sourceVersion} is not this build's ${current}`)
    }
    const tables = await copyOrder(target)
    const columns = new Map<string, string[]>()
    for (const t of tables)
      columns.set(
        t,
        (await columnsOf(target, t)).map((c) => c.name),
      )
    const expected: TableTally[] = []
    await source.connection().execute(async (conn) => {
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn)
      try {
        await writeTx(target, async (tx) => {
          // Issued invoices refuse new lines (BILLING.md 14) except through this window.
          await tx
            .insertInto('invoice_write_window')
            .values({ first_id: 0, last_id: Number.MAX_SAFE_INTEGER })
            .execute()
          let done = 0
          for (const table of tables) {
            const cols = columns.get(table)!
            await eachPage(conn, table, async (rows) => {
              const values: unknown[] = []
              for (const row of rows) for (const c of cols) values.push(row[c] ?? null)
              await insertValues(tx, table as keyof Database & string, cols as never, values)
            })
            onProgress(++done, tables.length + 1)
          }
          await tx.deleteFrom('invoice_write_window').execute()
          await eachPage(conn, 'customer_search', async (rows) => {
            const values = rows.flatMap((r) => [r.rowid, r.body])
            await insertValues(tx, 'customer_search' as never, ['rowid', 'body'] as never, values)
          })
          onProgress(tables.length + 1, tables.length + 1)
        })
        for (const table of tables) {
          const ints = (await columnsOf(target, table)).filter((c) => c.integer).map((c) => c.name)
          expected.push({ table, ...(await tally(conn, table, ints)) })
        }
      } finally {
        await sql`COMMIT`.execute(conn)
      }
    })
    const copied = await tallyTables(target, targetFile)
    const mismatches = compareTallies(expected, copied)
    if (mismatches.length) {
      throw new AppError('BACKUP_DAMAGED', `snapshot differs: ${mismatches.join('; ')}`)
    }
  } finally {
    await target.destroy()
  }
}

/** A table's rows in pages of its physical order (ctid), all inside the caller's snapshot. */
async function eachPage(
  conn: Db,
  table: string,
  fn: (rows: Record<string, unknown>[]) => Promise<void>,
): Promise<void> {
  let after = '(0,0)'
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`SELECT ctid::text AS "__ctid", *
      FROM ${sql.table(table)} WHERE ctid > ${after}::tid ORDER BY ctid LIMIT ${PAGE}`.execute(conn)
    if (!rows.length) return
    after = rows.at(-1)!.__ctid as string
    await fn(rows)
  }
}

/**
 * Rows and whole-number sums of every table of a SQLite database (a snapshot). With the
 * snapshot's `file`, the counting (every row of every table) runs in a worker thread.
 */
export async function tallyTables(db: Db, file?: string): Promise<TableTally[]> {
  const plan: { table: string; ints: string[]; text: string }[] = []
  for (const table of await copyOrder(db)) {
    const ints = (await columnsOf(db, table)).filter((c) => c.integer).map((c) => c.name)
    plan.push({ table, ints, text: tallyStatement(table, ints).compile(db).sql })
  }
  const rows = file
    ? (
        await querySqliteFile(
          file,
          plan.map((p) => p.text),
        )
      ).map((r) => r[0] as Record<string, unknown>)
    : await Promise.all(
        plan.map(async (p) => (await tallyStatement(p.table, p.ints).execute(db)).rows[0]!),
      )
  return plan.map((p, k) => ({ table: p.table, ...tallyRow(rows[k]!, p.ints) }))
}

/** What differs between two tallies, in words for a log ("invoices: 10 rows, copy has 9"). */
export function compareTallies(expected: TableTally[], actual: TableTally[]): string[] {
  const problems: string[] = []
  const byTable = new Map(actual.map((t) => [t.table, t]))
  for (const e of expected) {
    const a = byTable.get(e.table)
    if (!a) {
      problems.push(`${e.table}: missing`)
      continue
    }
    if (a.rows !== e.rows) problems.push(`${e.table}: ${e.rows} rows, copy has ${a.rows}`)
    for (const [column, sum] of Object.entries(e.sums)) {
      if (a.sums[column] !== sum) {
        problems.push(`${e.table}.${column}: sum ${sum}, copy has ${a.sums[column]}`)
      }
    }
  }
  return problems
}

/** SQLite's own check of a snapshot file: 'ok' when sound. Read in a worker thread. */
export async function snapshotIntegrity(file: string): Promise<string> {
  const [rows] = await querySqliteFile(file, ['PRAGMA integrity_check'])
  return (rows as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
}

/**
 * Opens a snapshot file, runs `fn` on it and closes it with its write-ahead log folded into the
 * file, so the one file is the whole database (what a backup carries and a restore puts back).
 */
export async function withSnapshot<T>(file: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openSqliteFile(file)
  try {
    const result = await fn(db)
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
    return result
  } finally {
    await db.destroy()
  }
}
