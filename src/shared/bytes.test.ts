import { describe, expect, it } from 'vitest'
import { bytesText } from './bytes'

describe('bytesText', () => {
  it('writes decimal units with an Indonesian decimal comma', () => {
    expect(bytesText(0)).toBe('0 B')
    expect(bytesText(999)).toBe('999 B')
    expect(bytesText(1_500)).toBe('1,5 KB')
    expect(bytesText(52_340_000)).toBe('52,3 MB')
    expect(bytesText(1_000_000_000)).toBe('1,0 GB')
    expect(bytesText(250_400_000_000)).toBe('250 GB')
    expect(bytesText(3_200_000_000_000)).toBe('3,2 TB')
  })
})
