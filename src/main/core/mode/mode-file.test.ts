import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MODE_FILE, readModeFile, writeModeFile } from './mode-file'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'loket-mode-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('the mode file', () => {
  it('is a host when there is no file yet', () => {
    expect(readModeFile(dataDir)).toEqual({ settings: { mode: 'host' }, problem: null })
  })

  it('keeps a client and its host address, written whole with no temp file left', () => {
    writeModeFile(dataDir, { mode: 'client', hostUrl: 'http://192.168.1.10:8080/' })
    expect(readdirSync(dataDir)).toEqual([MODE_FILE])
    expect(JSON.parse(readFileSync(path.join(dataDir, MODE_FILE), 'utf8'))).toEqual({
      mode: 'client',
      hostUrl: 'http://192.168.1.10:8080',
    })
    expect(readModeFile(dataDir).settings).toEqual({
      mode: 'client',
      hostUrl: 'http://192.168.1.10:8080',
    })
  })

  it('accepts an address typed without http:// and refuses one with a path or a password', () => {
    writeModeFile(dataDir, { mode: 'client', hostUrl: '192.168.1.10:8080' })
    expect(readModeFile(dataDir).settings).toEqual({
      mode: 'client',
      hostUrl: 'http://192.168.1.10:8080',
    })
    expect(() =>
      writeModeFile(dataDir, { mode: 'client', hostUrl: 'http://h:8080/api/trpc' }),
    ).toThrow()
    expect(() => writeModeFile(dataDir, { mode: 'client', hostUrl: 'http://a:b@h:8080' })).toThrow()
    expect(() => writeModeFile(dataDir, { mode: 'client', hostUrl: 'file:///etc' })).toThrow()
    // The refused writes left the good file as it was.
    expect(readModeFile(dataDir).settings).toEqual({
      mode: 'client',
      hostUrl: 'http://192.168.1.10:8080',
    })
  })

  it('falls back to host with a clear reason when the file is broken', () => {
    const file = path.join(dataDir, MODE_FILE)
    writeFileSync(file, '{"mode": "client", "hostUrl": ')
    const broken = readModeFile(dataDir)
    expect(broken.settings).toEqual({ mode: 'host' })
    expect(broken.problem).toMatch(/mode\.json is not valid JSON.*started as a host/)

    writeFileSync(file, JSON.stringify({ mode: 'client' }))
    expect(readModeFile(dataDir).problem).toMatch(/invalid value \(hostUrl\)/)

    writeFileSync(file, JSON.stringify({ mode: 'satellite' }))
    expect(readModeFile(dataDir)).toMatchObject({ settings: { mode: 'host' } })
    expect(readModeFile(dataDir).problem).toMatch(/Pengaturan → Mode/)
    expect(existsSync(file)).toBe(true)
  })
})
