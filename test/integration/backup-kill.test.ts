import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { directoryFileStore } from '@core/files'
import { initCompany, runCli } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * A backup killed midway (kill -9: no cleanup code runs) leaves no file that looks like a
 * backup: only a `.partial` under the writer's pid, which `backup list` never shows and removes.
 * The CLI runs as one plain node process (the bundle), so the kill reaches the process that writes.
 */
describe('kill -9 during backup create', () => {
  it('leaves no .loket-backup, and the list removes the leftovers', async () => {
    const dataDir = await makeDataDir('loket-backup-kill-')
    await initCompany(dataDir, 'Net Kampung', { user: 'admin', password: 'Rahasia-123456' })
    // 64 MB of KTP scans: the writer is still encrypting them when the kill arrives.
    const files = directoryFileStore(path.join(dataDir, 'files'))
    for (let i = 0; i < 16; i++) await files.put(randomBytes(4 * 1024 * 1024))

    const child = spawn(
      process.execPath,
      [CLI_ENTRY, 'backup', 'create', '--data-dir', dataDir, '--json'],
      { cwd: root, env: { ...process.env, LOKET_BACKUP_PASSPHRASE: 'rahasia kampung' } },
    )
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    )
    let stderr = ''
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        // The temporary file is open and the database is going in: kill now.
        if (stderr.includes('Cadangan: menulis basis data')) {
          child.kill('SIGKILL')
          resolve()
        }
      })
      child.on('exit', () => reject(new Error(`finished before the kill: ${stderr}`)))
    })
    expect(await exited).toBe('SIGKILL')

    const folder = path.join(dataDir, 'backups')
    const left = readdirSync(folder)
    expect(left.filter((n) => n.endsWith('.loket-backup'))).toEqual([])
    expect(left.some((n) => n.endsWith(`.${child.pid}.partial`))).toBe(true)

    const list = await runCli(dataDir, ['backup', 'list'])
    expect(list.code, list.stderr).toBe(0)
    expect(list.json.backups).toEqual([])
    expect((list.json.removed as string[]).length).toBeGreaterThan(0)
    expect(readdirSync(folder)).toEqual([])

    // A backup after the crash is whole.
    process.env.LOKET_BACKUP_PASSPHRASE = 'rahasia kampung'
    try {
      const again = await runCli(dataDir, ['backup', 'create'])
      expect(again.code, again.stderr).toBe(0)
      expect(existsSync(again.json.file as string)).toBe(true)
      const verified = await runCli(dataDir, ['backup', 'verify', again.json.file as string])
      expect(verified.json).toMatchObject({ ok: true, integrity: 'ok' })
    } finally {
      delete process.env.LOKET_BACKUP_PASSPHRASE
      // 64 MB of scans and two backups of them: not left in the temporary folder.
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)
})
