import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDb } from '../db/test-db'
import { migrations } from '../db/migrations'
import { aboutInfo } from '.'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('Tentang Loket', () => {
  it('names the engine from the database handle and the last migration run as the schema version', async () => {
    const db = await createTestDb()
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-about-'))
    dirs.push(dir)
    writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changelog\n\n## 0.1.0\n- Kasir\n')
    const info = await aboutInfo({
      db,
      version: '0.1.0',
      dataDir: dir,
      changelogFile: path.join(dir, 'CHANGELOG.md'),
    })
    expect(info).toEqual({
      version: '0.1.0',
      engine: process.env.LOKET_TEST_ENGINE === 'postgres' ? 'PostgreSQL' : 'SQLite',
      schemaVersion: Object.keys(migrations).sort().at(-1),
      dataDir: dir,
      changelog: '# Changelog\n\n## 0.1.0\n- Kasir',
    })
    await db.destroy()
  })

  it('a build without CHANGELOG.md has no release notes rather than an error', async () => {
    const db = await createTestDb()
    const info = await aboutInfo({
      db,
      version: '0.1.0',
      changelogFile: '/nonexistent/CHANGELOG.md',
    })
    expect(info.changelog).toBeNull()
    expect(info.dataDir).toBeNull()
    await db.destroy()
  })
})
