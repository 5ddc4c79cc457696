import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { migrateToLatest, openDatabase } from './index'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-db-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('database file', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const db = openDatabase(tempDir())
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0] as object)[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('synchronous')).toBe(2)
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('busy_timeout')).toBe(5000)
    await db.destroy()
  })

  it('migrates forward once and records it', async () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    expect((await migrateToLatest(db)).applied).toContain('202611220001_foundation')
    expect((await migrateToLatest(db)).applied).toEqual([])
    await db.destroy()
  })

  it('refuses a database written by a newer Loket, before touching it', async () => {
    const dir = tempDir()
    const db = openDatabase(dir)
    await migrateToLatest(db)
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('209912310000_future', '2099-12-31')`.execute(
      db,
    )
    const error = await migrateToLatest(db).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('DB_NEWER_THAN_APP')
    expect((error as AppError).message).toMatch(/newer version of Loket/)
    await db.destroy()
  })

  it('refuses a data directory on a network share', () => {
    const error = (() => {
      try {
        openDatabase('\\\\kantor-pc\\loket\\data')
      } catch (e) {
        return e
      }
    })()
    expect((error as AppError).code).toBe('DB_ON_NETWORK_PATH')
    expect((error as AppError).message).toMatch(/host\/client mode/)
  })
})
