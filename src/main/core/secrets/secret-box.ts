import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Router passwords and gateway keys are sealed with a key kept beside the database, in the data
 * directory, and never inside it: a copied `loket.sqlite` (a shared backup, a stolen laptop's
 * database file sent for "repair") reveals no credentials on its own.
 */
export interface SecretBox {
  seal(plain: string): string
  open(sealed: string): string
  /**
   * Seals a secret together with the destination it was entered for (a router's
   * `api://host:port`, see @shared/secret-destination): it opens for that destination only.
   */
  sealFor(plain: string, destination: string): string
  /**
   * The secret, when it was sealed for `destination`; a `SecretDestinationError` otherwise. A
   * value sealed before secrets were bound (v1) opens: it is stored beside the destination it was
   * saved with, and startup binds it (bindStoredSecrets).
   */
  openFor(sealed: string, destination: string): string
  /**
   * A keyed digest of a value that is stored sealed, for finding and de-duplicating it without
   * opening every row (voucher codes): equal values give equal keys, and without the data
   * directory's key nobody can tell which code a key belongs to.
   */
  lookupKey(plain: string): string
  /**
   * An HMAC-SHA256 of `data` under a key of its own for `purpose` (derived from the data
   * directory's key): what signed links (the customer's pay link) are checked with. A purpose's
   * signatures never verify another purpose's data.
   */
  mac(purpose: string, data: string): Buffer
}

/** A saved secret asked for another destination than the one it was saved for. */
export class SecretDestinationError extends Error {
  constructor() {
    super('the saved secret belongs to another destination')
    this.name = 'SecretDestinationError'
  }
}

const VERSION = 'v1:'
/** AES-256-GCM with the destination as additional authenticated data. */
const BOUND = 'v2:'
const KEY_FILE = 'secret.key'

/** AES-256-GCM: the tag makes a tampered or foreign value fail loudly instead of decrypting to junk. */
export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret key must be 32 bytes')
  // A key of its own for digests, so no sealed value and no digest ever share a key.
  const digestKey = createHmac('sha256', key).update('loket lookup key v1').digest()
  const seal = (prefix: string, plain: string, aad: string | null) => {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    if (aad !== null) cipher.setAAD(Buffer.from(aad, 'utf8'))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
  }
  const open = (prefix: string, sealed: string, aad: string | null) => {
    const raw = Buffer.from(sealed.slice(prefix.length), 'base64')
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
    if (aad !== null) decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  }
  return {
    seal: (plain) => seal(VERSION, plain, null),
    open(sealed) {
      if (!sealed.startsWith(VERSION)) throw new Error('not a sealed secret')
      return open(VERSION, sealed, null)
    },
    sealFor: (plain, destination) => seal(BOUND, plain, destination),
    lookupKey: (plain) => createHmac('sha256', digestKey).update(plain, 'utf8').digest('hex'),
    mac(purpose, data) {
      const purposeKey = createHmac('sha256', key).update(`loket mac key v1:${purpose}`).digest()
      return createHmac('sha256', purposeKey).update(data, 'utf8').digest()
    },
    openFor(sealed, destination) {
      if (sealed.startsWith(VERSION)) return open(VERSION, sealed, null)
      if (!sealed.startsWith(BOUND)) throw new Error('not a sealed secret')
      try {
        return open(BOUND, sealed, destination)
      } catch {
        // The tag covers the destination: another one (or another key) fails here alike.
        throw new SecretDestinationError()
      }
    },
  }
}

/** The data directory's key, made on first use and readable by its owner only. */
export function loadSecretKey(dataDir: string): Buffer {
  const file = path.join(path.resolve(dataDir), KEY_FILE)
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (key.length !== 32) throw new Error(`${file} is damaged: expected a 32-byte key`)
    return key
  }
  mkdirSync(path.dirname(file), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  return key
}

export function dataDirSecretBox(dataDir: string): SecretBox {
  return secretBox(loadSecretKey(dataDir))
}

/** A customer's PPPoE/hotspot password as stored: sealed (null stays null). */
export function sealLogin(box: SecretBox, plain: string | null): string | null {
  return plain === null ? null : box.seal(plain)
}

/**
 * The stored password in clear, for the operator's screen and the router. Rows written before
 * passwords were sealed are read as they are (startup seals them, see sealStoredLogins); a value
 * sealed under another data directory's key cannot be read and gives null.
 */
export function openLogin(box: SecretBox, stored: string | null): string | null {
  if (stored === null || !stored.startsWith(VERSION)) return stored
  try {
    return box.open(stored)
  } catch {
    return null
  }
}

export const isSealed = (value: string) => value.startsWith(VERSION)
/** Sealed for one destination (sealFor), not merely sealed. */
export const isBound = (value: string) => value.startsWith(BOUND)
