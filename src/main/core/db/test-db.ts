import { openMemoryDatabase } from './database'
import { migrateToLatest } from './migrate'
import type { Db } from './write-tx'

/** A real, migrated in-memory SQLite database for a test. */
export async function createTestDb(): Promise<Db> {
  const db = openMemoryDatabase()
  await migrateToLatest(db)
  return db
}
