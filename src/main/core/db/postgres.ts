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
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 })
  // An idle client that loses its server (a restart) must not crash the host.
  pool.on('error', (error) => console.error('postgres pool:', error.message))
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PostgresPlugin()],
  })
}
