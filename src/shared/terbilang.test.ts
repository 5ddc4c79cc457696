import { describe, expect, it } from 'vitest'
import { terbilang, terbilangRupiah } from './terbilang'

describe('an amount in Indonesian words (terbilang)', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [150_000, 'seratus lima puluh ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [1_250_500, 'satu juta dua ratus lima puluh ribu lima ratus'],
    [10_000_000, 'sepuluh juta'],
    [111_111_111, 'seratus sebelas juta seratus sebelas ribu seratus sebelas'],
    [1_000_000_000, 'satu miliar'],
    [2_500_000_000, 'dua miliar lima ratus juta'],
    [1_000_000_000_000, 'satu triliun'],
    [4_800_000_000_000, 'empat triliun delapan ratus miliar'],
    [-5000, 'minus lima ribu'],
  ])('%d → %s', (value, words) => {
    expect(terbilang(value)).toBe(words)
  })

  it('reads the receipt of a Rp150.000 payment', () => {
    expect(`Terbilang: ${terbilangRupiah(150_000)}`).toBe(
      'Terbilang: seratus lima puluh ribu rupiah',
    )
  })

  it('reads the largest safe amount without a gap or a stray "se"', () => {
    expect(terbilang(Number.MAX_SAFE_INTEGER)).toBe(
      'sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar ' +
        'dua ratus lima puluh empat juta tujuh ratus empat puluh ribu ' +
        'sembilan ratus sembilan puluh satu',
    )
  })

  it('refuses what is not a whole number', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError)
  })
})
