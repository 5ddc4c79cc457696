import { describe, expect, it } from 'vitest'
import { classifyVoucher } from './status'

const user = (over: Record<string, string> = {}) => ({
  name: 'v1',
  profile: '1hari',
  disabled: 'false',
  uptime: '0s',
  'bytes-in': '0',
  'bytes-out': '0',
  'limit-uptime': '1d',
  ...over,
})

describe('voucher status from the router', () => {
  it('never logged in: belum dipakai', () => {
    expect(classifyVoucher(user(), false)).toMatchObject({
      state: 'belum_dipakai',
      uptimeSeconds: 0,
      limitSeconds: 86_400,
    })
  })

  it('a session in /ip/hotspot/active: aktif', () => {
    expect(classifyVoucher(user({ uptime: '5m' }), true).state).toBe('aktif')
  })

  it('used 2h of 1d and offline: terpakai, with its usage', () => {
    expect(
      classifyVoucher(user({ uptime: '2h', 'bytes-in': '1000', 'bytes-out': '52000' }), false),
    ).toEqual({
      state: 'terpakai',
      uptimeSeconds: 7200,
      limitSeconds: 86_400,
      bytesIn: 1000,
      bytesOut: 52_000,
      quotaBytes: null,
    })
  })

  it('bytes in and out together reached limit-bytes-total: kadaluarsa, with its quota', () => {
    const quota = { 'limit-bytes-total': '1000000', uptime: '10m' }
    expect(
      classifyVoucher(user({ ...quota, 'bytes-in': '100000', 'bytes-out': '899999' }), false),
    ).toMatchObject({ state: 'terpakai', quotaBytes: 1_000_000 })
    expect(
      classifyVoucher(user({ ...quota, 'bytes-in': '100000', 'bytes-out': '900000' }), false).state,
    ).toBe('kadaluarsa')
    expect(classifyVoucher(user({ 'limit-bytes-total': '0' }), false).quotaBytes).toBeNull()
  })

  it('uptime reached limit-uptime (1d = 24:00:00): kadaluarsa', () => {
    expect(classifyVoucher(user({ uptime: '24:00:00' }), false).state).toBe('kadaluarsa')
    expect(classifyVoucher(user({ uptime: '1d2m' }), false).state).toBe('kadaluarsa')
  })

  it('disabled on the router or in Loket: nonaktif, even while online', () => {
    expect(classifyVoucher(user({ disabled: 'true' }), true).state).toBe('nonaktif')
    expect(classifyVoucher(user(), false, true).state).toBe('nonaktif')
  })

  it('not on the router: tidak ada; a voucher without limit-uptime never expires', () => {
    expect(classifyVoucher(undefined, false).state).toBe('tidak_ada')
    const unlimited = classifyVoucher(user({ 'limit-uptime': '', uptime: '30d' }), false)
    expect(unlimited).toMatchObject({ state: 'terpakai', limitSeconds: null })
  })
})
