import { describe, expect, it } from 'vitest'
import { dateTimeText, sizeText } from './backup-format'

describe('backup page figures', () => {
  it('sizes read like 141,2 MB in Indonesian', () => {
    expect(sizeText(141_200_000, 'id-ID')).toBe('141,2 MB')
    expect(sizeText(2_500_000_000, 'id-ID')).toBe('2,5 GB')
    expect(sizeText(52_300, 'id-ID')).toBe('52,3 KB')
  })
  it('dates are dd/mm/yyyy in the company time zone', () => {
    expect(dateTimeText('2026-12-04T19:30:00Z', 'Asia/Jakarta')).toBe('05/12/2026 02:30')
  })
})
