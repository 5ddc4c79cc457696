import { describe, expect, it } from 'vitest'
import { formatRupiah, mulDivFloor, mulDivRoundHalfUp, parseRupiah, rupiah } from './money'

describe('money: integer rupiah', () => {
  it('refuses fractions and unsafe numbers', () => {
    expect(() => rupiah(1.5)).toThrow(RangeError)
    expect(() => rupiah(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError)
    expect(rupiah(150_000)).toBe(150_000)
  })

  it('prorates 15/31 of Rp150,000 to Rp72,581 (half up, exact)', () => {
    expect(mulDivRoundHalfUp(rupiah(150_000), 15, 31)).toBe(72_581)
  })

  it('rounds an exact half up and mirrors it for credits', () => {
    expect(mulDivRoundHalfUp(rupiah(3), 1, 2)).toBe(2)
    expect(mulDivRoundHalfUp(rupiah(-3), 1, 2)).toBe(-2)
    expect(mulDivRoundHalfUp(rupiah(100_000), 15, 30)).toBe(50_000)
  })

  it('rounds down where the rule says so (PPN)', () => {
    expect(mulDivFloor(rupiah(91_667), 12, 100)).toBe(11_000)
  })

  it('formats in the id-ID style', () => {
    expect(formatRupiah(rupiah(150_000)).replace(/\s/g, ' ')).toBe('Rp 150.000')
  })

  it('reads amounts as people type them', () => {
    expect(parseRupiah('150000')).toBe(150_000)
    expect(parseRupiah('150.000')).toBe(150_000)
    expect(parseRupiah('Rp 1.250.000')).toBe(1_250_000)
    expect(parseRupiah('150,000')).toBe(150_000)
    expect(parseRupiah('12,5')).toBeNull()
    expect(parseRupiah('abc')).toBeNull()
  })
})
