import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { initCompany, runCli } from '../helpers/cli-process'
import { makeDataDir, onPostgres } from '../helpers/data-dir'

/** The backup commands as a script runs them: no terminal, so no prompt. */
describe('backup commands without a passphrase', () => {
  it('make a plain backup, say what that costs, and restore it as SQLite', async () => {
    delete process.env.LOKET_BACKUP_PASSPHRASE
    const dataDir = await makeDataDir('loket-backup-cli-')
    await initCompany(dataDir, 'Net Kampung', { user: 'admin', password: 'Rahasia-123456' })

    const created = await runCli(dataDir, ['backup', 'create'])
    expect(created.code, created.stderr).toBe(0)
    expect(created.json).toMatchObject({
      ok: true,
      encrypted: false,
      keyIncluded: false,
      company: 'Net Kampung',
      sourceEngine: onPostgres ? 'postgres' : 'sqlite',
    })
    expect(created.json.warning).toContain('TIDAK terenkripsi')
    expect(path.dirname(created.json.file as string)).toBe(path.join(dataDir, 'backups'))
    const human = await runCli(
      dataDir,
      ['backup', 'create', '--out', path.join(dataDir, 'b.loket-backup')],
      {
        human: true,
      },
    )
    expect(human.stdout).toContain(
      'kata sandi router dan kunci gateway pembayaran harus dimasukkan lagi',
    )

    const list = await runCli(dataDir, ['backup', 'list'])
    expect(list.json.backups).toMatchObject([
      { company: 'Net Kampung', encrypted: false, keyIncluded: false, verified: null },
    ])
    const file = created.json.file as string
    expect((await runCli(dataDir, ['backup', 'verify', file])).json).toMatchObject({
      ok: true,
      integrity: 'ok',
      keyIncluded: false,
    })
    const listed = await runCli(dataDir, ['backup', 'list'])
    expect((listed.json.backups as { verified: { ok: boolean } }[])[0]!.verified.ok).toBe(true)

    const target = path.join(mkdtempSync(path.join(tmpdir(), 'loket-restore-cli-')), 'baru')
    const restored = await runCli(target, ['restore', file], { human: true })
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toContain('Basis data dipulihkan sebagai SQLite')
    expect(restored.stdout).toContain('Cadangan ini tanpa kunci rahasia')
    const audit = await runCli(target, ['audit', 'verify'])
    expect(audit.json).toMatchObject({ ok: true })

    const again = await runCli(target, ['restore', file])
    expect(again.code).toBe(1)
    expect(again.json.error).toMatchObject({
      code: 'RESTORE_TARGET_NOT_EMPTY',
      message: expect.stringContaining('Folder tujuan pemulihan tidak kosong'),
    })
    const noFile = await runCli(dataDir, ['backup', 'verify'], { human: true })
    expect(noFile.code).toBe(1)
    expect(noFile.stderr).toContain('sebutkan berkas cadangan')
    const badOut = await runCli(dataDir, ['backup', 'create', '--out', 'cadangan.zip'])
    expect(badOut.code).toBe(1)
    expect(badOut.json.error).toMatchObject({ details: { option: 'out' } })
  }, 120_000)
})
