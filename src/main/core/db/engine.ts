import { PostgresAdapter, SqliteAdapter } from 'kysely'
import type { Db } from './write-tx'

export type DatabaseEngine = 'SQLite' | 'PostgreSQL'

/** The engine behind a database handle, read from kysely's dialect adapter (no setting of ours). */
export function databaseEngine(db: Db): DatabaseEngine | null {
  const adapter = db.getExecutor().adapter
  if (adapter instanceof SqliteAdapter) return 'SQLite'
  if (adapter instanceof PostgresAdapter) return 'PostgreSQL'
  return null
}

/** The schema version: the name of the last migration this database has run. */
export async function schemaVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('kysely_migration' as never)
    .select((eb) => eb.fn.max<string>(eb.ref('name' as never)).as('name'))
    .executeTakeFirst()
  return (row as { name: string | null } | undefined)?.name ?? null
}
