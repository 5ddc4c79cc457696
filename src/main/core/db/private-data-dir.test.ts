import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { directoryFileStore } from '../files'
import { DATABASE_FILE, openDatabase } from './database'
import { migrateToLatest } from './migrate'

let parent: string
beforeEach(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'loket-mode-'))
})
afterEach(() => {
  rmSync(parent, { recursive: true, force: true })
})

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8)

// POSIX permissions; Windows keeps the data directory under the user's profile instead.
describe.skipIf(process.platform === 'win32')('the data directory on POSIX', () => {
  it('a new one is readable by its owner only: directory, database, WAL and shared memory', async () => {
    const dir = path.join(parent, 'data')
    const db = openDatabase(dir)
    await migrateToLatest(db)
    const file = path.join(dir, DATABASE_FILE)
    expect(mode(dir)).toBe('700')
    expect(mode(file)).toBe('600')
    expect(mode(`${file}-wal`)).toBe('600')
    expect(mode(`${file}-shm`)).toBe('600')
    await db.destroy()
  })

  it('uploaded files and their folders are the owner’s only', async () => {
    const files = path.join(parent, 'data', 'files')
    const sha = await directoryFileStore(files).put(Buffer.from('scan KTP'))
    expect(mode(files)).toBe('700')
    expect(mode(path.join(files, sha.slice(0, 2)))).toBe('700')
    expect(mode(path.join(files, sha.slice(0, 2), sha))).toBe('600')
  })

  it('an existing one an older version left readable by all is tightened when opened', async () => {
    const dir = path.join(parent, 'data')
    mkdirSync(path.join(dir, 'files', 'ab'), { recursive: true })
    const scan = path.join(dir, 'files', 'ab', 'ab12')
    writeFileSync(scan, 'scan KTP')
    for (const suffix of ['', '-wal', '-shm'])
      writeFileSync(path.join(dir, DATABASE_FILE + suffix), '')
    for (const p of [dir, path.join(dir, 'files'), path.join(dir, 'files', 'ab')])
      chmodSync(p, 0o755)
    for (const suffix of ['', '-wal', '-shm'])
      chmodSync(path.join(dir, DATABASE_FILE + suffix), 0o644)
    chmodSync(scan, 0o644)

    const db = openDatabase(dir)
    await db.destroy()
    expect(mode(dir)).toBe('700')
    expect(mode(path.join(dir, 'files'))).toBe('700')
    expect(mode(path.join(dir, 'files', 'ab'))).toBe('700')
    expect(mode(scan)).toBe('600')
    for (const suffix of ['', '-wal', '-shm'])
      expect(mode(path.join(dir, DATABASE_FILE + suffix))).toBe('600')
  })
})

describe.skipIf(process.platform === 'win32')('a data directory with other things in it', () => {
  it('keeps the modes of files Loket did not make (a data dir pointed at `.`)', async () => {
    const dir = path.join(parent, 'project')
    mkdirSync(path.join(dir, 'scripts'), { recursive: true })
    const script = path.join(dir, 'scripts', 'run.sh')
    writeFileSync(script, '#!/bin/sh\n')
    chmodSync(script, 0o755)
    const db = openDatabase(dir)
    await db.destroy()
    expect(mode(dir)).toBe('700')
    expect(mode(script)).toBe('755')
  })
})
