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
 * Makes a read-then-write decision one writer at a time: appending to a hash chain (the audit
 * log), counting a sign-in against its lock, checking what a concurrent run already billed.
 * SQLite's write transaction holds the whole database already; PostgreSQL writers run side by
 * side, so each takes a transaction lock named `turn` first (released at COMMIT or ROLLBACK).
 * Under READ COMMITTED every statement after it sees what the previous holder committed.
 */
export async function takeTurn<DB>(tx: Kysely<DB>, turn: string): Promise<void> {
  if (engineOf(tx) === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(hashtext(${turn}))`.execute(tx)
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

/**
 * `count` consecutive ids for rows the caller inserts with explicit ids (an invoice run writes its
 * lines set-wise against ids it knows). SQLite: after the largest id, under the write lock the
 * transaction holds. PostgreSQL: the table is locked against other writers until COMMIT and the
 * identity sequence moves past the range, so a later insert never takes one of these ids.
 */
export async function reserveIds<DB>(
  tx: Kysely<DB>,
  table: string,
  count: number,
): Promise<number> {
  if (engineOf(tx) === 'sqlite') {
    const { rows } = await sql<{
      id: number | null
    }>`SELECT max(id) AS id FROM ${sql.table(table)}`.execute(tx)
    return (rows[0]?.id ?? 0) + 1
  }
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(tx)
  const { rows } = await sql<{
    first: number
  }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id')) AS first`.execute(tx)
  const first = rows[0]!.first
  if (count > 1) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${first + count - 1})`.execute(
      tx,
    )
  }
  return first
}

/**
 * Ids grouped for `inIds`: SQLite binds each id as its own parameter, so long lists go in chunks
 * of 900; PostgreSQL takes any number as one array parameter, so one statement serves them all.
 */
export function idChunks<DB>(db: Kysely<DB>, ids: number[]): number[][] {
  if (engineOf(db) === 'postgres') return ids.length ? [ids] : []
  const out: number[][] = []
  for (let i = 0; i < ids.length; i += 900) out.push(ids.slice(i, i + 900))
  return out
}

/** `column IN (…ids)`: SQLite's bound list, PostgreSQL's `= ANY($1::bigint[])` (see idChunks). */
export function inIds<DB>(db: Kysely<DB>, column: string, ids: number[]): RawBuilder<boolean> {
  if (engineOf(db) === 'postgres') return sql<boolean>`${sql.ref(column)} = ANY(${ids}::bigint[])`
  return sql<boolean>`${sql.ref(column)} IN (${sql.join(ids)})`
}
