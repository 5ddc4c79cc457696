import { Migrator, type MigrationResultSet } from 'kysely'
import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import { migrations } from './migrations'
import { preparePostgres } from './dialect-ddl'
import { tableExists } from './dialect'
import type { Db } from './write-tx'

const MIGRATION_TABLE = 'kysely_migration'

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
  })
}

/** Names of migrations the database has run that this build of the app does not know. */
export async function unknownMigrations(db: Db): Promise<string[]> {
  if (!(await tableExists(db, MIGRATION_TABLE))) return []
  const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(
    db,
  )
  return rows.rows.map((r) => r.name).filter((name) => !(name in migrations))
}

/** Whether this build knows a schema version (a migration name), e.g. a backup's. */
export function knowsSchemaVersion(name: string | null): boolean {
  return name === null || name in migrations
}

export interface MigrateReport {
  applied: string[]
  current: string | null
}

/**
 * Brings the database to this build's schema. A database written by a newer Loket is refused
 * before anything is touched: an older app would misread tables it does not know.
 */
export async function migrateToLatest(db: Db): Promise<MigrateReport> {
  const unknown = await unknownMigrations(db)
  if (unknown.length > 0) {
    throw new AppError(
      'DB_NEWER_THAN_APP',
      `This database was created by a newer version of Loket (migration ${unknown[0]}). ` +
        'Install that version or newer; this one will not open it.',
      { migrations: unknown },
    )
  }
  await preparePostgres(db)
  const { error, results }: MigrationResultSet = await migrator(db).migrateToLatest()
  if (error) throw error
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  const names = Object.keys(migrations).sort()
  return { applied, current: names.at(-1) ?? null }
}
