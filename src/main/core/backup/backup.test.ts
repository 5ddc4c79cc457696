import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor, verifyAuditChain } from '@core/audit'
import { ManualClock } from '@core/clock'
import { openDatabase, type Db } from '@core/db'
import { directoryFileStore } from '@core/files'
import { AppError } from '@shared/errors'
import { runCli } from '../../../../test/helpers/cli-process'
import { makeDataDir, onPostgres } from '../../../../test/helpers/data-dir'
import { createBackup, listBackups, readBackupHeader, restoreBackup, verifyBackup } from './index'

/**
 * Backups of a real data directory (SQLite, or PostgreSQL on the PostgreSQL run) restored into a
 * new one, compared with the source by counting and summing afresh, not through the manifest.
 */

const clock = new ManualClock('2026-12-04T02:30:00Z')
const OWNER = { ...cliActor(1), username: 'cli:owner' }
const PASSPHRASE = 'kopi tubruk di pos ronda'
let dataDir: string
let db: Db
const attachments: { sha: string; bytes: Buffer }[] = []

interface Figures {
  customers: number
  invoices: number
  invoiceTotal: number
  lines: number
  audit: number
}

/** The figures a restore must keep, counted straight from a database. */
async function figures(target: Db): Promise<Figures> {
  const one = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
    Number((await query.execute(target)).rows[0]!.n)
  return {
    customers: await one(sql`SELECT count(*) AS n FROM customers`),
    invoices: await one(sql`SELECT count(*) AS n FROM invoices`),
    invoiceTotal: await one(sql`SELECT COALESCE(SUM(total), 0) AS n FROM invoices`),
    lines: await one(sql`SELECT COALESCE(SUM(amount), 0) AS n FROM invoice_lines`),
    audit: await one(sql`SELECT count(*) AS n FROM audit_log`),
  }
}

const lastAudit = (target: Db) =>
  target
    .selectFrom('audit_log')
    .select(['action', 'username', 'after_json'])
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()

async function restoredFigures(dir: string): Promise<Figures & { auditOk: boolean }> {
  const restored = openDatabase(dir, { url: null })
  try {
    return { ...(await figures(restored)), auditOk: (await verifyAuditChain(restored)).ok }
  } finally {
    await restored.destroy()
  }
}

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'loket-restore-')), 'data')
const backupsIn = (dir: string) =>
  readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.loket-backup'))

beforeAll(async () => {
  dataDir = await makeDataDir('loket-backup-')
  for (const args of [
    [
      'init',
      '--company',
      'RT/RW Net Sukamaju',
      '--admin-user',
      'admin',
      '--admin-password',
      'Rahasia-123456',
    ],
    ['demo-data', '--customers', '120', '--seed', 'backup', '--as-of', '2026-11-20'],
    ['billing', 'run', '--period', '2026-12', '--as-of', '2026-11-25'],
  ]) {
    const result = await runCli(dataDir, args)
    expect(result.code, result.stderr).toBe(0)
  }
  const files = directoryFileStore(path.join(dataDir, 'files'))
  for (let i = 0; i < 3; i++) {
    const bytes = randomBytes(200_000 + i)
    attachments.push({ sha: await files.put(bytes), bytes })
  }
  db = openDatabase(dataDir)
}, 120_000)

afterAll(async () => {
  await db?.destroy()
})

describe('backup and restore', () => {
  it('a backup with a passphrase restores the same rows, money, attachments and key', async () => {
    const source = await figures(db)
    expect(source.invoices).toBeGreaterThan(0)
    expect(source.invoiceTotal).toBeGreaterThan(0)
    const backup = await createBackup({
      db,
      dataDir,
      clock,
      passphrase: PASSPHRASE,
      actor: OWNER,
    })
    expect(backup.encrypted).toBe(true)
    expect(backup.keyIncluded).toBe(true)
    expect(backup.manifest.sourceEngine).toBe(onPostgres ? 'postgres' : 'sqlite')
    expect(backup.manifest.tables.find((t) => t.table === 'invoices')).toMatchObject({
      rows: source.invoices,
      sums: { total: source.invoiceTotal },
    })
    // Nothing of the customers' data readable in the file without the passphrase.
    const raw = readFileSync(backup.file)
    expect(raw.includes(Buffer.from('RT/RW Net Sukamaju'))).toBe(true) // the header's company
    expect(raw.includes(attachments[0]!.bytes.subarray(0, 64))).toBe(false)
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false)

    const target = freshDir()
    const restored = await restoreBackup(backup.file, PASSPHRASE, target, { clock, actor: OWNER })
    expect(restored.keyRestored).toBe(true)
    expect(await lastAudit(db)).toMatchObject({ action: 'backup.create', username: 'cli:owner' })
    const copy = openDatabase(target, { url: null })
    try {
      expect(await lastAudit(copy)).toMatchObject({
        action: 'backup.restore',
        username: 'cli:owner',
      })
    } finally {
      await copy.destroy()
    }
    expect(restored.files).toBe(3)
    // The copy carries one audit entry more: its own restore.
    expect(await restoredFigures(target)).toEqual({
      ...source,
      audit: source.audit + 1,
      auditOk: true,
    })
    for (const { sha, bytes } of attachments) {
      expect(readFileSync(path.join(target, 'files', sha.slice(0, 2), sha)).equals(bytes)).toBe(
        true,
      )
    }
    expect(readFileSync(path.join(target, 'secret.key'), 'utf8')).toBe(
      readFileSync(path.join(dataDir, 'secret.key'), 'utf8'),
    )
    // Restored as SQLite whatever the source: no database.json in the new directory.
    expect(existsSync(path.join(target, 'database.json'))).toBe(false)
    expect(existsSync(path.join(target, 'loket.sqlite'))).toBe(true)
  })

  it('without a passphrase the key stays out and the restore still matches', async () => {
    const source = await figures(db)
    const backup = await createBackup({
      db,
      dataDir,
      clock,
      passphrase: null,
      actor: OWNER,
      out: path.join(dataDir, 'backups', 'plain.loket-backup'),
    })
    expect(backup.encrypted).toBe(false)
    expect(backup.keyIncluded).toBe(false)
    const target = freshDir()
    const restored = await restoreBackup(backup.file, null, target, { clock, actor: OWNER })
    expect(restored.keyRestored).toBe(false)
    expect(existsSync(path.join(target, 'secret.key'))).toBe(false)
    // The copy carries one audit entry more: its own restore.
    expect(await restoredFigures(target)).toEqual({
      ...source,
      audit: source.audit + 1,
      auditOk: true,
    })
  })

  it('a wrong passphrase is refused in Indonesian, and none at all is asked for', async () => {
    const backup = await createBackup({
      db,
      dataDir,
      clock,
      passphrase: PASSPHRASE,
      actor: OWNER,
      out: path.join(dataDir, 'backups', 'wrong.loket-backup'),
    })
    await expect(verifyBackup(backup.file, 'teh manis', clock)).rejects.toMatchObject({
      code: 'BACKUP_PASSPHRASE_WRONG',
    })
    await expect(verifyBackup(backup.file, null, clock)).rejects.toMatchObject({
      code: 'BACKUP_PASSPHRASE_REQUIRED',
    })
    const target = freshDir()
    await expect(
      restoreBackup(backup.file, 'teh manis', target, { clock, actor: OWNER }),
    ).rejects.toBeInstanceOf(AppError)
    expect(readdirSync(target)).toEqual([])
    // The CLI child reads the passphrase from its environment, inherited from this one.
    process.env.LOKET_BACKUP_PASSPHRASE = 'teh manis'
    const cli = await runCli(dataDir, ['backup', 'verify', backup.file], { human: true }).finally(
      () => delete process.env.LOKET_BACKUP_PASSPHRASE,
    )
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('Frasa sandi cadangan salah')
  })

  it('one changed byte anywhere is found by verify and stops a restore', async () => {
    const backup = await createBackup({
      db,
      dataDir,
      clock,
      passphrase: PASSPHRASE,
      actor: OWNER,
      out: path.join(dataDir, 'backups', 'tampered.loket-backup'),
    })
    expect((await verifyBackup(backup.file, PASSPHRASE, clock)).integrity).toBe('ok')
    const bytes = readFileSync(backup.file)
    const { offset } = await readBackupHeader(backup.file)
    for (const at of [offset + 10, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const copy = Buffer.from(bytes)
      copy[at] = copy[at]! ^ 0x01
      const file = path.join(dataDir, 'backups', `tampered-${at}.loket-backup`)
      writeFileSync(file, copy)
      await expect(verifyBackup(file, PASSPHRASE, clock)).rejects.toMatchObject({
        code: 'BACKUP_DAMAGED',
      })
      const target = freshDir()
      await expect(
        restoreBackup(file, PASSPHRASE, target, { clock, actor: OWNER }),
      ).rejects.toMatchObject({
        code: 'BACKUP_DAMAGED',
      })
      expect(readdirSync(target)).toEqual([])
    }
    // The unencrypted header is covered too: who made it cannot be rewritten.
    const forged = path.join(dataDir, 'backups', 'forged.loket-backup')
    writeFileSync(
      forged,
      Buffer.from(bytes.toString('latin1').replace('cli:owner', 'cli:ownez'), 'latin1'),
    )
    await expect(verifyBackup(forged, PASSPHRASE, clock)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    })
    // A file cut short is damaged too, not a smaller backup.
    const cut = path.join(dataDir, 'backups', 'cut.loket-backup')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100))
    await expect(verifyBackup(cut, PASSPHRASE, clock)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    })
    const { backups } = await listBackups([path.join(dataDir, 'backups')])
    const listed = backups.find((b) => b.file === backup.file)!
    expect(listed.verified?.ok).toBe(true)
    expect(backups.find((b) => b.file === cut)?.verified).toMatchObject({
      ok: false,
      problem: 'BACKUP_DAMAGED',
    })
  })

  // SQLite copies the file as it is; PostgreSQL's snapshot is written in this build's schema, so
  // a newer source is refused when the backup is made (postgresSnapshot) instead.
  it.skipIf(onPostgres)(
    'a backup of a newer Loket is refused before anything is written',
    async () => {
      const future = '299912310000_from_a_newer_loket'
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${future}, ${'2999-12-31T00:00:00.000Z'})`.execute(
        db,
      )
      let file: string
      try {
        const backup = await createBackup({
          db,
          dataDir,
          clock,
          passphrase: PASSPHRASE,
          actor: OWNER,
          out: path.join(dataDir, 'backups', 'future.loket-backup'),
        })
        expect(backup.manifest.schemaVersion).toBe(future)
        file = backup.file
      } finally {
        await sql`DELETE FROM kysely_migration WHERE name = ${future}`.execute(db)
      }
      const target = freshDir()
      await expect(
        restoreBackup(file, PASSPHRASE, target, { clock, actor: OWNER }),
      ).rejects.toMatchObject({
        code: 'BACKUP_NEWER_THAN_APP',
      })
      expect(existsSync(target)).toBe(false)
    },
  )

  it('a restore refuses a data directory that is not empty', async () => {
    const [name] = backupsIn(dataDir)
    await expect(
      restoreBackup(path.join(dataDir, 'backups', name!), PASSPHRASE, dataDir, {
        clock,
        actor: OWNER,
      }),
    ).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' })
  })

  it('the list reads date, size, who and company without the passphrase', async () => {
    const { backups } = await listBackups([path.join(dataDir, 'backups')])
    const plain = backups.find((b) => b.file.endsWith('plain.loket-backup'))!
    expect(plain).toMatchObject({
      createdAt: '2026-12-04T02:30:00.000Z',
      createdBy: 'cli:owner',
      company: 'RT/RW Net Sukamaju',
      encrypted: false,
      keyIncluded: false,
      problem: null,
    })
    expect(plain.bytes).toBeGreaterThan(0)
  })
})
