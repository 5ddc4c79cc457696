import { describe, expect, it } from 'vitest'
import { formatCount, formatNumber } from './numbers'

describe('counts are grouped the way the reader writes numbers', () => {
  it('1775 invoices read "1.775" in Indonesian and "1,775" in English', () => {
    expect(`${formatCount(1775)} tagihan`).toBe('1.775 tagihan')
    expect(formatCount(1775, 'en-GB')).toBe('1,775')
  })

  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [50_000, '50.000'],
    [1_250_500, '1.250.500'],
    [-1200, '-1.200'],
  ])('%d → %s', (value, text) => {
    expect(formatCount(value)).toBe(text)
  })

  it('measured numbers keep their decimals with the Indonesian comma', () => {
    expect(formatNumber(12.5)).toBe('12,5')
    expect(formatNumber(1234.567, 'id-ID', 1)).toBe('1.234,6')
    expect(formatNumber(2.25, 'en-GB')).toBe('2.25')
  })
})
