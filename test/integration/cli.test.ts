import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { dropGuardTrigger, openDatabase } from '@core/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '@core/db/migrations'
import { makeDataDir } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

async function cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, [CLI_ENTRY, ...args, '--json'], { cwd: root })
    return { code: 0, json: JSON.parse(stdout.trim()) }
  } catch (error) {
    const e = error as { code: number; stdout: string }
    return { code: e.code, json: JSON.parse(e.stdout.trim()) }
  }
}

let dataDir: string
beforeAll(async () => {
  dataDir = await makeDataDir('loket-cli-')
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('CLI (a real child process on a real data dir)', () => {
  it('init creates the company and its superadmin, once', async () => {
    const first = await cli(
      'init',
      '--company',
      'Net Jaya',
      '--admin-user',
      'owner',
      '--admin-password',
      'Sangat-Rahasia-42',
      '--data-dir',
      dataDir,
    )
    expect(first).toEqual({ code: 0, json: { ok: true, companyId: 1, userId: 1 } })
    const again = await cli(
      'init',
      '--company',
      'Lain',
      '--admin-user',
      'x1x',
      '--admin-password',
      'Sangat-Rahasia-43',
      '--data-dir',
      dataDir,
    )
    expect(again.code).toBe(1)
    expect(again.json).toMatchObject({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } })
  })

  it('init refuses a weak password with a clear validation message', async () => {
    const dir = await makeDataDir('loket-cli-')
    const weak = await cli(
      'init',
      '--company',
      'Net',
      '--admin-user',
      'owner',
      '--admin-password',
      'password123',
      '--data-dir',
      dir,
    )
    expect(weak.json).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Ada opsi perintah yang perlu diperbaiki:',
        details: {
          issues: [
            {
              option: '--admin-password',
              path: 'admin.password',
              message: 'validation.password_too_common',
            },
          ],
        },
      },
    })
    // Without --json the operator reads the reason in Indonesian.
    const human = await run(
      process.execPath,
      [
        CLI_ENTRY,
        'init',
        '--company',
        'Net',
        '--admin-user',
        'owner',
        '--admin-password',
        'password123',
        '--data-dir',
        dir,
      ],
      { cwd: root },
    ).catch((e: { stderr: string }) => e)
    expect((human as { stderr: string }).stderr).toContain(
      '--admin-password: Kata sandi ini terlalu umum dan mudah ditebak.',
    )
    rmSync(dir, { recursive: true, force: true })
  })

  it('migrate reports the schema is current', async () => {
    expect(await cli('migrate', '--data-dir', dataDir)).toEqual({
      code: 0,
      json: { ok: true, applied: [], current: Object.keys(migrations).at(-1) },
    })
  })

  it('user reset-password issues a temporary password that must be changed', async () => {
    const result = await cli('user', 'reset-password', '--username', 'owner', '--data-dir', dataDir)
    expect(result.json).toMatchObject({ ok: true, username: 'owner', mustChangePassword: true })
    expect(String(result.json.temporaryPassword)).toHaveLength(12)
  })

  it('audit verify passes on an intact log and names the first broken link after tampering', async () => {
    expect(await cli('audit', 'verify', '--data-dir', dataDir)).toEqual({
      code: 0,
      json: { ok: true, entries: 2, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    })
    // Someone with the database open behind Loket's back: drops the guard, edits history.
    const db = openDatabase(dataDir)
    await dropGuardTrigger(db, 'audit_log_no_update', 'audit_log')
    await sql`UPDATE audit_log SET username = 'someone-else' WHERE id = 1`.execute(db)
    await db.destroy()
    expect(await cli('audit', 'verify', '--data-dir', dataDir)).toEqual({
      code: 1,
      json: { ok: false, entries: 0, firstBrokenId: 1, reason: 'hash_mismatch' },
    })
  })

  it('misuse prints usage and exits 2', async () => {
    const result = await cli('nonsense', '--data-dir', dataDir)
    expect(result.code).toBe(2)
    expect(result.json.usage).toEqual(
      expect.arrayContaining([expect.stringMatching(/^init /), 'audit verify']),
    )
  })
})
