import { describe, expect, it } from 'vitest'
import { fupWithoutEffect } from './fup'

const paket = {
  serviceType: 'pppoe' as const,
  speedOnRouter: true,
  downloadMbps: 20,
  uploadMbps: 10,
  fupDownloadMbps: 2,
  fupUploadMbps: 1,
  fupProfile: null,
}

describe('a FUP speed that would never be applied', () => {
  it('PPPoE with its speed kept by Loket: Loket makes the FUP profile', () => {
    expect(fupWithoutEffect(paket)).toBeNull()
  })

  it('PPPoE whose speed the router keeps needs the FUP profile named', () => {
    expect(fupWithoutEffect({ ...paket, speedOnRouter: false })).toBe('pppoe_needs_profile')
    expect(fupWithoutEffect({ ...paket, speedOnRouter: false, fupProfile: 'FUP-2M' })).toBeNull()
  })

  it('static IP and dedicated are slowed in the queue Loket keeps, or not at all', () => {
    for (const serviceType of ['static_ip', 'dedicated'] as const) {
      expect(fupWithoutEffect({ ...paket, serviceType })).toBeNull()
      expect(fupWithoutEffect({ ...paket, serviceType, speedOnRouter: false })).toBe(
        'queue_needs_speed_on_router',
      )
    }
  })

  it('hotspot and cable TV packages are never throttled', () => {
    expect(fupWithoutEffect({ ...paket, serviceType: 'hotspot' })).toBe('type_not_throttled')
    expect(fupWithoutEffect({ ...paket, serviceType: 'cable_tv' })).toBe('type_not_throttled')
  })

  it('no FUP speed: nothing to warn about', () => {
    expect(
      fupWithoutEffect({
        ...paket,
        speedOnRouter: false,
        fupDownloadMbps: null,
        fupUploadMbps: null,
      }),
    ).toBeNull()
  })
})
