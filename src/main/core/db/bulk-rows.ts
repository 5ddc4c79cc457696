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
  let inserted = 0
  const columns = Object.keys(rows[0]!)
  const perStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  // `ON CONFLICT DO NOTHING` lets a unique (dedupe) index drop rows that already exist.
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  const statement = (n: number) => head + Array.from({ length: n }, () => tuple).join(', ') + tail
  const full = statement(perStatement)
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const parameters: unknown[] = []
    for (const row of chunk) {
      for (const c of columns) parameters.push((row as Record<string, unknown>)[c] ?? null)
    }
    const text = chunk.length === perStatement ? full : statement(chunk.length)
    const result = await tx.executeQuery(CompiledQuery.raw(text, parameters))
    inserted += Number(result.numAffectedRows ?? 0)
  }
  return inserted
}
