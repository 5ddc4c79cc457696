import { CompiledQuery, type Insertable, type Kysely } from 'kysely'
import { engineOf } from './engine'
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
  const values: unknown[] = []
  for (const row of rows) for (const c of columns) values.push(row[c] ?? null)
  return insertValues(tx, table, columns, values, options)
}

/**
 * insertRows for callers that lay their rows out as one flat list of values, row after row in
 * `columns` order: a big batch (an invoice run's 150,000 rows) then builds no object or array
 * per row on the way. Columns with
 * the same value in every row go in `same`: they are bound once per statement instead of once
 * per row (an invoice run's invoices share 11 of their 25 columns, and binding a value costs
 * more than SQLite's whole work to store it).
 */
export async function insertValues<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  values: readonly unknown[],
  options: {
    ignoreConflicts?: boolean
    same?: Partial<Record<keyof Insertable<Database[T]> & string, unknown>>
  } = {},
): Promise<number> {
  const width = columns.length
  const rows = values.length / width
  if (!rows) return 0
  let inserted = 0
  const same = Object.entries(options.same ?? {})
  const postgres = engineOf(tx) === 'postgres'
  if (postgres && same.length) {
    // PostgreSQL types a bare VALUES list by itself (as text, not the target columns' types):
    // there the shared columns simply go in every row.
    const wide: unknown[] = []
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < width; k++) wide.push(values[r * width + k])
      for (const [, v] of same) wide.push(v)
    }
    const all = [...columns, ...same.map(([c]) => c)] as unknown as typeof columns
    return insertValues(tx, table, all, wide, { ignoreConflicts: options.ignoreConflicts })
  }
  const perStatement = Math.min(
    ROWS_PER_STATEMENT,
    Math.floor((MAX_PARAMETERS - same.length) / columns.length),
  )
  // Placeholders: SQLite's `?`, PostgreSQL's numbered `$n`.
  let bound = 0
  const mark = () => (postgres ? `$${++bound}` : '?')
  const names = [...columns, ...same.map(([c]) => c)].map((c) => `"${c}"`).join(', ')
  // `ON CONFLICT DO NOTHING` lets a unique (dedupe) index drop rows that already exist.
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''
  const statement = (n: number) => {
    bound = 0
    const tuples = () =>
      Array.from({ length: n }, () => `(${columns.map(mark).join(', ')})`).join(', ')
    if (!same.length) return `INSERT INTO "${table}" (${names}) VALUES ${tuples()}${tail}`
    // A VALUES list names its columns column1, column2, …; the shared values are bound first.
    // `WHERE true` keeps ON CONFLICT from parsing as a join's ON.
    const picked = columns.map((_, k) => `column${k + 1}`)
    const shared = same.map(mark)
    return (
      `INSERT INTO "${table}" (${names}) SELECT ${[...picked, ...shared].join(', ')} ` +
      `FROM (VALUES ${tuples()}) AS v WHERE true${tail}`
    )
  }
  const full = statement(perStatement)
  const sharedValues = same.map(([, v]) => v)
  for (let start = 0; start < rows; start += perStatement) {
    const end = Math.min(rows, start + perStatement)
    const own = values.slice(start * width, end * width)
    const parameters = sharedValues.length ? [...sharedValues, ...own] : own
    const text = end - start === perStatement ? full : statement(end - start)
    const result = await tx.executeQuery(CompiledQuery.raw(text, parameters))
    inserted += Number(result.numAffectedRows ?? 0)
  }
  return inserted
}
