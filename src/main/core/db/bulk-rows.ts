import { CompiledQuery, type Insertable, type Kysely } from 'kysely'
import { engineOf } from './engine'
import type { Database } from './schema'

// SQLite's limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
const MAX_PARAMETERS = 32_766
// Rows per statement: every full chunk is the same SQL, so the statement is prepared once and
// reused (statement-cache.ts); a bigger VALUES list costs more to parse than it saves.
const ROWS_PER_STATEMENT = 100

/**
 * Inserts many rows with plain multi-row VALUES statements, one per chunk (SQLite), or one array
 * per column (PostgreSQL). An invoice run writes 50,000 invoices; kysely's query builder spends
 * most of that time building and compiling the statement tree, so the SQL here is written
 * directly.
 */
export async function insertRows<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  options: { ignoreConflicts?: boolean } = {},
): Promise<number> {
  if (!rows.length) return 0
  const columns = Object.keys(rows[0]!) as (keyof Insertable<Database[T]> & string)[]
  return insertEach(
    tx,
    table,
    columns,
    rows.length,
    (k, out) => {
      for (const c of columns) out.push(rows[k]![c] ?? null)
    },
    options,
  )
}

/**
 * insertRows for callers that lay their rows out as one flat list of values, row after row in
 * `columns` order. Columns with the same value in every row go in `same` (see insertEach).
 */
export async function insertValues<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  values: readonly unknown[],
  options: InsertOptions<T> = {},
): Promise<number> {
  const width = columns.length
  return insertEach(
    tx,
    table,
    columns,
    values.length / width,
    (k, out) => {
      for (let j = k * width; j < (k + 1) * width; j++) out.push(values[j])
    },
    options,
  )
}

type InsertOptions<T extends keyof Database & string> = {
  /** `ON CONFLICT DO NOTHING`: a unique (dedupe) index drops rows that already exist. */
  ignoreConflicts?: boolean
  /**
   * Columns with the same value in every row: bound once per statement instead of once per row
   * (an invoice run's invoices share 11 of their 25 columns, and binding a value costs more than
   * SQLite's whole work to store it).
   */
  same?: Partial<Record<keyof Insertable<Database[T]> & string, unknown>>
  /**
   * Columns copied, in the same statement, from the row of another table that one of the
   * inserted values names by id: an invoice's customer name and address come from its customer
   * (`{ table: 'customers', by: 'customer_id', columns: { customer_name: 'name' } }`). The
   * database copies the text; the caller never reads it into JavaScript to bind it back. A row
   * naming no such id gets nulls (and fails a NOT NULL column rather than vanishing).
   */
  copy?: {
    table: keyof Database & string
    by: keyof Insertable<Database[T]> & string
    columns: Partial<Record<keyof Insertable<Database[T]> & string, string>>
  }
}

/** InsertOptions as the statement builders read them, whatever the table. */
interface AnyInsertOptions {
  ignoreConflicts?: boolean
  same?: Record<string, unknown>
  copy?: { table: string; by: string; columns: Record<string, string | undefined> }
}

/** The copied columns: their names in the table written, and their source expressions. */
function copiedColumns(copy: AnyInsertOptions['copy']) {
  const entries = Object.entries(copy?.columns ?? {}) as [string, string][]
  return {
    names: entries.map(([c]) => c),
    picked: entries.map(([, from]) => `c."${from}"`),
    /** The join, given how the statement names the row's `by` value. */
    join: (by: string) => (copy ? ` LEFT JOIN "${copy.table}" AS c ON c.id = ${by}` : ''),
  }
}

/**
 * Inserts `count` rows whose values `write(k, out)` pushes onto `out`, row k's in `columns`
 * order, straight into the parameters of the statement that carries the row. A big batch (an
 * invoice run's 150,000 rows) then builds no object per row and no flat copy of all its values
 * first: pushing 700,000 values into one growing array cost the run more than SQLite's work to
 * store them.
 */
export async function insertEach<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  count: number,
  write: (k: number, out: unknown[]) => void,
  options: InsertOptions<T> = {},
): Promise<number> {
  if (!count) return 0
  const width = columns.length
  if (options.copy && !columns.includes(options.copy.by)) {
    throw new Error(
      `insertEach: ${table}.${options.copy.by} names the copied row, so it is a column`,
    )
  }
  const writeRow = (k: number, out: unknown[]) => {
    const before = out.length
    write(k, out)
    if (out.length - before !== width) {
      throw new Error(`insertEach: ${table} rows must have ${width} values each`)
    }
  }
  if (engineOf(tx) === 'postgres') {
    const values: unknown[] = []
    for (let k = 0; k < count; k++) writeRow(k, values)
    return insertArrays(tx, table, columns, values, options)
  }
  let inserted = 0
  const same = Object.entries(options.same ?? {})
  const perStatement = Math.min(
    ROWS_PER_STATEMENT,
    Math.floor((MAX_PARAMETERS - same.length) / columns.length),
  )
  const copied = copiedColumns(options.copy)
  const names = [...columns, ...same.map(([c]) => c), ...copied.names]
    .map((c) => `"${c}"`)
    .join(', ')
  const tail = options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''
  const statement = (n: number) => {
    const tuples = () =>
      Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')
    if (!same.length && !options.copy) {
      return `INSERT INTO "${table}" (${names}) VALUES ${tuples()}${tail}`
    }
    // A VALUES list names its columns column1, column2, …; the shared values are bound first.
    // `WHERE true` keeps ON CONFLICT from parsing as a join's ON.
    const picked = columns.map((_, k) => `v.column${k + 1}`)
    const shared = same.map(() => '?')
    return (
      `INSERT INTO "${table}" (${names}) SELECT ${[...picked, ...shared, ...copied.picked].join(', ')} ` +
      `FROM (VALUES ${tuples()}) AS v${copied.join(`v.column${columns.indexOf(options.copy?.by as never) + 1}`)} WHERE true${tail}`
    )
  }
  const full = statement(perStatement)
  const sharedValues = same.map(([, v]) => v)
  for (let start = 0; start < count; start += perStatement) {
    const end = Math.min(count, start + perStatement)
    const parameters = [...sharedValues]
    for (let k = start; k < end; k++) writeRow(k, parameters)
    const text = end - start === perStatement ? full : statement(end - start)
    const result = await tx.executeQuery(CompiledQuery.raw(text, parameters))
    inserted += Number(result.numAffectedRows ?? 0)
  }
  return inserted
}

// PostgreSQL: rows per statement. Each column is one array parameter, whatever the row count.
const ROWS_PER_ARRAY = 10_000
const columnTypes = new Map<string, Map<string, string>>()

/**
 * PostgreSQL's fast path for many rows: one array per column, unnested into rows
 * (`INSERT … SELECT * FROM unnest($1::bigint[], $2::text[], …)`). The server parses and plans a
 * statement of a few parameters instead of a VALUES list of thousands, and the shared columns are
 * bound once. Arrays must be typed, so each table's column types are read from the catalogue
 * once per process (they are the migrations', the same in every company database).
 */
async function insertArrays(
  tx: Kysely<Database>,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  options: AnyInsertOptions,
): Promise<number> {
  const types = await typesOf(tx, table)
  const typeOf = (c: string) => {
    const t = types.get(c)
    if (!t) throw new Error(`insertValues: ${table}.${c} is not a column`)
    return t
  }
  const width = columns.length
  const rows = values.length / width
  const same = Object.entries(options.same ?? {})
  const copied = copiedColumns(options.copy)
  const names = [...columns, ...same.map(([c]) => c), ...copied.names]
    .map((c) => `"${c}"`)
    .join(', ')
  const arrays = columns.map((c, k) => `$${k + 1}::${typeOf(c)}[]`).join(', ')
  const shared = same.map(([c], k) => `$${width + k + 1}::${typeOf(c)}`)
  // The unnested columns are named c1, c2, … so that no join can make one ambiguous.
  const unnested = columns.map((_, k) => `u.c${k + 1}`)
  const by = `u.c${columns.indexOf(options.copy?.by as never) + 1}`
  const text =
    `INSERT INTO "${table}" (${names}) SELECT ${[...unnested, ...shared, ...copied.picked].join(', ')} ` +
    `FROM unnest(${arrays}) AS u(${unnested.map((c) => c.slice(2)).join(', ')})${copied.join(by)} ` +
    `WHERE true${options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''}`
  let inserted = 0
  for (let start = 0; start < rows; start += ROWS_PER_ARRAY) {
    const end = Math.min(rows, start + ROWS_PER_ARRAY)
    const parameters: unknown[] = []
    for (let k = 0; k < width; k++) parameters.push(arrayLiteral(values, start, end, width, k))
    for (const [, v] of same) parameters.push(v)
    const result = await tx.executeQuery(CompiledQuery.raw(text, parameters))
    inserted += Number(result.numAffectedRows ?? 0)
  }
  return inserted
}

async function typesOf(tx: Kysely<Database>, table: string): Promise<Map<string, string>> {
  const known = columnTypes.get(table)
  if (known) return known
  const { rows } = await tx.executeQuery<{ name: string; type: string }>(
    CompiledQuery.raw(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [table],
    ),
  )
  const types = new Map(rows.map((r) => [r.name, r.type]))
  columnTypes.set(table, types)
  return types
}

/**
 * Column `k` of rows start…end as a PostgreSQL array literal (`{1,NULL,"a \\"b\\""}`), written
 * here rather than by pg's general serializer, which quotes and regex-escapes every element: an
 * invoice run sends over a million of them.
 */
function arrayLiteral(
  values: readonly unknown[],
  start: number,
  end: number,
  width: number,
  k: number,
): string {
  let out = '{'
  for (let r = start; r < end; r++) {
    const v = values[r * width + k]
    if (r > start) out += ','
    if (v === null || v === undefined) out += 'NULL'
    else if (typeof v === 'number' || typeof v === 'bigint') out += String(v)
    else if (typeof v === 'string')
      out += `"${/["\\]/.test(v) ? v.replace(/["\\]/g, (c) => `\\${c}`) : v}"`
    else throw new Error(`insertValues: a ${typeof v} cannot go in a PostgreSQL array`)
  }
  return `${out}}`
}

/**
 * Sets `columns` of many rows, each found by its id, in one statement per chunk rather than one
 * per row: an OLT poll where every ONU's RX moved wrote 2,048 UPDATEs. `values` is laid out as
 * in insertValues, row after row: the id first, then `columns` in order. SQLite joins a VALUES
 * list (UPDATE … FROM, 3.33+); PostgreSQL unnests one typed array per column.
 */
export async function updateValuesById<T extends keyof Database & string>(
  tx: Kysely<Database>,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  values: readonly unknown[],
): Promise<number> {
  const width = columns.length + 1
  const rows = values.length / width
  if (!rows) return 0
  const postgres = engineOf(tx) === 'postgres'
  const types = postgres ? await typesOf(tx, table) : null
  const perStatement = postgres
    ? ROWS_PER_ARRAY
    : Math.min(ROWS_PER_STATEMENT * 5, Math.floor(MAX_PARAMETERS / width))
  const set = columns.map((c, k) => `"${c}" = v.column${k + 2}`).join(', ')
  const statement = (n: number) => {
    if (postgres) {
      const typeOf = (c: string) => {
        const t = types!.get(c)
        if (!t) throw new Error(`updateValuesById: ${table}.${c} is not a column`)
        return t
      }
      const arrays = ['id', ...columns].map((c, k) => `$${k + 1}::${typeOf(c)}[]`).join(', ')
      const names = columns.map((_, k) => `column${k + 2}`).join(', ')
      return `UPDATE "${table}" SET ${set} FROM unnest(${arrays}) AS v(column1, ${names}) WHERE "${table}".id = v.column1`
    }
    const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`
    const tuples = Array.from({ length: n }, () => tuple).join(', ')
    return `UPDATE "${table}" SET ${set} FROM (VALUES ${tuples}) AS v WHERE "${table}".id = v.column1`
  }
  const full = statement(perStatement)
  let updated = 0
  for (let start = 0; start < rows; start += perStatement) {
    const end = Math.min(rows, start + perStatement)
    const parameters: unknown[] = []
    if (postgres)
      for (let k = 0; k < width; k++) parameters.push(arrayLiteral(values, start, end, width, k))
    else parameters.push(...values.slice(start * width, end * width))
    const text = postgres || end - start === perStatement ? full : statement(end - start)
    const result = await tx.executeQuery(CompiledQuery.raw(text, parameters))
    updated += Number(result.numAffectedRows ?? 0)
  }
  return updated
}
