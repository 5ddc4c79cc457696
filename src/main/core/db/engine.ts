import { PostgresAdapter } from 'kysely'
import type { Db } from './write-tx'

/** The two database engines Loket runs on: SQLite in the data directory, or a PostgreSQL server. */
export type Engine = 'sqlite' | 'postgres'

/** Which engine a database handle talks to (read from kysely's adapter, never configured twice). */
export function engineOf(db: { getExecutor(): { adapter: unknown } }): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

export type DatabaseEngine = 'SQLite' | 'PostgreSQL'

/** The engine behind a database handle, by the name a person reads (Tentang Loket). */
export function databaseEngine(db: Db): DatabaseEngine {
  return engineOf(db) === 'postgres' ? 'PostgreSQL' : 'SQLite'
}

/** The schema version: the name of the last migration this database has run. */
export async function schemaVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('kysely_migration' as never)
    .select((eb) => eb.fn.max<string>(eb.ref('name' as never)).as('name'))
    .executeTakeFirst()
  return (row as { name: string | null } | undefined)?.name ?? null
}
