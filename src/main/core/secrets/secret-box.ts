import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
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
}

const VERSION = 'v1:'
const KEY_FILE = 'secret.key'

/** AES-256-GCM: the tag makes a tampered or foreign value fail loudly instead of decrypting to junk. */
export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret key must be 32 bytes')
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    open(sealed) {
      if (!sealed.startsWith(VERSION)) throw new Error('not a sealed secret')
      const raw = Buffer.from(sealed.slice(VERSION.length), 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
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
