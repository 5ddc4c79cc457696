import { PostgresAdapter } from 'kysely'

/** The two database engines Loket runs on: SQLite in the data directory, or a PostgreSQL server. */
export type Engine = 'sqlite' | 'postgres'

/** Which engine a database handle talks to (read from kysely's adapter, never configured twice). */
export function engineOf(db: { getExecutor(): { adapter: unknown } }): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
