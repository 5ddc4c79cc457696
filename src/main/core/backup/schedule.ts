import path from 'node:path'
import {
  addDays,
  dateInZone,
  formatShortDate,
  startOfDayInZone,
  type CalendarDate,
} from '@shared/dates'
import { isAppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import type { Clock } from '../clock'
import { writeTx, type Db } from '../db'
import { notify } from '../notifications'
import type { SecretBox } from '../secrets'
import { SCHEDULED_BY, backupFolders, copyBackup, pruneFolder } from './folders'
import { backupRunOf, backupRunsSettled, startBackupRun } from './runner'
import { BACKUP_TIME, readBackupSettings, storedPassphrase, writeBackupSettings } from './settings'

export interface BackupScheduleDeps {
  db: Db
  clock: Clock
  secrets: SecretBox
  dataDir: string
}

/** A tick this long after 02:30 means the host was off (or busy) at 02:30: the backup was missed. */
export const MISSED_AFTER_MINUTES = 60

export type BackupTick =
  | { status: 'off' | 'not_due' | 'busy' }
  | { status: 'done'; file: string; late: boolean; copiedTo: string | null; removed: string[] }
  | { status: 'failed'; problem: string; late: boolean }

const ACTOR = (companyId: number): Actor & { companyId: number } => ({
  companyId,
  userId: null,
  username: SCHEDULED_BY,
  ip: 'scheduler',
  userAgent: 'loket-scheduler',
})

/** The latest 02:30 (company time) at or before now, and the company day it belongs to. */
export function latestSlot(now: Date, timeZone: string): { day: CalendarDate; at: Date } {
  const [h, m] = BACKUP_TIME.split(':').map(Number) as [number, number]
  const slotOf = (day: CalendarDate) =>
    new Date(startOfDayInZone(day, timeZone).getTime() + (h * 60 + m) * 60_000)
  const today = dateInZone(now, timeZone)
  const todays = slotOf(today)
  if (now >= todays) return { day: today, at: todays }
  const yesterday = addDays(today, -1)
  return { day: yesterday, at: slotOf(yesterday) }
}

/**
 * The daily backup, asked every minute by the host: does nothing until 02:30 in the company's
 * time zone, then backs up once for that day with the stored passphrase, copies the file to the
 * second folder when set and applies the retention rule to each folder. A host that was off at
 * 02:30 backs up at its first tick after and says the 02:30 one was missed; a failure raises a
 * notification for those who manage backups. Each day is tried once: a failure is not retried
 * every minute, the office is told instead.
 */
export async function scheduledBackupTick(
  deps: BackupScheduleDeps,
  companyId: number,
  timeZone: string,
): Promise<BackupTick> {
  const now = deps.clock.now()
  const slot = latestSlot(now, timeZone)
  const claimed = await writeTx(deps.db, async (tx) => {
    const settings = await readBackupSettings(tx, companyId)
    if (!settings.scheduleEnabled) return null
    if (settings.lastScheduledDay !== null && settings.lastScheduledDay >= slot.day) return null
    await writeBackupSettings(tx, deps.clock, companyId, {
      ...settings,
      lastScheduledDay: slot.day,
    })
    return { settings, first: settings.lastScheduledDay === null }
  })
  if (!claimed) {
    const settings = await readBackupSettings(deps.db, companyId)
    return { status: settings.scheduleEnabled ? 'not_due' : 'off' }
  }
  const { settings } = claimed
  // The first day after the schedule is on has nothing to have missed.
  const late = !claimed.first && now.getTime() - slot.at.getTime() > MISSED_AFTER_MINUTES * 60_000
  const date = formatShortDate(slot.day)
  const notice = async (kind: 'backup_failed' | 'backup_missed', params: Record<string, string>) =>
    writeTx(deps.db, (tx) =>
      notify(
        tx,
        companyId,
        [
          {
            kind,
            params: { date, ...params },
            link: '/backup',
            permission: 'backup.manage',
            dedupeKey: `${kind}:${slot.day}`,
          },
        ],
        now.toISOString(),
      ),
    )
  if (late) await notice('backup_missed', { time: BACKUP_TIME })

  let problem: string | null = null
  let result: Awaited<ReturnType<typeof backupRunsSettled>> = null
  try {
    const passphrase = storedPassphrase(deps.secrets, settings)
    startBackupRun(deps, { actor: ACTOR(companyId), passphrase })
    result = await backupRunsSettled(deps.db)
    if (!result) problem = backupRunOf(deps.db)?.problem ?? 'INTERNAL'
  } catch (error) {
    // Someone's "Buat backup sekarang" is running: that backup is this day's.
    if (isAppError(error) && error.code === 'BACKUP_BUSY') return { status: 'busy' }
    problem = isAppError(error) ? error.code : 'INTERNAL'
  }
  if (!result) {
    await notice('backup_failed', { code: problem ?? 'INTERNAL' })
    return { status: 'failed', problem: problem ?? 'INTERNAL', late }
  }

  let copiedTo: string | null = null
  if (settings.copyFolder) {
    try {
      copiedTo = await copyBackup(result.file, settings.copyFolder)
    } catch {
      // The USB disk is unplugged or full: the backup itself is fine, the copy is not.
      await notice('backup_failed', { code: 'BACKUP_COPY_FAILED' })
    }
  }
  const removed: string[] = []
  for (const folder of backupFolders(deps.dataDir, copiedTo ? settings.copyFolder : null)) {
    removed.push(...(await pruneFolder(folder, timeZone).catch(() => [])))
  }
  if (removed.length > 0) {
    await writeTx(deps.db, (tx) =>
      appendAudit(tx, deps.clock, ACTOR(companyId), {
        action: 'backup.retention',
        after: { removed },
      }),
    )
  }
  return { status: 'done', file: path.basename(result.file), late, copiedTo, removed }
}

/**
 * The host's timer for the daily backup: every minute each company's tick decides for itself
 * (by the clock it is given) whether its 02:30 has come. Stopping waits for a backup under way.
 */
export function startBackupSchedule(
  deps: BackupScheduleDeps,
  timeZoneOf: (companyId: number) => Promise<string>,
  log: (message: string) => void = (m) => console.error(m),
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let stopped = false
  const round = async () => {
    const companies = await deps.db.selectFrom('companies').select('id').orderBy('id').execute()
    for (const { id } of companies) {
      if (stopped) return
      const tick = await scheduledBackupTick(deps, id, await timeZoneOf(id))
      if (tick.status === 'failed') log(`backup schedule: company ${id}: ${tick.problem}`)
    }
  }
  const timer = setInterval(() => {
    if (running || stopped) return
    running = round()
      .catch((error: unknown) => log(`backup schedule: ${String(error)}`))
      .finally(() => (running = null))
  }, 60_000)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
