import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowsIn } from '../helpers/data-dir'
import { apiCode, companyOwner, startTestHost, type TestHost } from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

let host: TestHost
let owner: ReturnType<TestHost['client']>
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost()
  ;({ owner, ownerToken } = await companyOwner(host))
})
afterEach(async () => {
  await host.stop()
})

/** Starts a backup from the API and polls its progress until it ends (no sleep: each poll awaits). */
async function backupNow(passphrase?: string) {
  const started = await owner.backups.create.mutate(passphrase ? { passphrase } : {})
  expect(started.status).toBe('running')
  for (;;) {
    const p = await owner.backups.progress.query()
    if (p && p.status !== 'running') return p
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('backups over the HTTP API', () => {
  it('a backup made from the page is listed, verifies, and previews its company and counts', async () => {
    await owner.backups.setPassphrase.mutate({
      passphrase: 'kopi tubruk di pos ronda',
      confirm: 'kopi tubruk di pos ronda',
    })
    const done = await backupNow()
    expect(done).toMatchObject({ status: 'done', stage: 'done' })
    const [listed] = await owner.backups.list.query()
    expect(listed).toMatchObject({
      file: done.file,
      createdBy: 'owner',
      company: 'Net Jaya',
      encrypted: true,
      keyIncluded: true,
      location: 'data',
      verified: null,
    })
    expect(await owner.backups.verify.mutate({ file: done.file! })).toMatchObject({ ok: true })
    expect((await owner.backups.list.query())[0]!.verified).toMatchObject({ ok: true })
    const preview = await owner.backups.restorePreview.mutate({ file: done.file! })
    expect(preview).toMatchObject({
      company: 'Net Jaya',
      createdBy: 'owner',
      encrypted: true,
      counts: { customers: 0, users: 1 },
    })
  })

  it('the passphrase is stored but never sent back; a wrong typed one does not open the file', async () => {
    await owner.backups.setPassphrase.mutate({
      passphrase: 'kopi tubruk di pos ronda',
      confirm: 'kopi tubruk di pos ronda',
    })
    const settings = await owner.backups.settings.query()
    expect(settings).toEqual({
      scheduleEnabled: true,
      copyFolder: null,
      passphraseSet: true,
      scheduleTime: '02:30',
    })
    const stored = await rowsIn<{ value_json: string }>(
      host.dataDir,
      sql`SELECT value_json FROM company_settings WHERE key = 'backup'`,
    )
    expect(stored[0]!.value_json).not.toContain('kopi tubruk')
    const { file } = await backupNow()
    expect(
      await apiCode(owner.backups.verify.mutate({ file: file!, passphrase: 'salah sekali ini' })),
    ).toBe('BACKUP_PASSPHRASE_WRONG')
    // Without a typed one the stored passphrase opens it, and the secrets key comes back.
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'loket-restored-')), 'data')
    const restored = await owner.backups.restore.mutate({ file: file!, dataDir: target })
    expect(restored.keyRestored).toBe(true)
    const audit = await rowsIn<{ after_json: string | null }>(
      host.dataDir,
      sql`SELECT after_json FROM audit_log WHERE action = 'backup.passphrase'`,
    )
    expect(audit).toHaveLength(1)
    expect(audit[0]!.after_json).not.toContain('kopi tubruk')
  })

  it('the two passphrases must agree', async () => {
    expect(
      await apiCode(
        owner.backups.setPassphrase.mutate({ passphrase: 'satu dua tiga', confirm: 'satu dua' }),
      ),
    ).toBe('VALIDATION')
  })

  it('a file is looked up only by its name inside the backup folders', async () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'loket-outside-')), 'x.loket-backup')
    writeFileSync(outside, 'not yours')
    for (const file of [
      outside,
      '../secret.key',
      '../../etc/passwd.loket-backup',
      `..${path.sep}x.loket-backup`,
      'backups/../../x.loket-backup',
      'secret.key',
      'tidak-ada.loket-backup',
    ]) {
      expect(await apiCode(owner.backups.downloadTicket.mutate({ file })), file).toBe(
        'BACKUP_NOT_FOUND',
      )
      expect(await apiCode(owner.backups.verify.mutate({ file })), file).toBe('BACKUP_NOT_FOUND')
    }
  })

  it('restores into a new folder only, never into the live data directory', async () => {
    const { file } = await backupNow()
    expect(
      await apiCode(owner.backups.restore.mutate({ file: file!, dataDir: host.dataDir })),
    ).toBe('RESTORE_TARGET_NOT_EMPTY')
    expect(await apiCode(owner.backups.restore.mutate({ file: file!, dataDir: 'data-baru' }))).toBe(
      'BACKUP_FOLDER_INVALID',
    )
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'loket-restored-')), 'data')
    const restored = await owner.backups.restore.mutate({ file: file!, dataDir: target })
    expect(restored).toMatchObject({ dataDir: target, keyRestored: false })
    expect(readdirSync(target)).toContain('loket.sqlite')
  })

  it('only the superadmin may manage backups', async () => {
    const billing = await signInAs(host, ownerToken, 'admin_billing')
    expect(await apiCode(billing.backups.list.query())).toBe('FORBIDDEN')
    expect(await apiCode(billing.backups.create.mutate({}))).toBe('FORBIDDEN')
  })
})
