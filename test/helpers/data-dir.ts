import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql, type RawBuilder } from 'kysely'
import { DATABASE_FILE, openDatabase, recordPostgres } from '@core/db'
import { freshPostgresUrl } from '@core/db/test-db'

/** True when this run proves the PostgreSQL engine (`npm run test:postgres`). */
export const onPostgres = process.env.LOKET_TEST_ENGINE === 'postgres'

/**
 * A new, empty data directory for a host or the CLI. On the PostgreSQL run it also gets a
 * database of its own on the test server, recorded in the directory exactly as
 * `db move-to-postgres` records one: every host, CLI command and core call that opens this
 * directory then runs on PostgreSQL with nothing else changed.
 */
export async function makeDataDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  if (onPostgres) recordPostgres(dir, await freshPostgresUrl(), new Date())
  return dir
}

/**
 * Rows from a data directory's database on whichever engine it uses: what a test reads beside a
 * running host or after the CLI ran (a kysely `sql` query: placeholders work on both engines).
 */
export async function rowsIn<T>(dataDir: string, query: RawBuilder<T>): Promise<T[]> {
  const db = openDatabase(dataDir)
  try {
    return (await query.execute(db)).rows
  } finally {
    await db.destroy()
  }
}

/** SQLite's own integrity check of a data directory's file ('ok' when sound). */
export function sqliteIntegrity(dataDir: string): string {
  const file = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    return String(file.pragma('integrity_check', { simple: true }))
  } finally {
    file.close()
  }
}

/**
 * Whether a data directory's database stores `text` anywhere as it is (a secret must be sealed):
 * SQLite's file and write-ahead log byte for byte; on PostgreSQL every row of every table.
 */
export async function databaseHolds(dataDir: string, text: string): Promise<boolean> {
  if (!onPostgres) {
    return [DATABASE_FILE, `${DATABASE_FILE}-wal`]
      .map((f) => path.join(dataDir, f))
      .filter((f) => existsSync(f))
      .some((f) => readFileSync(f).includes(Buffer.from(text)))
  }
  const db = openDatabase(dataDir)
  try {
    const { rows: tables } = await sql<{ name: string }>`SELECT table_name AS name
      FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)
    for (const { name } of tables) {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)} AS t
        WHERE strpos(t::text, ${text}) > 0`.execute(db)
      if (Number(rows[0]!.n) > 0) return true
    }
    return false
  } finally {
    await db.destroy()
  }
}
