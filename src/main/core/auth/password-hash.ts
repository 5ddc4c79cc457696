import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt with N=2^17, r=8, p=1 (DESIGN.md). The parameters are stored with each hash, so they can
 * be raised later without invalidating old passwords. Format: `scrypt$<log2N>$<r>$<p>$<salt>$<hash>`.
 */
export const SCRYPT_LOG2N = 17
const R = 8
const P = 1
const KEY_LENGTH = 32

function scrypt(
  password: string,
  salt: Buffer,
  log2n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  const N = 2 ** log2n
  // Node's default memory cap (32 MiB) is below what N=2^17, r=8 needs (128 MiB).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

/**
 * The work factor new hashes get: always 2^17, except inside a test run. The suites create and
 * sign in thousands of users, each hash a second of CPU on a loaded 2-core machine, as Rails'
 * bcrypt MIN_COST in tests: a run (NODE_ENV=test, which vitest sets and the test fixtures pass
 * to the hosts and CLIs they start) may ask for a cheaper factor, never below 2^10. The same code
 * hashes and verifies either way; password-hash.test.ts checks the 2^17 default without it.
 */
export function passwordWorkFactor(env: NodeJS.ProcessEnv = process.env): number {
  const forTests = Number(env.LOKET_TEST_SCRYPT_LOG2N)
  if (env.NODE_ENV !== 'test' || !Number.isInteger(forTests)) return SCRYPT_LOG2N
  return Math.min(SCRYPT_LOG2N, Math.max(10, forTests))
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const log2n = passwordWorkFactor()
  const key = await scrypt(password, salt, log2n, R, P)
  return ['scrypt', log2n, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !log2n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), +log2n, +r, +p)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * A hash of a random password, verified against when the username does not exist, so a wrong
 * username costs the same time as a wrong password and usernames cannot be probed by timing.
 */
let dummyHash: Promise<string> | null = null
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  return dummyHash
}
