import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** 6 digits, from the CSPRNG; leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** The handle a client holds for its challenge: 128 random bits, stored only as a hash. */
export function newChallengeToken(): string {
  return randomBytes(16).toString('base64url')
}

export function hashChallengeToken(token: string): string {
  return createHash('sha256').update(`otp-challenge:${token}`).digest('hex')
}

/**
 * A code is stored as a hash keyed with its challenge's token, which the database keeps only
 * hashed itself: a copied database holds neither the code nor what it would take to try the
 * million codes against it.
 */
export function hashCode(token: string, code: string): string {
  return createHash('sha256').update(`otp-code:${token}:${code}`).digest('hex')
}

/** Constant-time comparison of a typed code with the stored hash. */
export function codeMatches(token: string, code: string, storedHash: string): boolean {
  const actual = Buffer.from(hashCode(token, code), 'hex')
  const expected = Buffer.from(storedHash, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** `6281234567890` → `62812•••••890`; `budi@example.com` → `b•••@example.com`. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@')
  if (at > 0) return `${recipient[0]}•••${recipient.slice(at)}`
  if (recipient.length <= 6) return '•'.repeat(recipient.length)
  return `${recipient.slice(0, 5)}${'•'.repeat(Math.max(3, recipient.length - 8))}${recipient.slice(-3)}`
}
