import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { AppError } from '@shared/errors'
import { isNetworkPath, type NetworkPathProbe } from './network-path'
import { recordedPostgresUrl } from './engine-record'
import { openPostgres } from './postgres'
import { makePrivateDir, makePrivateFile, tightenPrivateDir } from './private-data-dir'
import type { Database } from './schema'
import { withStatementCache } from './statement-cache'
import type { Db } from './write-tx'

export const DATABASE_FILE = 'loket.sqlite'

export interface OpenDatabaseOptions {
  /**
   * A PostgreSQL server instead of the data directory's SQLite file (`--database postgres://…`,
   * LOKET_DATABASE, or the data directory's database.json after `db move-to-postgres`). The data
   * directory still holds files, keys, backups and logs. `null`: the SQLite file, whatever else.
   */
  url?: string | null
  /** Path to a better-sqlite3 binary built for this runtime (the Electron build in `npm run dev`). */
  nativeBinding?: string
  networkProbe?: NetworkPathProbe
}

/** Opens (creating if needed) the database of a data directory with the pragmas DESIGN.md asks for. */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  const dir = path.resolve(dataDir)
  if (isNetworkPath(dataDir, options.networkProbe) || isNetworkPath(dir, options.networkProbe)) {
    throw new AppError(
      'DB_ON_NETWORK_PATH',
      `The data directory ${dataDir} is on a network drive. Keep the database on this PC's own disk ` +
        'and let other PCs connect to this host over the LAN (host/client mode).',
      { dataDir },
    )
  }
  // Readable by the owner only, and tightened if an older version left it open (issue 13).
  makePrivateDir(dir)
  tightenPrivateDir(dir)
  const url =
    options.url === null
      ? null
      : (options.url ?? process.env.LOKET_DATABASE ?? recordedPostgresUrl(dir))
  if (url) return openPostgres(url)
  const file = path.join(dir, DATABASE_FILE)
  makePrivateFile(file)
  return openSqlite(file, options.nativeBinding)
}

/** An in-memory database, for tests and throw-away runs. */
export function openMemoryDatabase(): Db {
  return openSqlite(':memory:')
}

/**
 * A SQLite file by its path, with the same pragmas: a backup's snapshot being written, checked or
 * restored (core/backup), never the live data directory's database.
 */
export function openSqliteFile(file: string): Db {
  return openSqlite(file)
}

const sqliteFiles = new WeakMap<Db, string>()

/** The file behind a SQLite database opened here; undefined in memory and on PostgreSQL. */
export function sqliteFileOf(db: Db): string | undefined {
  return sqliteFiles.get(db)
}

function openSqlite(file: string, nativeBinding?: string): Db {
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {})
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
      throw new AppError(
        'DB_NATIVE_MODULE_MISMATCH',
        'better-sqlite3 was built for another runtime (Node vs Electron). Plain Node: run ' +
          '`npm rebuild better-sqlite3`. Desktop dev: run `npm run rebuild:electron`. ' +
          `Original error: ${message}`,
      )
    }
    throw error
  }
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // 64 MB of page cache (the default is 2 MB): three years of invoices and their indexes are
  // a few hundred MB, and an invoice run or a report touches much of them.
  sqlite.pragma('cache_size = -65536')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  if (file !== ':memory:') sqliteFiles.set(db, path.resolve(file))
  return db
}
