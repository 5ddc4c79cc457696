import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import type { Clock } from '../clock'
import { DATABASE_FILE, engineOf, knowsSchemaVersion, openDatabase, writeTx, type Db } from '../db'
import { BACKUP_EXTENSION, readBackupHeader } from './container'
import { BACKUP_FOLDER, createBackup, type BackupResult } from './create'
import { restoreBackup, type RestoreResult } from './restore'
import { fsyncDir } from './temp-files'
import { verifyBackup } from './verify'

/** What is moved aside and replaced: the database (with its WAL), the attachments, the key. */
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal']
const FILES_DIR = 'files'
const KEY_FILE = 'secret.key'

/** The folder inside the data directory where the replaced data is kept (never deleted). */
export const ASIDE_PREFIX = 'sebelum-pemulihan-'

const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')

/** `loket-20261204T231750Z-sebelum-pemulihan.loket-backup`: sorts with the others, says why. */
export function safetyBackupName(at: Date): string {
  return `loket-${stampOf(at)}-sebelum-pemulihan${BACKUP_EXTENSION}`
}

export interface LiveRestoreCheck {
  db: Db
  dataDir: string
  clock: Clock
}

/**
 * Everything that can be known before the live data is touched: the engine (a restore writes a
 * SQLite database, so a PostgreSQL host is refused), the backup's schema, its passphrase and every
 * part's integrity. Throws the AppError the page shows; nothing is written but the verify mark.
 */
export async function checkLiveRestore(
  deps: LiveRestoreCheck,
  file: string,
  passphrase: string | null,
): Promise<void> {
  if (engineOf(deps.db) === 'postgres') {
    throw new AppError('RESTORE_LIVE_POSTGRES', 'the live database is PostgreSQL')
  }
  const { header } = await readBackupHeader(file)
  if (!knowsSchemaVersion(header.schemaVersion)) {
    throw new AppError('BACKUP_NEWER_THAN_APP', `schema ${header.schemaVersion}`)
  }
  await verifyBackup(file, header.encrypted ? passphrase : null, deps.clock)
}

/** The backup of the live data made just before it is replaced, into the backups folder. */
export async function createSafetyBackup(
  deps: LiveRestoreCheck,
  actor: Actor,
  passphrase: string | null,
): Promise<BackupResult> {
  const out = path.join(
    path.resolve(deps.dataDir),
    BACKUP_FOLDER,
    safetyBackupName(deps.clock.now()),
  )
  return createBackup({
    db: deps.db,
    dataDir: deps.dataDir,
    clock: deps.clock,
    passphrase,
    actor,
    out,
  })
}

export interface LiveSwap {
  restored: RestoreResult
  /** Where the replaced database, attachments and key now are (inside the data directory). */
  aside: string
  /** Puts the live data back as it was (the restored copy is removed). */
  undo(): Promise<void>
}

export interface SwapOptions {
  clock: Clock
  actor: Omit<Actor, 'companyId'>
  /** The safety backup's file name, for the audit entry. */
  safetyBackup: string | null
  /** Tests only: fail right after the data was swapped, to prove it is put back. */
  failAfterMove?: boolean
}

/**
 * With the host's database CLOSED: restores the backup into a folder beside the data, ends every
 * session in it (everyone signs in again), then moves the live database, attachments and key
 * into `<dataDir>/sebelum-pemulihan-<time>/` and the restored ones into their place. A failure
 * before the move leaves the live data untouched; one after it moves everything back.
 */
export async function swapInBackup(
  dataDir: string,
  file: string,
  passphrase: string | null,
  options: SwapOptions,
): Promise<LiveSwap> {
  const live = path.resolve(dataDir)
  const stamp = stampOf(options.clock.now())
  const work = path.join(live, `pemulihan-${stamp}.tmp`)
  const aside = path.join(live, `${ASIDE_PREFIX}${stamp}`)
  if (existsSync(aside)) throw new AppError('BACKUP_EXISTS', aside)
  await rm(work, { recursive: true, force: true })
  let restored: RestoreResult
  try {
    const { header } = await readBackupHeader(file)
    restored = await restoreBackup(file, header.encrypted ? passphrase : null, work, {
      clock: options.clock,
      actor: options.actor,
    })
    await endSessionsAndRecord(work, file, aside, options)
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }

  // From here on every step is recorded, so a failure can walk it back.
  const moved: { from: string; to: string }[] = []
  const move = async (from: string, to: string) => {
    await rename(from, to)
    moved.push({ from, to })
  }
  const undo = async () => {
    // A WAL the restored database left behind must not meet the live one moved back.
    for (const suffix of SQLITE_SIDE_FILES) {
      const side = path.join(live, DATABASE_FILE + suffix)
      if (!moved.some((m) => m.from === side)) await rm(side, { force: true })
    }
    for (const step of moved.reverse()) {
      if (existsSync(step.to)) {
        await rm(step.from, { recursive: true, force: true })
        await rename(step.to, step.from)
      }
    }
    moved.length = 0
    await rm(work, { recursive: true, force: true })
    await fsyncDir(live)
  }
  try {
    await mkdir(aside, { mode: 0o700 })
    for (const name of [DATABASE_FILE, ...SQLITE_SIDE_FILES.map((s) => DATABASE_FILE + s)]) {
      if (existsSync(path.join(live, name)))
        await move(path.join(live, name), path.join(aside, name))
    }
    if (existsSync(path.join(live, FILES_DIR))) {
      await move(path.join(live, FILES_DIR), path.join(aside, FILES_DIR))
    }
    // The live key is kept aside too; it stays in place unless the backup brings its own (a
    // backup without one was sealed with this data directory's key).
    if (existsSync(path.join(live, KEY_FILE))) {
      await copyFile(path.join(live, KEY_FILE), path.join(aside, KEY_FILE))
      if (restored.keyRestored) {
        await move(path.join(live, KEY_FILE), path.join(work, `${KEY_FILE}.live`))
      }
    }
    await move(path.join(work, DATABASE_FILE), path.join(live, DATABASE_FILE))
    if (existsSync(path.join(work, FILES_DIR))) {
      await move(path.join(work, FILES_DIR), path.join(live, FILES_DIR))
    }
    if (restored.keyRestored) await move(path.join(work, KEY_FILE), path.join(live, KEY_FILE))
    if (options.failAfterMove) throw new Error('injected failure after the move')
    await fsyncDir(live)
  } catch (error) {
    await undo()
    await rm(aside, { recursive: true, force: true })
    throw error
  }
  return {
    restored,
    aside,
    async undo() {
      await undo()
      await rm(aside, { recursive: true, force: true })
    },
  }
}

/** Clears the work folder once the restored host serves (the live key copy is in `aside`). */
export async function finishSwap(dataDir: string): Promise<void> {
  const live = path.resolve(dataDir)
  for (const name of await readdir(live)) {
    if (/^pemulihan-.*\.tmp$/.test(name)) {
      await rm(path.join(live, name), { recursive: true, force: true })
    }
  }
}

async function endSessionsAndRecord(
  work: string,
  file: string,
  aside: string,
  options: SwapOptions,
): Promise<void> {
  const db = openDatabase(work, { url: null })
  try {
    const now = options.clock.now().toISOString()
    const company = await db.selectFrom('companies').select('id').orderBy('id').executeTakeFirst()
    await writeTx(db, async (tx) => {
      await tx
        .updateTable('sessions')
        .set({ ended_at: now, end_reason: 'restored' })
        .where('ended_at', 'is', null)
        .execute()
      await appendAudit(
        tx,
        options.clock,
        { ...options.actor, companyId: company?.id ?? null },
        {
          action: 'backup.restore_live',
          after: {
            file: path.basename(file),
            safetyBackup: options.safetyBackup,
            keptAside: path.basename(aside),
          },
        },
      )
    })
  } finally {
    await db.destroy()
  }
}

/** What the page asks the host runner to do once the safety backup is made. */
export interface LiveRestoreRequest {
  file: string
  passphrase: string | null
  actor: Omit<Actor, 'companyId'>
  /** The safety backup's file name (in the backups folder). */
  safetyBackup: string | null
}

/** The last restore over the live data, as the page polls it across the restart. */
export interface LiveRestoreState {
  id: string
  status: 'running' | 'done' | 'failed'
  startedAt: string
  finishedAt: string | null
  /** The error code when it failed (the live data then serves again, unchanged). */
  problem: string | null
  safetyBackup: string | null
  /** The folder inside the data directory holding the replaced data. */
  keptAside: string | null
}

/** The host runner's side of a restore over the live data (set by startHost). */
export interface LiveRestoreRunner {
  state(): LiveRestoreState | null
  /** Starts the restart with the restore and answers at once. */
  begin(request: LiveRestoreRequest): LiveRestoreState
}
