import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { AppError } from '@shared/errors'
import type { BackupSettingsInput, BackupSettingsView } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import type { Clock } from '../clock'
import { writeTx, type Database, type Db } from '../db'
import type { SecretBox } from '../secrets'
import { readSettings, writeSettings } from '../settings'

export const BACKUP_TIME = '02:30'
const KEY = 'backup'

/**
 * Stored per company. The passphrase is kept sealed with the data directory's key: the 02:30
 * backup runs with nobody at the keyboard. It is never sent back to a page.
 */
export interface StoredBackupSettings {
  scheduleEnabled: boolean
  copyFolder: string | null
  sealedPassphrase: string | null
  /** The company day (YYYY-MM-DD) whose 02:30 backup was last attempted. */
  lastScheduledDay: string | null
}

const stored = z.object({
  scheduleEnabled: z.boolean(),
  copyFolder: z.string().nullable(),
  sealedPassphrase: z.string().nullable(),
  lastScheduledDay: z.string().nullable(),
})

const DEFAULTS: StoredBackupSettings = {
  scheduleEnabled: true,
  copyFolder: null,
  sealedPassphrase: null,
  lastScheduledDay: null,
}

export function readBackupSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<StoredBackupSettings> {
  return readSettings(db, companyId, KEY, stored, DEFAULTS)
}

export function writeBackupSettings(
  tx: Kysely<Database>,
  clock: Clock,
  companyId: number,
  value: StoredBackupSettings,
): Promise<void> {
  return writeSettings(tx, companyId, KEY, value, clock.now().toISOString())
}

export function backupSettingsView(settings: StoredBackupSettings): BackupSettingsView {
  return {
    scheduleEnabled: settings.scheduleEnabled,
    copyFolder: settings.copyFolder,
    passphraseSet: settings.sealedPassphrase !== null,
    scheduleTime: BACKUP_TIME,
  }
}

/** The stored passphrase in clear, for a backup nobody types it for; null when none is set. */
export function storedPassphrase(
  secrets: SecretBox,
  settings: StoredBackupSettings,
): string | null {
  if (settings.sealedPassphrase === null) return null
  try {
    return secrets.open(settings.sealedPassphrase)
  } catch {
    // Sealed under another secret.key (a data directory copied without it): set it again.
    throw new AppError('BACKUP_PASSPHRASE_UNREADABLE', 'stored backup passphrase cannot be opened')
  }
}

interface SettingsDeps {
  db: Db
  clock: Clock
  secrets: SecretBox
}

export async function saveBackupSettings(
  deps: SettingsDeps,
  actor: Actor & { companyId: number },
  input: BackupSettingsInput,
): Promise<BackupSettingsView> {
  const copyFolder = input.copyFolder === null ? null : checkCopyFolder(input.copyFolder)
  return writeTx(deps.db, async (tx) => {
    const before = await readBackupSettings(tx, actor.companyId)
    const next = { ...before, scheduleEnabled: input.scheduleEnabled, copyFolder }
    await writeBackupSettings(tx, deps.clock, actor.companyId, next)
    await appendAudit(tx, deps.clock, actor, {
      action: 'backup.settings',
      before: { scheduleEnabled: before.scheduleEnabled, copyFolder: before.copyFolder },
      after: { scheduleEnabled: next.scheduleEnabled, copyFolder: next.copyFolder },
    })
    return backupSettingsView(next)
  })
}

/** Sets or changes the passphrase; the audit log records that it changed, never its value. */
export async function setBackupPassphrase(
  deps: SettingsDeps,
  actor: Actor & { companyId: number },
  passphrase: string,
): Promise<BackupSettingsView> {
  return writeTx(deps.db, async (tx) => {
    const before = await readBackupSettings(tx, actor.companyId)
    const next = { ...before, sealedPassphrase: deps.secrets.seal(passphrase) }
    await writeBackupSettings(tx, deps.clock, actor.companyId, next)
    await appendAudit(tx, deps.clock, actor, {
      action: 'backup.passphrase',
      after: { replaced: before.sealedPassphrase !== null },
    })
    return backupSettingsView(next)
  })
}

/** A second folder must be an absolute path to an existing folder (a plugged-in USB disk). */
function checkCopyFolder(folder: string): string {
  const resolved = path.resolve(folder)
  if (!path.isAbsolute(folder) || !existsSync(resolved) || !statSync(resolved).isDirectory()) {
    throw new AppError('BACKUP_FOLDER_INVALID', folder, { field: 'copyFolder' })
  }
  return resolved
}
