import { describe, expect, it } from 'vitest'
import { hotspotProfileInput, quotaFromBytes, quotaText, quotaToBytes } from './hotspot'

const profile = {
  routerId: 1,
  name: '1hari',
  rateLimit: '2M/2M',
  validity: '1d',
  price: 5000,
}

const issuesOf = (quota: Record<string, unknown>) => {
  const r = hotspotProfileInput.safeParse({ ...profile, ...quota })
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('a voucher profile’s data quota', () => {
  it('is optional: no quota means none on the vouchers', () => {
    expect(hotspotProfileInput.parse(profile)).toMatchObject({ quotaAmount: null })
  })

  it('takes whole MB, or GB with up to two decimals, counted as RouterOS does (1 GB = 1024 MB)', () => {
    expect(issuesOf({ quotaAmount: 500, quotaUnit: 'MB' })).toEqual([])
    expect(issuesOf({ quotaAmount: 1.5, quotaUnit: 'GB' })).toEqual([])
    expect(quotaToBytes(5, 'GB')).toBe(5_368_709_120)
    expect(quotaToBytes(500, 'MB')).toBe(524_288_000)
    expect(issuesOf({ quotaAmount: 1.5, quotaUnit: 'MB' })).toEqual([
      'quotaAmount: validation.voucher_quota',
    ])
    expect(issuesOf({ quotaAmount: 1.555, quotaUnit: 'GB' })).toEqual([
      'quotaAmount: validation.voucher_quota',
    ])
  })

  it('refuses zero, negative and more than 10 TB', () => {
    for (const amount of [0, -1])
      expect(issuesOf({ quotaAmount: amount, quotaUnit: 'GB' })).toEqual([
        'quotaAmount: validation.out_of_range',
      ])
    expect(issuesOf({ quotaAmount: 10_240, quotaUnit: 'GB' })).toEqual([])
    expect(issuesOf({ quotaAmount: 10_241, quotaUnit: 'GB' })).toEqual([
      'quotaAmount: validation.out_of_range',
    ])
    expect(issuesOf({ quotaAmount: 5, quotaUnit: 'TB' })).toHaveLength(1)
  })

  it('reads back in the unit it was given when it is whole GB, else in MB', () => {
    expect(quotaFromBytes(quotaToBytes(5, 'GB'))).toEqual({ amount: 5, unit: 'GB' })
    expect(quotaFromBytes(quotaToBytes(1.5, 'GB'))).toEqual({ amount: 1536, unit: 'MB' })
    expect(quotaFromBytes(quotaToBytes(700, 'MB'))).toEqual({ amount: 700, unit: 'MB' })
  })

  it('reads on vouchers and pages in RouterOS units with a decimal comma', () => {
    expect(quotaText(quotaToBytes(5, 'GB'))).toBe('5 GB')
    expect(quotaText(quotaToBytes(1.5, 'GB'))).toBe('1,5 GB')
    expect(quotaText(quotaToBytes(500, 'MB'))).toBe('500 MB')
  })
})
