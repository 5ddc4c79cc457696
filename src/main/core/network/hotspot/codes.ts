import { randomInt } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { VoucherCharset, VoucherFormat } from '@shared/schemas'

/**
 * The letters of each charset. Letters a person misreads on a printed voucher (0/O, 1/l/I) are
 * left out of every charset that has letters; numeric keeps all ten digits (nothing to confuse).
 */
const DIGITS = '23456789'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const LOWER = 'abcdefghijkmnopqrstuvwxyz'

export const CHARSET_LETTERS: Record<VoucherCharset, string> = {
  numeric: '0123456789',
  upper: UPPER + DIGITS,
  lower: LOWER + DIGITS,
  mixed: UPPER + LOWER + DIGITS,
}

export interface VoucherCode {
  username: string
  password: string
}

/** Names a new code must not take: asked one by one (vouchers are only known by a digest). */
export type TakenNames = Pick<ReadonlySet<string>, 'has' | 'size'>

/** Random text of `length` from `letters`, each character from the OS's CSPRNG. */
export function randomCode(letters: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += letters[randomInt(letters.length)]
  return out
}

/** How many different codes a format can make (capped: only compared against small counts). */
export function codeSpace(format: Pick<VoucherFormat, 'charset' | 'length'>): number {
  return Math.min(Number.MAX_SAFE_INTEGER, CHARSET_LETTERS[format.charset].length ** format.length)
}

/**
 * `count` new codes, none equal to each other or to a name in `taken` (the router's users Loket
 * knows of). A format whose space is not at least four times what is asked, after what is taken,
 * is refused: random draws would mostly collide, and short codes are easy to guess anyway.
 */
export function generateCodes(
  format: VoucherFormat,
  count: number,
  taken: TakenNames = new Set(),
): VoucherCode[] {
  const letters = CHARSET_LETTERS[format.charset]
  if (codeSpace(format) < count * 4 + taken.size) {
    throw new AppError('VALIDATION', 'too few possible codes for this count', {
      issues: [{ path: ['length'], message: 'validation.out_of_range' }],
    })
  }
  const seen = new Set<string>()
  const codes: VoucherCode[] = []
  let attempts = 0
  while (codes.length < count) {
    if (++attempts > count * 50) throw new AppError('INTERNAL', 'could not draw unique codes')
    const username = format.prefix + randomCode(letters, format.length)
    if (seen.has(username) || taken.has(username)) continue
    seen.add(username)
    const password = format.mode === 'voucher' ? username : randomCode(letters, format.length)
    codes.push({ username, password })
  }
  return codes
}
