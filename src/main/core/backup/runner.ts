import path from 'node:path'
import { AppError, isAppError } from '@shared/errors'
import type { Actor } from '../audit'
import type { Clock } from '../clock'
import type { Db } from '../db'
import { createBackup, type BackupProgress, type BackupResult } from './create'

/** What "Buat backup sekarang" shows while it runs and after it ends (the page polls it). */
export interface BackupRunView {
  startedAt: string
  status: 'running' | 'done' | 'failed'
  stage: BackupProgress['stage']
  done: number
  total: number
  /** The backup's file name once written. */
  file: string | null
  /** The error code when it failed. */
  problem: string | null
}

export interface BackupRunDeps {
  db: Db
  clock: Clock
  dataDir: string
}

interface Run {
  view: BackupRunView
  promise: Promise<BackupResult | null>
}

// One backup at a time per database: two snapshots at once only double the load on the host.
const runs = new WeakMap<Db, Run>()

/**
 * Starts a backup in the host and answers at once; `backupRunOf` tells its progress. Whoever
 * closes the database waits for `backupRunsSettled` first.
 */
export function startBackupRun(
  deps: BackupRunDeps,
  options: { actor: Actor; passphrase: string | null },
): BackupRunView {
  const current = runs.get(deps.db)
  if (current?.view.status === 'running') throw new AppError('BACKUP_BUSY', 'a backup is running')
  const view: BackupRunView = {
    startedAt: deps.clock.now().toISOString(),
    status: 'running',
    stage: 'snapshot',
    done: 0,
    total: 1,
    file: null,
    problem: null,
  }
  const promise = createBackup({
    db: deps.db,
    dataDir: deps.dataDir,
    clock: deps.clock,
    passphrase: options.passphrase,
    actor: options.actor,
    onProgress: (p) => Object.assign(view, { stage: p.stage, done: p.done, total: p.total }),
  }).then(
    (result) => {
      Object.assign(view, { status: 'done', file: path.basename(result.file) })
      return result
    },
    (error: unknown) => {
      Object.assign(view, {
        status: 'failed',
        problem: isAppError(error) ? error.code : 'INTERNAL',
      })
      if (!isAppError(error)) console.error(`backup: ${String(error)}`)
      return null
    },
  )
  runs.set(deps.db, { view, promise })
  return { ...view }
}

export function backupRunOf(db: Db): BackupRunView | null {
  const run = runs.get(db)
  return run ? { ...run.view } : null
}

/** The running backup's outcome (null when it failed or none ran). */
export async function backupRunsSettled(db: Db): Promise<BackupResult | null> {
  return (await runs.get(db)?.promise) ?? null
}
