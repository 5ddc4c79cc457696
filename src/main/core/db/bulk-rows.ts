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
): Promise<void> {
  if (!rows.length) return
  const columns = Object.keys(rows[0]!)
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const parameters: unknown[] = []
    for (const row of chunk) {
      for (const c of columns) parameters.push((row as Record<string, unknown>)[c] ?? null)
    }
    await tx.executeQuery(
      CompiledQuery.raw(head + Array.from(chunk, () => tuple).join(', '), parameters),
    )
  }
}
