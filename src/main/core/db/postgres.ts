import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { AppError } from '@shared/errors'
import { PostgresPlugin } from './postgres-plugin'
import type { Database } from './schema'

const INT8 = 20
const NUMERIC = 1700

/**
 * Whole numbers come back as numbers, as they do from SQLite: ids and rupiah are BIGINT columns
 * (pg returns those as strings) and sum() over them is NUMERIC. Loket stores no fractions, so
 * anything that would not survive as an exact JavaScript integer is an error, never rounded.
 */
function exactInteger(text: string): number {
  const n = Number(text)
  if (!Number.isSafeInteger(n)) {
    throw new AppError('DB_NUMBER_OUT_OF_RANGE', `A database number is not a safe integer: ${text}`)
  }
  return n
}
pg.types.setTypeParser(INT8, exactInteger)
pg.types.setTypeParser(NUMERIC, exactInteger)

/**
 * pg's client, keeping what PostgreSQL made of each statement it ran: a named prepared statement
 * per connection, so a payment's dozen statements are parsed and planned once per connection,
 * not at every payment (what the statement cache does for SQLite). Statements with many
 * parameters (bulk inserts, long IN lists) differ by their count and stay unnamed, and a
 * connection keeps at most KEPT of them. A kept plan that a migration made stale is dropped and
 * the statement runs again unnamed.
 */
const KEPT = 400
const MAX_NAMED_PARAMETERS = 64
class PreparingClient extends pg.Client {
  #names = new Map<string, string>()
  // Names are never reused: a statement dropped after a stale plan keeps its name on the server.
  #made = 0

  // @ts-expect-error pg's overloads: kysely calls query(text, values) and awaits the promise.
  override query(text: unknown, values?: unknown, callback?: unknown) {
    if (
      typeof text !== 'string' ||
      callback !== undefined ||
      !Array.isArray(values) ||
      values.length === 0 ||
      values.length > MAX_NAMED_PARAMETERS
    ) {
      // @ts-expect-error the same overloads, passed through as given
      return super.query(text, values, callback)
    }
    let name = this.#names.get(text)
    if (!name && this.#names.size < KEPT) {
      name = `loket_${++this.#made}`
      this.#names.set(text, name)
    }
    if (!name) return super.query(text, values)
    return super.query({ name, text, values }).catch((error: { code?: string }) => {
      // 0A000 "cached plan must not change result type": the table changed under the plan.
      if (error.code !== '0A000') throw error
      this.#names.delete(text)
      return super.query(text, values)
    })
  }
}

/** A `postgres://` or `postgresql://` URL, or null for anything else. */
export function isPostgresUrl(value: string | undefined | null): value is string {
  return !!value && /^postgres(ql)?:\/\//i.test(value)
}

/** A database on a PostgreSQL server (`--database postgres://USER:PASS@HOST:PORT/DB`). */
export function openPostgres(url: string, options: { max?: number } = {}): Kysely<Database> {
  if (!isPostgresUrl(url)) {
    throw new AppError(
      'DB_URL_INVALID',
      'The database must be a postgres://USER:PASS@HOST:PORT/DB URL.',
    )
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    Client: PreparingClient as unknown as typeof pg.Client,
  })
  // An idle client that loses its server (a restart) must not crash the host.
  pool.on('error', (error) => console.error('postgres pool:', error.message))
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PostgresPlugin()],
  })
}
