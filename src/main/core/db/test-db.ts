import { sql } from 'kysely'
import { openMemoryDatabase } from './database'
import { openPostgres } from './postgres'
import { migrateToLatest } from './migrate'
import type { Db } from './write-tx'

/**
 * A real, migrated database for a test: in-memory SQLite, or — with LOKET_TEST_ENGINE=postgres —
 * a fresh database of its own on the LOKET_TEST_POSTGRES server (the same suites on both engines).
 */
export async function createTestDb(): Promise<Db> {
  if (process.env.LOKET_TEST_ENGINE === 'postgres') return (await postgresFromTemplate()).db
  const db = openMemoryDatabase()
  await migrateToLatest(db)
  return db
}

/**
 * A fresh, migrated database on the PostgreSQL server named by LOKET_TEST_POSTGRES (a URL to
 * any database there; `npm test` starts a throwaway cluster and sets it). Each call creates its
 * own database, dropped by `drop()`. Null when no server is configured.
 */
export async function createPostgresTestDb(): Promise<{
  db: Db
  url: string
  drop: () => Promise<void>
} | null> {
  const server = process.env.LOKET_TEST_POSTGRES
  if (!server) return null
  const name = `loket_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const url = await createPostgresDatabase(server, name)
  const db = openPostgres(url)
  await migrateToLatest(db)
  return {
    db,
    url,
    drop: async () => {
      await db.destroy()
      const admin = openPostgres(server, { max: 1 })
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin)
      await admin.destroy()
    },
  }
}

let template: Promise<string> | null = null

/** Migrating takes a second; copying a migrated template database takes a few milliseconds. */
async function postgresFromTemplate(): Promise<{ db: Db; url: string }> {
  const url = await freshPostgresUrl()
  return { db: openPostgres(url, { max: 4 }), url }
}

/**
 * The URL of a new, migrated, empty database on the LOKET_TEST_POSTGRES server (a copy of this
 * process's template database): what a test data directory records to run on PostgreSQL.
 */
export async function freshPostgresUrl(): Promise<string> {
  const server = process.env.LOKET_TEST_POSTGRES
  if (!server) throw new Error('LOKET_TEST_ENGINE=postgres needs LOKET_TEST_POSTGRES')
  template ??= (async () => {
    const made = (await createPostgresTestDb())!
    await made.db.destroy()
    return new URL(made.url).pathname.slice(1)
  })()
  const source = await template
  const name = `${source}_${Math.random().toString(36).slice(2, 10)}`
  return createPostgresDatabase(server, name, source)
}

/**
 * Creates database `name` (empty, or a copy of `template`) on the server `server` points at, and
 * returns its URL: the server's URL with the database's name.
 */
export async function createPostgresDatabase(
  server: string,
  name: string,
  template?: string,
): Promise<string> {
  const admin = openPostgres(server, { max: 1 })
  try {
    await (
      template
        ? sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`
        : sql`CREATE DATABASE ${sql.id(name)}`
    ).execute(admin)
  } finally {
    await admin.destroy()
  }
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}
