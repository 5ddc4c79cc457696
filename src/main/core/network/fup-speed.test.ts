import { describe, expect, it } from 'vitest'
import { SERVICE_TYPES } from '@shared/catalog'
import { fupWithoutEffect } from '@shared/fup'
import { fupProfile, fupQueueSpeed } from './fup-speed'

// The package form warns with fupWithoutEffect (shared); the router worker throttles with
// fupProfile / fupQueueSpeed (here). They must agree on every package a form can save.
describe('the form and the router worker agree on which FUP speeds take effect', () => {
  const cases = SERVICE_TYPES.flatMap((serviceType) =>
    [true, false].flatMap((speedOnRouter) =>
      [null, 'FUP-2M'].flatMap((named) =>
        [20, null].map((downloadMbps) => ({ serviceType, speedOnRouter, named, downloadMbps })),
      ),
    ),
  )
  it.each(cases)('%o', ({ serviceType, speedOnRouter, named, downloadMbps }) => {
    const fupNamed = serviceType === 'pppoe' ? named : null
    const kept = speedOnRouter && serviceType !== 'hotspot' && serviceType !== 'cable_tv'
    const stored = {
      service_type: serviceType,
      download_kbps: downloadMbps && downloadMbps * 1000,
      upload_kbps: 10_000,
      burst_download_kbps: null,
      burst_upload_kbps: null,
      burst_threshold_download_kbps: null,
      burst_threshold_upload_kbps: null,
      burst_time_s: null,
      // What the catalogue stores: Loket keeps a speed only of a type it can, with both set.
      speed_on_router: kept && downloadMbps ? 1 : 0,
      // A PPPoE package whose speed Loket keeps always has its profile named (resolveRouterProfile).
      router_profile: serviceType === 'pppoe' && kept && downloadMbps ? 'loket-paket' : null,
      fup_download_kbps: 2_000,
      fup_upload_kbps: 1_000,
      fup_profile: fupNamed,
    }
    const applied = fupProfile(stored) !== null || fupQueueSpeed(stored) !== null
    const warned = fupWithoutEffect({
      serviceType,
      speedOnRouter,
      downloadMbps,
      uploadMbps: 10,
      fupDownloadMbps: 2,
      fupUploadMbps: 1,
      fupProfile: fupNamed,
    })
    expect(warned === null).toBe(applied)
  })
})
