import { describe, expect, it } from 'vitest'
import { productInput } from './schemas'
import { loketProfileName, parseSpeedText, rateLimitText } from './speeds'

describe('package speeds as typed and as RouterOS takes them', () => {
  it('a bare number is Mbps; k and M are RouterOS thousands and millions', () => {
    expect(parseSpeedText('10')).toBe(10_000)
    expect(parseSpeedText('1,5')).toBe(1_500)
    expect(parseSpeedText('512k')).toBe(512)
    expect(parseSpeedText('20M')).toBe(20_000)
    expect(parseSpeedText('10 Mbps')).toBe(10_000)
    expect(parseSpeedText('')).toBeNull()
    expect(parseSpeedText('cepat')).toBeNaN()
  })

  it('the rate-limit is upload/download (rx/tx from the router), burst after it', () => {
    expect(rateLimitText({ downloadKbps: 20_000, uploadKbps: 5_000, burst: null })).toBe('5M/20M')
    expect(
      rateLimitText({
        downloadKbps: 20_000,
        uploadKbps: 10_000,
        burst: {
          downloadKbps: 40_000,
          uploadKbps: 20_000,
          thresholdDownloadKbps: 15_000,
          thresholdUploadKbps: 7_500,
          seconds: 8,
        },
      }),
    ).toBe('10M/20M 20M/40M 7.5M/15M 8s/8s')
    expect(rateLimitText({ downloadKbps: 512, uploadKbps: 256, burst: null })).toBe('256k/512k')
  })

  it('Loket names a profile after the package', () => {
    expect(loketProfileName('Rumah 10 Mbps')).toBe('loket-rumah-10-mbps')
    expect(loketProfileName('Paket Hemat!! (Promo)')).toBe('loket-paket-hemat-promo')
  })

  it('a speed Loket sets needs both directions; a burst is whole and above the speed', () => {
    const base = { name: 'Gamer', serviceType: 'pppoe', monthlyPrice: 250_000 }
    const issues = (extra: object) => {
      const r = productInput.safeParse({ ...base, ...extra })
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
    }
    expect(issues({ speedOnRouter: true, downloadMbps: 20 })).toEqual([
      ['uploadMbps', 'validation.speed_required'],
    ])
    expect(issues({ downloadMbps: 20, uploadMbps: 10, burstDownloadMbps: 15 })).toEqual([
      ['burstUploadMbps', 'validation.burst_incomplete'],
      ['burstThresholdDownloadMbps', 'validation.burst_incomplete'],
      ['burstThresholdUploadMbps', 'validation.burst_incomplete'],
      ['burstTimeSeconds', 'validation.burst_incomplete'],
      ['burstDownloadMbps', 'validation.burst_rate'],
    ])
    expect(
      issues({
        downloadMbps: 20,
        uploadMbps: 10,
        burstDownloadMbps: 40,
        burstUploadMbps: 20,
        burstThresholdDownloadMbps: 40,
        burstThresholdUploadMbps: 7.5,
        burstTimeSeconds: 8,
      }),
    ).toEqual([['burstThresholdDownloadMbps', 'validation.burst_threshold']])
  })
})
