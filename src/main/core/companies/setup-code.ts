import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { Clock } from '../clock'

/**
 * The one-time code that guards the first-run wizard of a host the LAN can reach: without it,
 * whoever on the office network opens the page first becomes its superadmin. The host makes a
 * new one on every start while no company exists and shows it where only the owner looks (the
 * desktop window, the `serve` console); this PC itself needs no code.
 */
export interface SetupCode {
  /** As shown and typed: `ABCD-EFGH`. */
  readonly display: string
  /** Throws SETUP_CODE_REQUIRED, SETUP_CODE_INVALID or AUTH_LOCKED unless `given` is the code. */
  verify(given: string | undefined): void
  /** Setup is done: the code opens nothing any more. */
  spend(): void
}

// No 0/O, 1/I/L: read off a screen and typed on another PC. 31^8 ≈ 8.5·10^11 codes.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const LENGTH = 8
export const SETUP_CODE_MAX_TRIES = 5
const LOCK_MS = 15 * 60_000

export function createSetupCode(clock: Clock, pick: (n: number) => number = randomInt): SetupCode {
  const raw = Array.from({ length: LENGTH }, () => ALPHABET[pick(ALPHABET.length)]).join('')
  const expected = digest(raw)
  let spent = false
  // Wrong tries from every address together: a LAN attacker can use many addresses.
  let failures: number[] = []
  let lockedUntil = 0
  return {
    display: `${raw.slice(0, 4)}-${raw.slice(4)}`,
    verify(given) {
      const now = clock.now().getTime()
      if (now < lockedUntil) {
        throw new AppError('AUTH_LOCKED', 'setup code tries exhausted', {
          retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000),
        })
      }
      const typed = normalize(given ?? '')
      if (!typed) throw new AppError('SETUP_CODE_REQUIRED')
      // Hashes of equal length, compared in constant time: the answer's timing says nothing.
      if (!spent && timingSafeEqual(digest(typed), expected)) return
      failures = failures.filter((at) => now - at < LOCK_MS)
      failures.push(now)
      const attemptsLeft = Math.max(0, SETUP_CODE_MAX_TRIES - failures.length)
      if (attemptsLeft === 0) {
        lockedUntil = now + LOCK_MS
        failures = []
      }
      throw new AppError('SETUP_CODE_INVALID', 'wrong setup code', { attemptsLeft })
    },
    spend() {
      spent = true
    },
  }
}

/** `abcd efgh`, `ABCD-EFGH` and `abcdefgh` are the same code. */
function normalize(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '').slice(0, 64)
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
