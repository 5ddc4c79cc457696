import { existsSync, readFileSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { isAppError } from '@shared/errors'
import { BACKUP_EXTENSION, readBackupHeader } from './container'
import { removeLeftovers } from './temp-files'
import { verifiedMarkOf, type VerifiedMark } from './verify'

export interface ListedBackup {
  file: string
  bytes: number
  createdAt: string | null
  createdBy: string | null
  company: string | null
  schemaVersion: string | null
  encrypted: boolean | null
  keyIncluded: boolean | null
  /** The last verify of this very file (same size), or null when never verified. */
  verified: VerifiedMark | null
  /** Set when even the header cannot be read (BACKUP_NOT_A_BACKUP, BACKUP_DAMAGED …). */
  problem: string | null
}

export interface BackupList {
  backups: ListedBackup[]
  /** Leftovers of backups whose writer was killed or crashed, removed now. */
  removed: string[]
}

/**
 * The backups in the given folders, newest first, from their unencrypted headers: no passphrase
 * needed. Half-written files (`.partial`) are never listed; those whose writer is gone are
 * removed.
 */
export async function listBackups(folders: string[]): Promise<BackupList> {
  const backups: ListedBackup[] = []
  const removed: string[] = []
  for (const folder of folders) {
    if (!existsSync(folder)) continue
    removed.push(...(await removeLeftovers(folder)))
    for (const name of await readdir(folder)) {
      if (!name.endsWith(BACKUP_EXTENSION)) continue
      const file = path.join(folder, name)
      const { size } = await stat(file)
      const listed: ListedBackup = {
        file,
        bytes: size,
        createdAt: null,
        createdBy: null,
        company: null,
        schemaVersion: null,
        encrypted: null,
        keyIncluded: null,
        verified: verifiedMark(file, size),
        problem: null,
      }
      try {
        const { header } = await readBackupHeader(file)
        Object.assign(listed, {
          createdAt: header.createdAt,
          createdBy: header.createdBy,
          company: header.company,
          schemaVersion: header.schemaVersion,
          encrypted: header.encrypted,
          keyIncluded: header.keyIncluded,
        })
      } catch (error) {
        listed.problem = isAppError(error) ? error.code : 'INTERNAL'
      }
      backups.push(listed)
    }
  }
  backups.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  return { backups, removed }
}

function verifiedMark(file: string, size: number): VerifiedMark | null {
  const markFile = verifiedMarkOf(file)
  if (!existsSync(markFile)) return null
  try {
    const mark = JSON.parse(readFileSync(markFile, 'utf8')) as VerifiedMark
    return mark.bytes === size ? mark : null
  } catch {
    return null
  }
}
