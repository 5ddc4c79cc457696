import { describe, expect, it } from 'vitest'
import { decimalOrNull, integerOrNull, rupiahOrNull, rupiahText } from './parse'

describe('form text to numbers', () => {
  it('reads coordinates written with a comma or a dot', () => {
    expect(decimalOrNull('-6,4812')).toBe(-6.4812)
    expect(decimalOrNull('106.8540')).toBe(106.854)
    expect(decimalOrNull('  ')).toBeNull()
    expect(decimalOrNull('abc')).toBeNaN()
  })

  it('reads whole numbers only', () => {
    expect(integerOrNull('250')).toBe(250)
    expect(integerOrNull('')).toBeNull()
    expect(integerOrNull('2,5')).toBeNaN()
  })

  it('reads rupiah the way the office types it', () => {
    expect(rupiahOrNull('150.000')).toBe(150_000)
    expect(rupiahOrNull('Rp 150.000')).toBe(150_000)
    expect(rupiahOrNull('150000')).toBe(150_000)
    expect(rupiahOrNull('')).toBeNull()
    expect(rupiahOrNull('150.5')).toBeNaN()
    expect(rupiahText(1_250_000)).toBe('1.250.000')
    expect(rupiahText(null)).toBe('')
  })
})
