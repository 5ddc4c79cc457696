import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE, ENGINE_FILE, openDatabase, openPostgres } from '@core/db'
import { createPostgresDatabase } from '@core/db/test-db'
import { CLI_ENTRY } from '../helpers/node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const server = process.env.LOKET_TEST_POSTGRES

async function cli(dataDir: string, ...args: string[]) {
  const r = await run(process.execPath, [CLI_ENTRY, ...args, '--data-dir', dataDir, '--json'], {
    cwd: root,
    env: { ...process.env, LOKET_DATABASE: '' },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }))
  return {
    ...(JSON.parse(r.stdout.trim()) as Record<string, unknown>),
    exit: 'code' in r ? r.code : 0,
  }
}

/** A fresh, empty database on the test server, by URL. */
const emptyDatabase = (name: string) => createPostgresDatabase(server!, name)

describe.runIf(server)('db move-to-postgres', () => {
  let dataDir: string
  let spare: string
  const suffix = `${process.pid}_${Date.now().toString(36)}`

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'loket-move-'))
    await cli(
      dataDir,
      'init',
      '--company',
      'Net Jaya',
      '--admin-user',
      'owner',
      '--admin-password',
      'Sangat-Rahasia-42',
    )
    await cli(dataDir, 'demo-data', '--customers', '300', '--seed', 'move', '--as-of', '2026-11-22')
    await cli(dataDir, 'billing', 'run', '--period', '2026-12')
    // A second data directory with the same SQLite file, to try a target that is not empty.
    spare = mkdtempSync(path.join(tmpdir(), 'loket-move-spare-'))
    copyFileSync(path.join(dataDir, DATABASE_FILE), path.join(spare, DATABASE_FILE))
    copyFileSync(path.join(dataDir, 'secret.key'), path.join(spare, 'secret.key'))
  }, 120_000)
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(spare, { recursive: true, force: true })
  })

  it('copies the company, checks every table, money column, counter and the audit chain, then the data dir names PostgreSQL', async () => {
    const sqlite = openDatabase(dataDir, { url: null })
    const invoices = await sqlite
      .selectFrom('invoices')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('total').as('total')])
      .executeTakeFirstOrThrow()
    await sqlite.destroy()

    const url = await emptyDatabase(`loket_move_${suffix}`)
    const moved = await cli(dataDir, 'db', 'move-to-postgres', '--database', url)
    expect(moved).toMatchObject({ ok: true, mismatches: [], auditOk: true, exit: 0 })
    expect((moved as { rows?: number }).rows).toBeGreaterThan(1000)

    // The same figures, read through the data directory alone: it opens PostgreSQL now.
    expect(JSON.parse(readFileSync(path.join(dataDir, ENGINE_FILE), 'utf8'))).toMatchObject({
      engine: 'postgres',
      url,
    })
    const pg = openDatabase(dataDir)
    const copied = await pg
      .selectFrom('invoices')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('total').as('total')])
      .executeTakeFirstOrThrow()
    await pg.destroy()
    expect(copied).toEqual(invoices)
    expect(await cli(dataDir, 'audit', 'verify')).toMatchObject({ ok: true })
    // The SQLite file stays as the read-only fallback.
    expect(statSync(path.join(dataDir, DATABASE_FILE)).mode & 0o222).toBe(0)
  }, 120_000)

  it('refuses a target that is not empty, and the data directory keeps its SQLite file', async () => {
    const url = await emptyDatabase(`loket_move_full_${suffix}`)
    const target = openPostgres(url)
    await sql`CREATE TABLE notes (id bigint)`.execute(target)
    await target.destroy()
    const refused = await cli(spare, 'db', 'move-to-postgres', '--database', url)
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_TARGET_NOT_EMPTY' }, exit: 1 })
    expect(() => statSync(path.join(spare, ENGINE_FILE))).toThrow()
  }, 60_000)
})
