import { describe, expect, it } from 'vitest'
import { productInput, usageIssues } from './catalog'

const base = {
  dataCapGb: 100,
  downloadMbps: 20,
  uploadMbps: 10,
  fupDownloadMbps: null,
  fupUploadMbps: null,
  fupProfile: null,
  extraGbPrice: null,
  usageGbPrice: null,
}

describe('a package’s usage fields', () => {
  it('accept a quota with a FUP speed below the package speed and a price per extra GB', () => {
    expect(
      usageIssues({ ...base, fupDownloadMbps: 2, fupUploadMbps: 1, extraGbPrice: 2000 }),
    ).toEqual([])
  })

  it('take the FUP speed in both directions or neither, and below the package speed', () => {
    expect(usageIssues({ ...base, fupDownloadMbps: 2 })).toEqual([
      { path: 'fupUploadMbps', message: 'validation.fup_incomplete' },
    ])
    expect(usageIssues({ ...base, fupDownloadMbps: 20, fupUploadMbps: 1 })).toEqual([
      { path: 'fupDownloadMbps', message: 'validation.fup_above_speed' },
    ])
  })

  it('need a quota for FUP and for a price past it', () => {
    const noQuota = { ...base, dataCapGb: null }
    expect(usageIssues({ ...noQuota, fupProfile: 'FUP-2M' })).toEqual([
      { path: 'fupProfile', message: 'validation.needs_quota' },
    ])
    expect(usageIssues({ ...noQuota, extraGbPrice: 2000 })).toEqual([
      { path: 'extraGbPrice', message: 'validation.needs_quota' },
    ])
    expect(usageIssues({ ...noQuota, usageGbPrice: 3000 })).toEqual([])
  })

  it('bill usage one way: past the quota or all of it, not both', () => {
    expect(usageIssues({ ...base, extraGbPrice: 2000, usageGbPrice: 3000 })).toEqual([
      { path: 'usageGbPrice', message: 'validation.usage_price_twice' },
    ])
  })

  it('are checked when a package is saved', () => {
    const r = productInput.safeParse({
      name: 'Kuota 100',
      serviceType: 'pppoe',
      monthlyPrice: 150000,
      dataCapGb: null,
      extraGbPrice: 2000,
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.message)).toContain('validation.needs_quota')
  })
})
