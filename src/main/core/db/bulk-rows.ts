import { CompiledQuery, type Insertable, type Kysely } from 'kysely'
import type { Database } from './schema'

// SQLite's limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
const MAX_PARAMETERS = 32_766

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
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  // `ON CONFLICT DO NOTHING` lets a unique (dedupe) index drop rows that already exist.
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const parameters: unknown[] = []
    for (const row of chunk) {
      for (const c of columns) parameters.push((row as Record<string, unknown>)[c] ?? null)
    }
    const result = await tx.executeQuery(
      CompiledQuery.raw(head + Array.from(chunk, () => tuple).join(', ') + tail, parameters),
    )
    inserted += Number(result.numAffectedRows ?? 0)
  }
  return inserted
}
