import { AppError } from '@shared/errors'
import { systemClock } from '../core/clock'
import { migrateToLatest, openDatabase, type Db } from '../core/db'
import type { CoreDeps } from '../core/deps'
import {
  bindStoredSecrets,
  dataDirSecretBox,
  sealStoredLogins,
  sealStoredVouchers,
} from '../core/secrets'

/** Open, migrate, run, close: every command gets a ready database and never leaves it open. */
export async function withDb<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(dataDir)
  try {
    await migrateToLatest(db)
    const secrets = dataDirSecretBox(dataDir)
    await sealStoredLogins(db, secrets)
    await sealStoredVouchers(db, secrets)
    await bindStoredSecrets(db, secrets)
    return await fn(db)
  } finally {
    await db.destroy()
  }
}

/** The CLI acts for the data dir's company (one per data dir today); run `init` first. */
export async function firstCompanyId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('companies')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  if (!row) throw new AppError('SETUP_REQUIRED', 'no company in this data dir: run `init` first')
  return row.id
}

/** The core dependencies of a CLI command on a data directory (its key included). */
export function cliDeps(db: Db, dataDir: string): CoreDeps {
  return { db, clock: systemClock, secrets: dataDirSecretBox(dataDir) }
}
