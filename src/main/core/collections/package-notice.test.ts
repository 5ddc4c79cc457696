import { describe, expect, it } from 'vitest'
import { changePackage } from '../customers'
import { queuePackageNotice } from './package-notice'
import { collectionsFixture } from './testing'

describe('"paket berubah"', () => {
  it('tells the customer the new package and the day it takes effect, once per change', async () => {
    const f = await collectionsFixture()
    const ani = await f.customer('Ani Rahayu')
    await f.contact(ani.customerId, { phone: '081211112222' })
    await f.whatsappOn()
    const changed = await changePackage(
      f.deps,
      f.actor,
      { serviceId: ani.serviceId, productId: f.p20.id, reason: null },
      f.tz,
    )
    const change = {
      serviceId: ani.serviceId,
      productId: f.p20.id,
      effectiveDate: changed.effectiveDate,
    }
    expect(await queuePackageNotice(f.deps, f.actor, change, f.tz)).toMatchObject({ queued: 1 })
    expect(await queuePackageNotice(f.deps, f.actor, change, f.tz)).toMatchObject({
      queued: 0,
      duplicates: 1,
    })
    const [sent] = await f.messages('package_changed')
    expect(sent!.recipient).toBe('6281211112222')
    expect(sent!.body).toContain('paket internet Anda menjadi Rumah 20 Mbps mulai 01 Januari 2026')
  })

  it('stays quiet when the policy turns the notice off', async () => {
    const f = await collectionsFixture()
    const budi = await f.customer('Budi Santoso')
    await f.contact(budi.customerId, { phone: '081233334444' })
    await f.whatsappOn()
    await f.policy({ sendPackageNotice: false })
    const change = { serviceId: budi.serviceId, productId: f.p20.id, effectiveDate: '2026-01-01' }
    expect(await queuePackageNotice(f.deps, f.actor, change, f.tz)).toEqual({ disabled: 1 })
    expect(await f.messages('package_changed')).toEqual([])
  })
})
