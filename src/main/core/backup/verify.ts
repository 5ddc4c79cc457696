import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AppError, isAppError } from '@shared/errors'
import type { Clock } from '../clock'
import { compareTallies, schemaVersion, snapshotIntegrity, tallyTables, withSnapshot } from '../db'
import { DATABASE_PART, type BackupManifest } from './manifest'
import { openBackup, type OpenedBackup } from './open-backup'

export interface VerifyResult extends OpenedBackup {
  integrity: string
}

/** What `verify` last found, kept beside the backup for `backup list` (no secret in it). */
export interface VerifiedMark {
  at: string
  ok: boolean
  /** The error code when not ok. */
  problem: string | null
  /** The backup's size when checked: a file changed since is "not verified" again. */
  bytes: number
}

export const verifiedMarkOf = (file: string) => `${file}.verified.json`

/**
 * Opens a backup with its passphrase, checks every part against the manifest, opens the
 * database snapshot, runs SQLite's integrity check and compares each table's rows and sums with
 * the manifest. Any problem is an error (BACKUP_DAMAGED, BACKUP_PASSPHRASE_WRONG …); the outcome
 * is also written beside the file for `backup list`.
 */
export async function verifyBackup(
  file: string,
  passphrase: string | null,
  clock: Clock,
): Promise<VerifyResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'loket-verify-'))
  try {
    const opened = await openBackup(file, passphrase, work, (name) =>
      name === DATABASE_PART ? DATABASE_PART : null,
    )
    const integrity = await checkSnapshot(path.join(work, DATABASE_PART), opened.manifest)
    // A backup on a read-only disk verifies all the same; only the list will not know.
    await mark(file, clock, { ok: true, problem: null, bytes: opened.bytes }).catch(() => {})
    return { ...opened, integrity }
  } catch (error) {
    // A wrong passphrase says nothing about the file itself.
    if (!isAppError(error) || !error.code.startsWith('BACKUP_PASSPHRASE')) {
      const code = isAppError(error) ? error.code : 'INTERNAL'
      await mark(file, clock, { ok: false, problem: code, bytes: -1 }).catch(() => {})
    }
    throw error
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Integrity, schema version, rows and sums of a snapshot against its manifest. */
export async function checkSnapshot(file: string, manifest: BackupManifest): Promise<string> {
  return withSnapshot(file, async (db) => {
    const integrity = await snapshotIntegrity(file)
    if (integrity !== 'ok') throw new AppError('BACKUP_DAMAGED', `integrity_check: ${integrity}`)
    const version = await schemaVersion(db)
    if (version !== manifest.schemaVersion) {
      throw new AppError('BACKUP_DAMAGED', `schema ${version}, manifest ${manifest.schemaVersion}`)
    }
    const problems = compareTallies(manifest.tables, await tallyTables(db, file))
    if (problems.length) {
      throw new AppError('BACKUP_DAMAGED', problems.slice(0, 5).join('; '), { problems })
    }
    return integrity
  })
}

async function mark(file: string, clock: Clock, result: Omit<VerifiedMark, 'at'>) {
  const { size } = await stat(file)
  const body: VerifiedMark = {
    at: clock.now().toISOString(),
    ...result,
    bytes: result.bytes < 0 ? size : result.bytes,
  }
  await writeFile(verifiedMarkOf(file), `${JSON.stringify(body)}\n`, { mode: 0o600 })
}
