import { sql, type Kysely, type RawBuilder } from 'kysely'
import { engineOf } from './engine'

/** Whether a table exists (the schema catalogue differs per engine). */
export async function tableExists<DB>(db: Kysely<DB>, table: string): Promise<boolean> {
  const { rows } =
    engineOf(db) === 'sqlite'
      ? await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master
          WHERE type = 'table' AND name = ${table}`.execute(db)
      : await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db)
  return Number(rows[0]?.n ?? 0) > 0
}

/**
 * Appends to a hash chain (the audit log) one writer at a time. SQLite's write transaction holds
 * the whole database already; PostgreSQL writers run side by side, so each takes a transaction
 * lock on the chain first (released at COMMIT or ROLLBACK).
 */
export async function lockChain<DB>(tx: Kysely<DB>, chain: string): Promise<void> {
  if (engineOf(tx) === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(hashtext(${chain}))`.execute(tx)
}

/**
 * A column the SQLite planner must not reach through an index (a unary `+`, SQLite's documented
 * way to say so). PostgreSQL's planner costs its own paths, and has no unary + for text.
 */
export function unindexed<DB>(
  db: Kysely<DB>,
  ref: RawBuilder<unknown> | ReturnType<typeof sql.ref>,
) {
  return engineOf(db) === 'sqlite' ? sql`+${ref}` : sql`${ref}`
}
