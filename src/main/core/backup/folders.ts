import { existsSync, statSync } from 'node:fs'
import { copyFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { BACKUP_EXTENSION } from './container'
import { BACKUP_FOLDER } from './create'
import { listBackups } from './list'
import { planRetention, type RetentionPolicy } from './retention'
import { fsyncDir, partialName } from './temp-files'
import { verifiedMarkOf } from './verify'

/** The data directory's own backup folder, then the second one when set. */
export function backupFolders(dataDir: string, copyFolder: string | null): string[] {
  const own = path.join(path.resolve(dataDir), BACKUP_FOLDER)
  return copyFolder ? [own, path.resolve(copyFolder)] : [own]
}

/**
 * The file a page names, found only inside the backup folders: the name is a bare file name
 * ending in .loket-backup (no separator, no `..`), so no request can reach another file.
 */
export function findBackupFile(folders: string[], name: string): string {
  const bare =
    name === path.basename(name) &&
    !/[\\/:\0]/.test(name) &&
    !name.startsWith('.') &&
    name.endsWith(BACKUP_EXTENSION)
  if (!bare) throw new AppError('BACKUP_NOT_FOUND', 'not a backup file name', { file: name })
  for (const folder of folders) {
    const file = path.join(folder, name)
    if (path.dirname(file) !== folder) continue
    if (existsSync(file) && statSync(file).isFile()) return file
  }
  throw new AppError('BACKUP_NOT_FOUND', name, { file: name })
}

/** Copies a finished backup into another folder under a temporary name, renamed when whole. */
export async function copyBackup(file: string, folder: string): Promise<string> {
  const target = path.join(path.resolve(folder), path.basename(file))
  const partial = partialName(target, process.pid)
  try {
    await copyFile(file, partial)
    await rename(partial, target)
    await fsyncDir(path.dirname(target))
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
  return target
}

/**
 * Applies the retention rule to one folder: removes what planRetention says, and only files that
 * sit directly in that folder (with their verify marks). Returns the removed names.
 */
/** Who the daily backup's file names as its maker (the header's "created by"). */
export const SCHEDULED_BY = 'system:backup'

export async function pruneFolder(
  folder: string,
  timeZone: string,
  policy?: RetentionPolicy,
): Promise<string[]> {
  const { backups } = await listBackups([folder])
  // Only the schedule's own backups are thinned out: one somebody made (by hand, the CLI, the
  // safety copy before a restore) stays until a person removes it. A file whose header cannot be
  // read has no date either: it stays for a person to look at.
  const dated = backups.flatMap((b) =>
    b.createdAt && b.createdBy === SCHEDULED_BY ? [{ file: b.file, createdAt: b.createdAt }] : [],
  )
  const plan = planRetention(dated, timeZone, policy)
  const removed: string[] = []
  for (const file of plan.remove) {
    if (path.dirname(file) !== folder) continue
    await rm(file, { force: true })
    await rm(verifiedMarkOf(file), { force: true })
    removed.push(path.basename(file))
  }
  return removed
}
