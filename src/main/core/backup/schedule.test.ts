import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '@core/clock'
import { completeSetup } from '@core/companies'
import { migrateToLatest, openDatabase, writeTx, type Db } from '@core/db'
import { listNotifications } from '@core/notifications'
import { dataDirSecretBox } from '@core/secrets'
import { makeDataDir } from '../../../../test/helpers/data-dir'
import {
  listBackups,
  readBackupHeader,
  readBackupSettings,
  saveBackupSettings,
  scheduledBackupTick,
  setBackupPassphrase,
  type BackupTick,
} from './index'
import { createBackup } from './create'
import { writeBackupSettings } from './settings'

/**
 * The daily backup at 02:30 company time (Asia/Jakarta, UTC+7: 02:30 WIB is 19:30 UTC the day
 * before), driven by a manual clock: each tick is what the host's one-minute timer would do.
 */
const TZ = 'Asia/Jakarta'
let dataDir: string
let db: Db
let clock: ManualClock
let companyId: number
let ownerId: number
const deps = () => ({ db, clock, secrets: dataDirSecretBox(dataDir), dataDir })
const owner = () => ({
  companyId,
  userId: ownerId,
  username: 'owner',
  ip: '127.0.0.1',
  userAgent: 'vitest',
})
const tick = () => scheduledBackupTick(deps(), companyId, TZ)
const backupFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.loket-backup'))
const ownFolder = () => path.join(dataDir, 'backups')

async function notices() {
  const list = await listNotifications(db, {
    companyId,
    userId: ownerId,
    permissions: ['backup.manage'],
  })
  return list.map((n) => ({ kind: n.kind, params: n.params }))
}

beforeEach(async () => {
  dataDir = await makeDataDir('loket-backup-schedule-')
  clock = new ManualClock('2026-12-04T10:00:00Z') // 17:00 WIB, 4 December
  db = openDatabase(dataDir)
  await migrateToLatest(db)
  const setup = await completeSetup(
    { db, clock, secrets: dataDirSecretBox(dataDir) },
    {
      company: {
        name: 'Net Jaya',
        address: 'Jl. Merdeka 1',
        phone: '6281234567890',
        email: null,
        npwp: null,
        timeZone: TZ,
      },
      admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
    },
    { ip: '127.0.0.1', userAgent: 'vitest', createSession: false },
  )
  companyId = setup.companyId
  ownerId = setup.userId
})

afterEach(async () => {
  await db.destroy()
  await rm(dataDir, { recursive: true, force: true })
})

describe('the daily backup schedule', () => {
  it('backs up once at 02:30 company time, not before, and not twice that day', async () => {
    await setBackupPassphrase(deps(), owner(), 'kopi tubruk di pos ronda')
    // The first tick of a new company backs up at once (its 4 December slot is today's 02:30).
    expect((await tick()).status).toBe('done')
    clock.set('2026-12-04T19:29:00Z') // 02:29 WIB on 5 December
    expect(await tick()).toEqual({ status: 'not_due' })
    clock.set('2026-12-04T19:30:00Z') // 02:30 WIB
    const at0230 = (await tick()) as Extract<BackupTick, { status: 'done' }>
    expect(at0230).toMatchObject({ status: 'done', late: false })
    clock.advanceMinutes(1)
    expect(await tick()).toEqual({ status: 'not_due' })
    expect(backupFiles(ownFolder())).toHaveLength(2)
    const { header } = await readBackupHeader(path.join(ownFolder(), at0230.file))
    expect(header).toMatchObject({ encrypted: true, keyIncluded: true, createdBy: 'system:backup' })
    expect(await notices()).toEqual([])
  })

  it('without a stored passphrase the scheduled backup is plain and leaves the key out', async () => {
    const done = (await tick()) as Extract<BackupTick, { status: 'done' }>
    const { header } = await readBackupHeader(path.join(ownFolder(), done.file))
    expect(header).toMatchObject({ encrypted: false, keyIncluded: false })
  })

  it('a schedule switched off makes no backup', async () => {
    await saveBackupSettings(deps(), owner(), { scheduleEnabled: false, copyFolder: null })
    expect(await tick()).toEqual({ status: 'off' })
    expect(existsSync(ownFolder()) ? backupFiles(ownFolder()) : []).toEqual([])
  })

  it('a host that was off at 02:30 backs up at its first tick after and notifies the miss', async () => {
    expect((await tick()).status).toBe('done')
    clock.set('2026-12-05T01:00:00Z') // 08:00 WIB on 5 December: the host just started
    expect(await tick()).toMatchObject({ status: 'done', late: true })
    expect(await notices()).toEqual([
      { kind: 'backup_missed', params: { date: '05/12/2026', time: '02:30' } },
    ])
  })

  it('a failed backup notifies the office once and is not retried every minute', async () => {
    expect((await tick()).status).toBe('done')
    // A sealed passphrase from another data directory's key cannot be opened.
    await writeTx(db, async (tx) => {
      const s = await readBackupSettings(tx, companyId)
      await writeBackupSettings(tx, clock, companyId, { ...s, sealedPassphrase: 'v1:AAAA' })
    })
    clock.set('2026-12-04T19:30:00Z')
    expect(await tick()).toMatchObject({ status: 'failed', late: false })
    clock.advanceMinutes(1)
    expect(await tick()).toEqual({ status: 'not_due' })
    expect(await notices()).toEqual([
      {
        kind: 'backup_failed',
        params: { date: '05/12/2026', code: 'BACKUP_PASSPHRASE_UNREADABLE' },
      },
    ])
  })

  it('copies each scheduled backup to the second folder', async () => {
    const usb = mkdtempSync(path.join(tmpdir(), 'loket-usb-'))
    await saveBackupSettings(deps(), owner(), { scheduleEnabled: true, copyFolder: usb })
    const done = (await tick()) as Extract<BackupTick, { status: 'done' }>
    expect(done.copiedTo).toBe(path.join(usb, done.file))
    expect(backupFiles(usb)).toEqual([done.file])
    expect((await listBackups([usb])).backups[0]!.problem).toBeNull()
    await rm(usb, { recursive: true, force: true })
  })

  it('keeps 7 daily backups and removes older ones of the same week, only in its folder', async () => {
    const stranger = path.join(ownFolder(), 'catatan.txt')
    for (let day = 0; day < 9; day++) {
      clock.set(new Date(Date.UTC(2026, 11, 4 + day, 19, 30)))
      expect((await tick()).status).toBe('done')
      if (day === 0) writeFileSync(stranger, 'not a backup')
    }
    // 5 to 13 December (WIB): 7 to 13 stay as the daily seven, 6 December as the newest of ISO
    // week 49; 5 December is neither and goes. The note beside the backups stays.
    const left = backupFiles(ownFolder())
    expect(left).toHaveLength(8)
    expect(existsSync(stranger)).toBe(true)
  })

  it('a backup somebody made is never removed by the schedule, even on a day it has its own', async () => {
    clock.set(new Date(Date.UTC(2026, 11, 4, 19, 0))) // 02:00 WIB, 5 December
    const byHand = await createBackup({ ...deps(), passphrase: null, actor: owner() })
    for (let day = 0; day < 9; day++) {
      clock.set(new Date(Date.UTC(2026, 11, 4 + day, 19, 30)))
      expect((await tick()).status).toBe('done')
    }
    const left = backupFiles(ownFolder())
    expect(left).toContain(path.basename(byHand.file))
    // The schedule's own: the same eight as without it.
    expect(left).toHaveLength(9)
  })
})
