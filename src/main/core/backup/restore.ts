import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { appendAudit, verifyAuditChain, type Actor } from '../audit'
import type { Clock } from '../clock'
import { DATABASE_FILE, knowsSchemaVersion, makePrivateDir, openDatabase, writeTx } from '../db'
import { readBackupHeader } from './container'
import { DATABASE_PART, FILES_PREFIX, KEY_PART } from './manifest'
import { openBackup, type OpenedBackup } from './open-backup'
import { checkSnapshot } from './verify'

export interface RestoreResult extends OpenedBackup {
  dataDir: string
  /** False: router and gateway secrets stay sealed with a key that is gone; enter them again. */
  keyRestored: boolean
  files: number
  auditEntries: number
}

/**
 * Restores a backup into a new data directory (an existing one must be empty): the database as
 * this directory's SQLite file whatever engine the backup came from, the attachments, and the
 * secrets key when the backup has it. The restored copy is then checked: SQLite's integrity
 * check, rows and sums of every table equal to the manifest, and the audit chain whole. A failed
 * restore leaves the directory empty again.
 */
export async function restoreBackup(
  file: string,
  passphrase: string | null,
  dataDir: string,
  who: { clock: Clock; actor: Omit<Actor, 'companyId'> },
): Promise<RestoreResult> {
  const target = path.resolve(dataDir)
  if (existsSync(target) && (await readdir(target)).length > 0) {
    throw new AppError('RESTORE_TARGET_NOT_EMPTY', target, { dataDir: target })
  }
  // A newer Loket's database would be refused by this one at start: say so before writing.
  const { header } = await readBackupHeader(file)
  if (!knowsSchemaVersion(header.schemaVersion)) {
    throw new AppError('BACKUP_NEWER_THAN_APP', `schema ${header.schemaVersion}`)
  }
  makePrivateDir(target)
  try {
    let files = 0
    const opened = await openBackup(file, passphrase, target, (name) => {
      if (name === DATABASE_PART) return DATABASE_FILE
      if (name === KEY_PART) return KEY_PART
      if (name.startsWith(FILES_PREFIX)) {
        files++
        return name
      }
      return null
    })
    await checkSnapshot(path.join(target, DATABASE_FILE), opened.manifest)
    // The restored directory is SQLite whatever LOKET_DATABASE says in this process.
    const db = openDatabase(target, { url: null })
    let audit
    try {
      if (!(await verifyAuditChain(db)).ok) throw new AppError('BACKUP_DAMAGED', 'audit chain')
      // The copy records where it came from; the chain is checked again with that entry on it.
      const company = await db.selectFrom('companies').select('id').orderBy('id').executeTakeFirst()
      await writeTx(db, (tx) =>
        appendAudit(
          tx,
          who.clock,
          { ...who.actor, companyId: company?.id ?? null },
          {
            action: 'backup.restore',
            after: {
              file: path.basename(file),
              createdAt: opened.manifest.createdAt,
              createdBy: opened.manifest.createdBy,
              sourceEngine: opened.manifest.sourceEngine,
              keyRestored: opened.manifest.keyIncluded,
            },
          },
        ),
      )
      audit = await verifyAuditChain(db)
    } finally {
      await db.destroy()
    }
    if (!audit.ok) {
      throw new AppError('BACKUP_DAMAGED', `audit chain broken at entry ${audit.firstBrokenId}`)
    }
    return {
      ...opened,
      dataDir: target,
      keyRestored: opened.manifest.keyIncluded,
      files,
      auditEntries: audit.entries,
    }
  } catch (error) {
    for (const name of await readdir(target)) {
      await rm(path.join(target, name), { recursive: true, force: true })
    }
    throw error
  }
}
