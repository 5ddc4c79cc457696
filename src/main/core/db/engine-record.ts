import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AppError } from '@shared/errors'

/** Where a data directory records that its company lives in PostgreSQL now. */
export const ENGINE_FILE = 'database.json'

const record = z.object({
  engine: z.literal('postgres'),
  url: z.string().regex(/^postgres(ql)?:\/\//i),
  movedAt: z.string(),
})

/**
 * The PostgreSQL URL this data directory moved to (`db move-to-postgres`), or null while its
 * SQLite file is the database. The file sits in the private data directory (owner only), like
 * the key that unseals router passwords.
 */
export function recordedPostgresUrl(dataDir: string): string | null {
  const file = path.join(dataDir, ENGINE_FILE)
  if (!existsSync(file)) return null
  const parsed = record.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    throw new AppError('DB_URL_INVALID', `${file} does not name a postgres:// database`)
  }
  return parsed.data.url
}

/** Records the move: written to a temporary name and renamed, owner-readable only. */
export function recordPostgres(dataDir: string, url: string, at: Date): void {
  const file = path.join(dataDir, ENGINE_FILE)
  const temp = `${file}.tmp`
  const body = { engine: 'postgres', url, movedAt: at.toISOString() } satisfies z.infer<
    typeof record
  >
  writeFileSync(temp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 })
  renameSync(temp, file)
  chmodSync(file, 0o600)
}
