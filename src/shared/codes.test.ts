import { describe, expect, it } from 'vitest'
import { formatCode, parseCodeNumber, pppoeUsername } from './codes'

describe('customer codes from the area pattern', () => {
  it('{AREA}-{0000} with CBG01 and 1 is CBG01-0001', () => {
    expect(formatCode('{AREA}-{0000}', { area: 'CBG01', n: 1 })).toBe('CBG01-0001')
    expect(formatCode('{AREA}-{0000}', { area: 'CBG01', n: 12345 })).toBe('CBG01-12345')
    expect(formatCode('SID{000000}', { n: 42 })).toBe('SID000042')
  })

  it('reads the number back from a code of the same pattern only', () => {
    expect(parseCodeNumber('{AREA}-{0000}', 'CBG01', 'CBG01-0042')).toBe(42)
    expect(parseCodeNumber('{AREA}-{0000}', 'CBG01', 'cbg01-0042')).toBe(42)
    expect(parseCodeNumber('{AREA}-{0000}', 'CBG01', 'BJG02-0042')).toBeNull()
    expect(parseCodeNumber('{AREA}-{0000}', 'CBG01', 'LAMA-77')).toBeNull()
  })

  it('derives PPPoE usernames by the company rule', () => {
    expect(pppoeUsername('{kode}', { code: 'CBG01-0001', name: 'Budi', sid: 'SID000001' })).toBe(
      'cbg01-0001',
    )
    expect(
      pppoeUsername('{nama}@{kode}', { code: 'CBG01-0001', name: 'Budi Santoso', sid: 'x' }),
    ).toBe('budi.santoso@cbg01-0001')
  })
})
