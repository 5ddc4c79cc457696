import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * better-sqlite3 behind kysely, with its prepared statements kept: kysely asks the driver to
 * prepare every query it runs, and parsing and planning the same SQL again is a large part of a
 * short query's cost (a payment runs a few dozen of them). Statements are kept by their SQL text,
 * the most recently used `size` of them. SQLite re-prepares a kept statement by itself after a
 * schema change. A statement read with `iterate()` stays busy until its reader is done or
 * dropped, so that path gets a statement of its own: a reader left unfinished never blocks the
 * kept one.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = 400): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>()
  const prepare = (sql: string): BetterSqlite3.Statement => {
    const hit = kept.get(sql)
    if (hit) {
      // Most recently used last: the first entry is the one to drop.
      kept.delete(sql)
      kept.set(sql, hit)
      return hit
    }
    const statement = sqlite.prepare(sql)
    kept.set(sql, statement)
    if (kept.size > size) kept.delete(kept.keys().next().value!)
    return statement
  }
  return {
    close: () => {
      kept.clear()
      sqlite.close()
    },
    prepare(sql: string): SqliteStatement {
      const statement = prepare(sql)
      return {
        reader: statement.reader,
        all: (parameters) => statement.all(parameters),
        run: (parameters) => statement.run(parameters),
        iterate: (parameters) =>
          sqlite.prepare(sql).iterate(parameters) as IterableIterator<unknown>,
      }
    },
  }
}
