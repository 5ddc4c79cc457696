import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  mkdtempSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { HostOptions } from '../../src/main/host'
import { onPostgres, rowsIn } from '../helpers/data-dir'
import {
  apiCode,
  areaAndPackage,
  companyOwner,
  OWNER,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

const PASSPHRASE = 'kopi tubruk di pos ronda'

let host: TestHost
let ownerToken: string
let owner: ReturnType<TestHost['client']>

async function start(options: Partial<HostOptions> = {}) {
  host = await startTestHost(undefined, undefined, options)
  ;({ owner, ownerToken } = await companyOwner(host))
}
afterEach(async () => {
  await host.stop()
})

/** Starts a backup from the API and waits for it (each poll awaits; no sleep). */
async function backupNow() {
  await owner.backups.create.mutate({})
  for (;;) {
    const p = await owner.backups.progress.query()
    if (p && p.status !== 'running') return p.file!
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** A backup of one customer, then a second customer entered after it. */
async function backupThenMoreData() {
  await owner.backups.setPassphrase.mutate({ passphrase: PASSPHRASE, confirm: PASSPHRASE })
  const { area } = await areaAndPackage(owner)
  await owner.customers.create.mutate({ areaId: area.id, name: 'Budi Sebelum' })
  const file = await backupNow()
  await owner.customers.create.mutate({ areaId: area.id, name: 'Siti Sesudah' })
  return file
}

const customerNames = async (client: ReturnType<TestHost['client']>) =>
  (await client.customers.list.query({})).rows.map((c) => c.name).sort()

describe.skipIf(onPostgres)('restore over the live data (SQLite host)', () => {
  it('replaces the data in use after a safety backup, restarts on the same port, signs everyone out', async () => {
    await start()
    const file = await backupThenMoreData()
    const started = await owner.backups.restoreLive.mutate({ file })
    expect(started.safetyBackup).toMatch(/sebelum-pemulihan\.loket-backup$/)
    await host.restarted()

    // The old session is gone with the data it was in; the same address answers.
    expect(await apiCode(owner.customers.list.query({}))).toBe('UNAUTHENTICATED')
    const status = await host.client().backups.restoreLiveStatus.query()
    expect(status).toMatchObject({
      restoring: false,
      last: { id: started.id, status: 'done', problem: null },
    })
    const again = host.client((await host.client().auth.login.mutate(OWNER)).token!)
    expect(await customerNames(again)).toEqual(['Budi Sebelum'])
    expect(await again.audit.verify.query()).toMatchObject({ ok: true })
    const actions = await rowsIn<{ action: string }>(
      host.dataDir,
      sql`SELECT action FROM audit_log WHERE action LIKE 'backup.restore%' ORDER BY id`,
    )
    expect(actions.map((a) => a.action)).toEqual(['backup.restore', 'backup.restore_live'])

    // The replaced data is kept aside, whole, in the data directory.
    const aside = readdirSync(host.dataDir).filter((n) => n.startsWith('sebelum-pemulihan-'))
    expect(aside).toHaveLength(1)
    const kept = await rowsIn<{ name: string }>(
      path.join(host.dataDir, aside[0]!),
      sql`SELECT name FROM customers ORDER BY name`,
    )
    expect(kept.map((c) => c.name)).toEqual(['Budi Sebelum', 'Siti Sesudah'])
    expect(readdirSync(host.dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([])

    // The safety backup is listed and holds the customer entered after the restored backup.
    const listed = await again.backups.list.query()
    expect(listed.map((b) => b.file)).toContain(started.safetyBackup)
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'loket-safety-')), 'data')
    await again.backups.restore.mutate({ file: started.safetyBackup, dataDir: target })
    const safety = await rowsIn<{ name: string }>(
      target,
      sql`SELECT name FROM customers ORDER BY name`,
    )
    expect(safety.map((c) => c.name)).toEqual(['Budi Sebelum', 'Siti Sesudah'])
  })

  it('a wrong passphrase or a damaged file is refused before anything moves', async () => {
    await start()
    const file = await backupThenMoreData()
    expect(
      await apiCode(owner.backups.restoreLive.mutate({ file, passphrase: 'salah sekali ini' })),
    ).toBe('BACKUP_PASSPHRASE_WRONG')
    const folder = path.join(host.dataDir, 'backups')
    const damaged = 'loket-rusak.loket-backup'
    const bytes = readFileSync(path.join(folder, file))
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff
    writeFileSync(path.join(folder, damaged), bytes)
    expect(await apiCode(owner.backups.restoreLive.mutate({ file: damaged }))).toBe(
      'BACKUP_DAMAGED',
    )
    // Still serving the same data to the same session; no safety backup, nothing set aside.
    expect(await customerNames(owner)).toEqual(['Budi Sebelum', 'Siti Sesudah'])
    expect(readdirSync(folder).filter((n) => n.includes('sebelum-pemulihan'))).toEqual([])
    expect(readdirSync(host.dataDir).filter((n) => n.startsWith('sebelum-pemulihan-'))).toEqual([])
  })

  it('a failure after the data was swapped puts the live data back and serves it again', async () => {
    await start({ restoreFaults: { afterMove: true } })
    const file = await backupThenMoreData()
    const started = await owner.backups.restoreLive.mutate({ file })
    await host.restarted()
    expect(await host.client().backups.restoreLiveStatus.query()).toMatchObject({
      restoring: false,
      last: { id: started.id, status: 'failed', problem: 'INTERNAL' },
    })
    // The live database came back as it was: the same session still works on it.
    expect(await customerNames(owner)).toEqual(['Budi Sebelum', 'Siti Sesudah'])
    expect(await owner.audit.verify.query()).toMatchObject({ ok: true })
    const tried = await rowsIn<{ after_json: string }>(
      host.dataDir,
      sql`SELECT after_json FROM audit_log WHERE action = 'backup.restore_live'`,
    )
    expect(tried.map((a) => JSON.parse(a.after_json))).toEqual([
      { file, safetyBackup: started.safetyBackup, failed: 'INTERNAL' },
    ])
    expect(readdirSync(host.dataDir).filter((n) => n.startsWith('sebelum-pemulihan-'))).toEqual([])
    expect(readdirSync(host.dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    // The safety backup made before the attempt stays in the list.
    expect((await owner.backups.list.query()).map((b) => b.file)).toContain(started.safetyBackup)
  })
})

describe('a host restoring over its live data', () => {
  it('answers 503 with the reason to every call but the restore status', async () => {
    await start()
    host.services.restoring = true
    const res = await fetch(new URL('/api/trpc/customers.list', host.url), {
      headers: { authorization: `Bearer ${ownerToken}` },
    })
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({
      error: 'HOST_RESTORING',
      message: 'Loket sedang memulihkan data, coba lagi sebentar lagi.',
    })
    expect((await fetch(new URL('/api/health', host.url))).status).toBe(503)
    expect(await host.client().backups.restoreLiveStatus.query()).toMatchObject({
      restoring: true,
    })
    host.services.restoring = false
    expect(await customerNames(owner)).toEqual([])
  })
})

describe.runIf(onPostgres)('restore over the live data (PostgreSQL host)', () => {
  it('is refused: a restore writes a SQLite database', async () => {
    await start()
    const file = await backupNow()
    expect(await apiCode(owner.backups.restoreLive.mutate({ file }))).toBe('RESTORE_LIVE_POSTGRES')
    expect(await customerNames(owner)).toEqual([])
  })
})

describe('downloading a backup over HTTP', () => {
  const get = (url: string, token?: string) =>
    fetch(new URL(url, host.url), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })

  it('streams the exact file to backup.manage, as an attachment', async () => {
    await start()
    const file = await backupNow()
    const onDisk = readFileSync(path.join(host.dataDir, 'backups', file))
    const res = await get(`/api/backups/download?file=${encodeURIComponent(file)}`, ownerToken)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`)
    expect(Buffer.from(await res.arrayBuffer()).equals(onDisk)).toBe(true)
  })

  it("the page's link carries a one-use ticket instead of the session", async () => {
    await start()
    const file = await backupNow()
    const { url } = await owner.backups.downloadTicket.mutate({ file })
    const first = await get(url)
    expect(first.status).toBe(200)
    expect((await first.arrayBuffer()).byteLength).toBe(
      readFileSync(path.join(host.dataDir, 'backups', file)).length,
    )
    expect((await get(url)).status).toBe(401)
    expect((await get('/api/backups/download?ticket=tebakan-saja')).status).toBe(401)
  })

  it('refuses a cashier, a stranger, and any name outside the backup folder', async () => {
    await start()
    const file = await backupNow()
    await signInAs(host, ownerToken, 'admin_billing')
    const cashier = (
      await host.client().auth.login.mutate({
        username: 'adminbilling',
        password: 'Pilihan-Sendiri-2026!',
      })
    ).token!
    const named = `/api/backups/download?file=${encodeURIComponent(file)}`
    expect((await get(named, cashier)).status).toBe(403)
    expect((await get(named)).status).toBe(401)
    expect(await apiCode(host.client(cashier).backups.downloadTicket.mutate({ file }))).toBe(
      'FORBIDDEN',
    )
    copyFileSync(
      path.join(host.dataDir, 'backups', file),
      path.join(host.dataDir, 'x.loket-backup'),
    )
    for (const name of [
      '../x.loket-backup',
      '..%2Fx.loket-backup',
      '../secret.key',
      'backups/../../x.loket-backup',
      '../loket.sqlite',
      'tidak-ada.loket-backup',
    ]) {
      const res = await get(`/api/backups/download?file=${encodeURIComponent(name)}`, ownerToken)
      expect(res.status, name).toBe(404)
    }
    expect((await get('/api/backups/download', ownerToken)).status).toBe(400)
    expect(existsSync(path.join(host.dataDir, 'x.loket-backup'))).toBe(true)
  })
})
