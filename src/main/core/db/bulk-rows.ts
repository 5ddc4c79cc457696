import { CompiledQuery, type Insertable, type Kysely } from 'kysely'
import type { Database } from './schema'

// SQLite's limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
const MAX_PARAMETERS = 32_766
// Rows per statement: every full chunk is the same SQL, so the statement is prepared once and
// reused (statement-cache.ts); a bigger VALUES list costs more to parse than it saves.
const ROWS_PER_STATEMENT = 100

/**
 * Inserts many rows with plain multi-row VALUES statements, one per chunk. An invoice run
 * writes 50,000 invoices; kysely's query builder spends most of that time building and
 * compiling the statement tree, so the SQL here is written directly (standard SQL: PostgreSQL
 * takes the same statement with $n placeholders).
 */
export async function insertRows<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  options: { ignoreConflicts?: boolean } = {},
): Promise<number> {
  if (!rows.length) return 0
  const columns = Object.keys(rows[0]!) as (keyof Insertable<Database[T]> & string)[]
  return insertValues(
    tx,
    table,
    columns,
    rows.map((row) => columns.map((c) => row[c] ?? null)),
    options,
  )
}

/**
 * insertRows for callers that already hold each row as its values, in `columns` order: a big
 * batch (an invoice run's 150,000 rows) then builds no object per row on the way.
 */
export async function insertValues<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  rows: readonly (readonly unknown[])[],
  options: { ignoreConflicts?: boolean } = {},
): Promise<number> {
  if (!rows.length) return 0
  let inserted = 0
  const perStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  // `ON CONFLICT DO NOTHING` lets a unique (dedupe) index drop rows that already exist.
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  const statement = (n: number) => head + Array.from({ length: n }, () => tuple).join(', ') + tail
  const full = statement(perStatement)
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement)
    const parameters: unknown[] = []
    for (let r = start; r < end; r++) for (const v of rows[r]!) parameters.push(v)
    const text = end - start === perStatement ? full : statement(end - start)
    const result = await tx.executeQuery(CompiledQuery.raw(text, parameters))
    inserted += Number(result.numAffectedRows ?? 0)
  }
  return inserted
}
