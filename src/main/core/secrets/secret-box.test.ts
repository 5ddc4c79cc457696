import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirSecretBox, loadSecretKey, secretBox, SecretDestinationError } from './secret-box'

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

describe('customers’ PPPoE passwords are sealed at rest', () => {
  it('a new service stores its password sealed; the customer page and the router get it in clear', async () => {
    const { catalogFixture, customerInput, serviceInput } = await import('../customers/testing')
    const { addService, createCustomer, showServiceCredentials } = await import('../customers')
    const f = await catalogFixture()
    const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, 'Budi'))
    const s = await addService(
      f.deps,
      f.actor,
      { ...serviceInput(c.id, f.p10.id), pppoePassword: 'Rahasia-Budi' },
      f.tz,
    )
    const row = await f.db.selectFrom('services').select('pppoe_password').executeTakeFirstOrThrow()
    expect(row.pppoe_password).toMatch(/^v1:/)
    expect(row.pppoe_password).not.toContain('Rahasia')
    const shown = await showServiceCredentials(f.deps, f.actor, s.id)
    expect(shown.pppoePassword).toBe('Rahasia-Budi')
  })

  it('passwords an older version kept in clear are sealed on start, once', async () => {
    const { catalogFixture, customerInput, serviceInput } = await import('../customers/testing')
    const { addService, createCustomer } = await import('../customers')
    const { sealStoredLogins, openLogin } = await import('./index')
    const f = await catalogFixture()
    const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, 'Siti'))
    await addService(f.deps, f.actor, serviceInput(c.id, f.p10.id), f.tz)
    await f.db.updateTable('services').set({ pppoe_password: 'lama-123' }).execute()
    expect(await sealStoredLogins(f.db, f.deps.secrets)).toBe(1)
    expect(await sealStoredLogins(f.db, f.deps.secrets)).toBe(0)
    const row = await f.db.selectFrom('services').select('pppoe_password').executeTakeFirstOrThrow()
    expect(openLogin(f.deps.secrets, row.pppoe_password)).toBe('lama-123')
    // A value sealed under another data directory's key is unreadable, not a crash.
    expect(openLogin(secretBox(Buffer.alloc(32, 3)), row.pppoe_password)).toBeNull()
  })
})

describe('a secret sealed for a destination', () => {
  it('opens for that destination only; another destination is refused, not decrypted', () => {
    const box = secretBox(Buffer.alloc(32, 7))
    const sealed = box.sealFor('Rahasia-Router-1', 'api://10.0.0.1:8728')
    expect(sealed).not.toContain('Rahasia')
    expect(box.openFor(sealed, 'api://10.0.0.1:8728')).toBe('Rahasia-Router-1')
    expect(() => box.openFor(sealed, 'api://10.6.6.6:8728')).toThrow(SecretDestinationError)
    expect(() => box.openFor(sealed, 'api://10.0.0.1:8729')).toThrow(SecretDestinationError)
    expect(() => box.open(sealed)).toThrow()
  })

  it('a value sealed before binding opens for the destination stored beside it', () => {
    const box = secretBox(Buffer.alloc(32, 7))
    expect(box.openFor(box.seal('lama'), 'api://10.0.0.1:8728')).toBe('lama')
  })
})
