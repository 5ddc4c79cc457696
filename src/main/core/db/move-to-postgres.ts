import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import { insertValues } from './bulk-rows'
import { engineOf } from './engine'
import { migrateToLatest } from './migrate'
import type { Database } from './schema'
import { writeTx, type Db } from './write-tx'

/** Tables the engines keep for themselves (migrations, the search index's FTS5 shadow tables). */
export const OWN_TABLES = /^(sqlite_|kysely_migration|customer_search)/
const PAGE = 5000

export interface MovedTable {
  table: string
  rows: number
  /** The sum of each whole-number column (money, counters, ids), equal on both sides. */
  sums: Record<string, number>
}

export interface MoveReport {
  tables: MovedTable[]
  rows: number
  counters: number
  searchEntries: number
  mismatches: string[]
}

export interface Column {
  name: string
  integer: boolean
}

/**
 * Copies everything in a SQLite database into an empty PostgreSQL database (migrated first, so
 * both have this build's schema), then checks the copy: rows per table, the sum of every
 * whole-number column — money included — and every counter. The copy is one PostgreSQL
 * transaction: a failure leaves the target as empty as it was.
 */
export async function moveToPostgres(source: Db, target: Db): Promise<MoveReport> {
  if (engineOf(source) !== 'sqlite' || engineOf(target) !== 'postgres') {
    throw new AppError('VALIDATION', 'move-to-postgres copies a SQLite database into PostgreSQL')
  }
  const existing = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables
    WHERE table_schema = current_schema()`.execute(target)
  if (Number(existing.rows[0]?.n ?? 0) > 0) throw new AppError('DB_TARGET_NOT_EMPTY')
  await migrateToLatest(source)
  await migrateToLatest(target)

  const tables = await copyOrder(source)
  const columns = new Map<string, Column[]>()
  for (const table of tables) columns.set(table, await columnsOf(source, table))

  let searchEntries = 0
  await writeTx(target, async (tx) => {
    // Issued invoices refuse new lines (BILLING.md 14) except through the run's write window.
    const lastInvoice = await source
      .selectFrom('invoices')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst()
    await tx
      .insertInto('invoice_write_window')
      .values({ first_id: 0, last_id: lastInvoice?.id ?? 0 })
      .execute()
    for (const table of tables) {
      const cols = columns.get(table)!.map((c) => c.name)
      let after = -Infinity
      for (;;) {
        const { rows } = await sql<
          Record<string, unknown>
        >`SELECT rowid AS "__rowid", * FROM ${sql.table(
          table,
        )} WHERE rowid > ${after} ORDER BY rowid LIMIT ${PAGE}`.execute(source)
        if (!rows.length) break
        after = rows.at(-1)!.__rowid as number
        const values: unknown[] = []
        for (const row of rows) for (const c of cols) values.push(row[c] ?? null)
        await insertValues(tx, table as keyof Database & string, cols as never, values)
      }
    }
    await tx.deleteFrom('invoice_write_window').execute()
    // The search index: FTS5's rows by their rowid (the customer id).
    let after = -Infinity
    for (;;) {
      const { rows } = await sql<{ rowid: number; body: string }>`SELECT rowid, body
        FROM customer_search WHERE rowid > ${after} ORDER BY rowid LIMIT ${PAGE}`.execute(source)
      if (!rows.length) break
      after = rows.at(-1)!.rowid
      const values = rows.flatMap((r) => [r.rowid, r.body])
      await insertValues(tx, 'customer_search' as never, ['rowid', 'body'] as never, values)
      searchEntries += rows.length
    }
    // Identity columns continue after the copied ids.
    for (const table of tables) {
      if (!columns.get(table)!.some((c) => c.name === 'id')) continue
      const { rows } = await sql<{
        seq: string | null
      }>`SELECT pg_get_serial_sequence(${table}, 'id') AS seq`.execute(tx)
      const seq = rows[0]?.seq
      if (!seq) continue
      await sql`SELECT setval(${seq}, (SELECT COALESCE(MAX(id), 0) + 1 FROM ${sql.table(table)}), false)`.execute(
        tx,
      )
    }
  })

  const report: MoveReport = { tables: [], rows: 0, counters: 0, searchEntries, mismatches: [] }
  for (const table of tables) {
    const ints = columns
      .get(table)!
      .filter((c) => c.integer)
      .map((c) => c.name)
    const [a, b] = [await tally(source, table, ints), await tally(target, table, ints)]
    if (a.rows !== b.rows) report.mismatches.push(`${table}: ${a.rows} rows, copy has ${b.rows}`)
    for (const c of ints) {
      if (a.sums[c] !== b.sums[c]) {
        report.mismatches.push(`${table}.${c}: sum ${a.sums[c]}, copy has ${b.sums[c]}`)
      }
    }
    report.tables.push({ table, ...a })
    report.rows += a.rows
  }
  const counters = async (db: Db) =>
    (
      await db
        .selectFrom('counters')
        .select(['company_id', 'name', 'value'])
        .orderBy('company_id')
        .orderBy('name')
        .execute()
    ).map((r) => `${r.company_id}/${r.name}=${r.value}`)
  const [ca, cb] = [await counters(source), await counters(target)]
  report.counters = ca.length
  if (ca.join('\n') !== cb.join('\n')) report.mismatches.push('counters differ')
  const searchCopy = await sql<{ n: number }>`SELECT count(*) AS n FROM customer_search`.execute(
    target,
  )
  if (Number(searchCopy.rows[0]?.n) !== searchEntries) report.mismatches.push('customer_search')
  return report
}

/** Tables in an order where each comes after the tables its foreign keys point at. */
export async function copyOrder(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'table' ORDER BY name`.execute(db)
  const names = rows.map((r) => r.name).filter((n) => !OWN_TABLES.test(n))
  const deps = new Map<string, string[]>()
  for (const name of names) {
    const fks = await sql<{
      table: string
    }>`SELECT "table" FROM pragma_foreign_key_list(${name})`.execute(db)
    deps.set(
      name,
      fks.rows.map((f) => f.table).filter((t) => t !== name),
    )
  }
  const ordered: string[] = []
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return
    if (path.includes(name))
      throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`)
    for (const dep of deps.get(name) ?? []) visit(dep, [...path, name])
    ordered.push(name)
  }
  for (const name of names) visit(name, [])
  return ordered
}

export async function columnsOf(db: Db, table: string): Promise<Column[]> {
  const { rows } = await sql<{ name: string; type: string }>`SELECT name, type
    FROM pragma_table_info(${table}) ORDER BY cid`.execute(db)
  return rows.map((r) => ({ name: r.name, integer: /^integer$/i.test(r.type) }))
}

export async function tally(db: Db, table: string, ints: string[]) {
  const { rows } = await tallyStatement(table, ints).execute(db)
  return tallyRow(rows[0]!, ints)
}

/** One table's row count and the sum of each of `ints`, in one statement. */
export function tallyStatement(table: string, ints: string[]) {
  const sums = ints.map((c) => sql`COALESCE(SUM(${sql.ref(c)}), 0)`)
  return sql<Record<string, number>>`SELECT COUNT(*) AS "__rows"${
    sums.length ? sql`, ${sql.join(sums.map((s, k) => sql`${s} AS ${sql.ref(`s${k}`)}`))}` : sql``
  } FROM ${sql.table(table)}`
}

export function tallyRow(row: Record<string, unknown>, ints: string[]) {
  return {
    rows: Number(row.__rows),
    sums: Object.fromEntries(ints.map((c, k) => [c, Number(row[`s${k}`])])),
  }
}
