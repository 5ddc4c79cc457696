import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { CHARSET_LETTERS, codeSpace, generateCodes } from './codes'

const format = (over: Partial<Parameters<typeof generateCodes>[0]> = {}) => ({
  prefix: '',
  length: 8,
  charset: 'mixed' as const,
  mode: 'voucher' as const,
  ...over,
})

describe('voucher codes', () => {
  it('numeric codes are digits only, at the asked length after the prefix', () => {
    const codes = generateCodes(format({ charset: 'numeric', length: 6, prefix: 'HS' }), 200)
    expect(codes).toHaveLength(200)
    for (const c of codes) expect(c.username).toMatch(/^HS\d{6}$/)
  })

  it('upper, lower and mixed never use the look-alikes 0 O 1 l I', () => {
    for (const charset of ['upper', 'lower', 'mixed'] as const) {
      expect(CHARSET_LETTERS[charset]).not.toMatch(/[0O1lI]/)
      const codes = generateCodes(format({ charset, length: 12 }), 300)
      for (const c of codes) expect(c.username).not.toMatch(/[0O1lI]/)
    }
    const upper = generateCodes(format({ charset: 'upper', length: 10 }), 100)
    for (const c of upper) expect(c.username).toMatch(/^[A-Z2-9]{10}$/)
    const lower = generateCodes(format({ charset: 'lower', length: 10 }), 100)
    for (const c of lower) expect(c.username).toMatch(/^[a-z2-9]{10}$/)
  })

  it('1000 codes are all different and avoid the names already taken on the router', () => {
    const taken = new Set(
      generateCodes(format({ charset: 'numeric', length: 5 }), 1000).map((c) => c.username),
    )
    const codes = generateCodes(format({ charset: 'numeric', length: 5 }), 1000, taken)
    const names = codes.map((c) => c.username)
    expect(new Set(names).size).toBe(1000)
    expect(names.some((n) => taken.has(n))).toBe(false)
  })

  it('voucher mode: password = username; username+password mode: its own password', () => {
    for (const c of generateCodes(format({ mode: 'voucher' }), 20))
      expect(c.password).toBe(c.username)
    const pairs = generateCodes(format({ mode: 'userpass', prefix: 'v', length: 6 }), 50)
    for (const c of pairs) {
      expect(c.username).toMatch(/^v.{6}$/)
      expect(c.password).toHaveLength(6)
    }
    expect(pairs.filter((c) => c.password === c.username.slice(1)).length).toBeLessThan(2)
  })

  it('refuses a format with too few possible codes (4 digits for 3000 vouchers)', () => {
    expect(codeSpace({ charset: 'numeric', length: 4 })).toBe(10_000)
    expect(() => generateCodes(format({ charset: 'numeric', length: 4 }), 3000)).toThrow(AppError)
    expect(generateCodes(format({ charset: 'numeric', length: 4 }), 2000)).toHaveLength(2000)
  })
})
