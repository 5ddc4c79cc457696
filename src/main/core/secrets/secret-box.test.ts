import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirSecretBox, loadSecretKey, secretBox } from './secret-box'

describe('secrets are sealed with the data directory key', () => {
  it('opens what it sealed, and a sealed value never contains the secret', () => {
    const box = secretBox(Buffer.alloc(32, 7))
    const sealed = box.seal('Rahasia-Router-1')
    expect(sealed).not.toContain('Rahasia')
    expect(sealed.startsWith('v1:')).toBe(true)
    expect(box.open(sealed)).toBe('Rahasia-Router-1')
    expect(box.seal('x')).not.toBe(box.seal('x'))
  })

  it('refuses a value sealed with another key or tampered with', () => {
    const sealed = secretBox(Buffer.alloc(32, 1)).seal('admin')
    expect(() => secretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow()
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + '='
    expect(() => secretBox(Buffer.alloc(32, 1)).open(tampered)).toThrow()
  })

  it('makes the key once, owner-readable only, and reuses it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-secret-'))
    const sealed = dataDirSecretBox(dir).seal('pppoe')
    expect(dataDirSecretBox(dir).open(sealed)).toBe('pppoe')
    expect(loadSecretKey(dir)).toHaveLength(32)
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toHaveLength(44)
    if (process.platform !== 'win32')
      expect(statSync(path.join(dir, 'secret.key')).mode & 0o077).toBe(0)
  })
})
