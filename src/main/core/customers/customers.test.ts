import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { savePriceList, updateProduct } from '../catalog'
import {
  addService,
  changePackage,
  changeServiceStatus,
  createCustomer,
  getCustomer,
  listCustomers,
  showServiceCredentials,
  terminateCustomer,
} from './index'
import { catalogFixture, customerInput, serviceInput } from './testing'

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  )

describe('customer numbering', () => {
  it('codes come from the area pattern with a sequence per area: CBG01-0001, CBG01-0002, BJG02-0001', async () => {
    const { deps, actor, cbg, bjg } = await catalogFixture()
    expect((await createCustomer(deps, actor, customerInput(cbg.id, 'Budi'))).code).toBe(
      'CBG01-0001',
    )
    expect((await createCustomer(deps, actor, customerInput(cbg.id, 'Siti'))).code).toBe(
      'CBG01-0002',
    )
    expect((await createCustomer(deps, actor, customerInput(bjg.id, 'Agus'))).code).toBe(
      'BJG02-0001',
    )
  })

  it('concurrent creation never duplicates a code', async () => {
    const { deps, actor, cbg } = await catalogFixture()
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        createCustomer(deps, actor, customerInput(cbg.id, `Pelanggan ${i}`)),
      ),
    )
    const codes = created.map((c) => c.code)
    expect(new Set(codes).size).toBe(40)
    expect(codes.sort().at(-1)).toBe('CBG01-0040')
  })

  it('services get their own SID sequence and a PPPoE username from the customer code', async () => {
    const { deps, actor, cbg, p10, tz } = await catalogFixture()
    const c = await createCustomer(deps, actor, customerInput(cbg.id, 'Budi'))
    const s1 = await addService(deps, actor, serviceInput(c.id, p10.id), tz)
    const s2 = await addService(
      deps,
      actor,
      { ...serviceInput(c.id, p10.id), pppoeUsername: 'budi-kedua' },
      tz,
    )
    expect([s1.sid, s2.sid]).toEqual(['SID000001', 'SID000002'])
    const detail = await getCustomer(deps, actor.companyId, c.id, '2026-11-22')
    expect(detail.services[0]).toMatchObject({ pppoeUsername: 'cbg01-0001', status: 'aktif' })
    const shown = await showServiceCredentials(deps, actor, s1.id)
    expect(shown.pppoePassword).toMatch(/^[a-z2-9]{8}$/)
    expect(
      await code(
        addService(deps, actor, { ...serviceInput(c.id, p10.id), pppoeUsername: 'budi-kedua' }, tz),
      ),
    ).toBe('PPPOE_USERNAME_TAKEN')
  })
})

describe('company rules for new services', () => {
  it('the SID pattern and PPPoE username rule are settings; existing services keep theirs', async () => {
    const { updateCustomerSettings } = await import('../companies')
    const { deps, actor, cbg, p10, tz } = await catalogFixture()
    const c = await createCustomer(deps, actor, customerInput(cbg.id, 'Budi Santoso'))
    await addService(deps, actor, serviceInput(c.id, p10.id), tz)
    await updateCustomerSettings(deps, actor, {
      sidPattern: 'S-{0000}',
      pppoeUsernameRule: '{nama}.{sid}',
      pppoePasswordLength: 12,
    })
    const s2 = await addService(deps, actor, serviceInput(c.id, p10.id), tz)
    expect(s2.sid).toBe('S-0002')
    const [first, second] = (await getCustomer(deps, actor.companyId, c.id, '2026-11-22')).services
    expect(first).toMatchObject({ sid: 'SID000001', pppoeUsername: 'cbg01-0001' })
    expect(second!.pppoeUsername).toBe('budi.santoso.s-0002')
    expect((await showServiceCredentials(deps, actor, second!.id)).pppoePassword).toHaveLength(12)
  })
})

describe('search', () => {
  it('finds a customer by a phone typed any way, by name, code, address and SID', async () => {
    const { deps, actor, cbg, p10, tz } = await catalogFixture()
    const budi = await createCustomer(
      deps,
      actor,
      customerInput(cbg.id, 'Budi Santoso', '6281234567890'),
    )
    await createCustomer(deps, actor, customerInput(cbg.id, 'Siti Aminah', '6285711112222'))
    await addService(deps, actor, serviceInput(budi.id, p10.id), tz)
    const find = async (q: string) =>
      (await listCustomers(deps, actor.companyId, { q })).rows.map((r) => r.code)
    for (const q of [
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '081234',
      'budi',
      'Santoso',
      'CBG01-0001',
      'SID000001',
      'cbg01',
    ]) {
      expect(await find(q), q).toContain('CBG01-0001')
    }
    expect(await find('0812-3456-7890')).toEqual(['CBG01-0001'])
    expect(await find('aminah')).toEqual(['CBG01-0002'])
    expect(await find('tidakada')).toEqual([])
  })

  it('filters by status, area, product and category and reports the total', async () => {
    const { deps, actor, cbg, bjg, p10, p20, tz } = await catalogFixture()
    const a = await createCustomer(deps, actor, customerInput(cbg.id, 'A'))
    const b = await createCustomer(deps, actor, customerInput(bjg.id, 'B'))
    await addService(deps, actor, serviceInput(a.id, p10.id), tz)
    await addService(deps, actor, serviceInput(b.id, p20.id), tz)
    const list = (f: object) => listCustomers(deps, actor.companyId, f)
    expect((await list({ areaId: bjg.id })).rows.map((r) => r.name)).toEqual(['B'])
    expect((await list({ productId: p10.id })).rows.map((r) => r.name)).toEqual(['A'])
    expect((await list({ status: ['aktif'] })).total).toBe(2)
    expect((await list({ sort: 'name', dir: 'desc' })).rows.map((r) => r.name)).toEqual(['B', 'A'])
  })
})

describe('price lists and history', () => {
  it('a community price list overrides the area list, which overrides the product price', async () => {
    const { deps, actor, cbg, p10, tz } = await catalogFixture()
    const area = await savePriceList(deps, actor, {
      name: 'Cibinong',
      areaId: cbg.id,
      items: [{ productId: p10.id, price: 140_000 }],
    })
    const griya = await savePriceList(deps, actor, {
      name: 'Griya Asri',
      areaId: null,
      items: [{ productId: p10.id, price: 125_000 }],
    })
    const c1 = await createCustomer(deps, actor, customerInput(cbg.id, 'Warga biasa'))
    const c2 = await createCustomer(deps, actor, {
      ...customerInput(cbg.id, 'Warga Griya'),
      priceListId: griya.id,
    })
    await addService(deps, actor, serviceInput(c1.id, p10.id), tz)
    await addService(deps, actor, serviceInput(c2.id, p10.id), tz)
    const price = async (id: number) =>
      (await getCustomer(deps, actor.companyId, id, '2026-11-22')).services[0]!
    expect(await price(c1.id)).toMatchObject({
      monthlyPrice: 140_000,
      priceSource: 'area_price_list',
    })
    expect(await price(c2.id)).toMatchObject({ monthlyPrice: 125_000, priceSource: 'price_list' })
    expect(area.items).toHaveLength(1)
  })

  it('a product price change applies from its effective date', async () => {
    const { deps, actor, cbg, p10, tz, clock } = await catalogFixture()
    await updateProduct(
      deps,
      actor,
      {
        ...p10,
        id: p10.id,
        monthlyPrice: 175_000,
        priceEffectiveFrom: '2026-12-01',
        priceReason: 'kenaikan',
        active: true,
      },
      tz,
    )
    const c = await createCustomer(deps, actor, customerInput(cbg.id, 'Budi'))
    await addService(deps, actor, serviceInput(c.id, p10.id), tz)
    expect(
      (await getCustomer(deps, actor.companyId, c.id, '2026-11-30')).services[0]!.monthlyPrice,
    ).toBe(150_000)
    expect(
      (await getCustomer(deps, actor.companyId, c.id, '2026-12-01')).services[0]!.monthlyPrice,
    ).toBe(175_000)
    expect(clock.now().toISOString()).toBe('2026-11-22T03:00:00.000Z')
  })

  it('an upgrade applies now; a downgrade waits for the next period and shows as pending', async () => {
    const { deps, actor, cbg, p10, p20, tz } = await catalogFixture()
    const c = await createCustomer(deps, actor, customerInput(cbg.id, 'Budi'))
    const s = await addService(deps, actor, serviceInput(c.id, p10.id), tz)
    const up = await changePackage(
      deps,
      actor,
      { serviceId: s.id, productId: p20.id, reason: 'minta lebih cepat' },
      tz,
    )
    expect(up).toMatchObject({
      direction: 'upgrade',
      effectiveDate: '2026-11-22',
      pending: false,
      oldPrice: 150_000,
      newPrice: 200_000,
    })
    const down = await changePackage(
      deps,
      actor,
      { serviceId: s.id, productId: p10.id, reason: 'hemat' },
      tz,
    )
    expect(down).toMatchObject({
      direction: 'downgrade',
      effectiveDate: '2026-12-01',
      pending: true,
    })
    const detail = await getCustomer(deps, actor.companyId, c.id, '2026-11-22')
    expect(detail.services[0]).toMatchObject({
      productName: 'Rumah 20 Mbps',
      pendingChange: { productName: 'Rumah 10 Mbps', effectiveDate: '2026-12-01' },
    })
    const packages = detail.history.filter((h) => h.kind === 'package')
    expect(packages.map((h) => [h.from, h.to, h.pending])).toEqual([
      ['Rumah 20 Mbps', 'Rumah 10 Mbps', true],
      ['Rumah 10 Mbps', 'Rumah 20 Mbps', false],
    ])
  })

  it('the preview of a package change is what the change then does, and writes nothing', async () => {
    const { previewPackageChange, pricesForCustomer } = await import('./index')
    const { deps, actor, cbg, p10, p20, tz, db } = await catalogFixture()
    const c = await createCustomer(deps, actor, customerInput(cbg.id, 'Budi'))
    const s = await addService(deps, actor, { ...serviceInput(c.id, p20.id) }, tz)
    const prices = await pricesForCustomer(deps, actor.companyId, c.id, '2026-11-22')
    expect(prices.map((p) => [p.name, p.price])).toEqual([
      ['Rumah 10 Mbps', 150_000],
      ['Rumah 20 Mbps', 200_000],
    ])
    const historyBefore = await db.selectFrom('service_history').select('id').execute()
    const preview = await previewPackageChange(
      deps,
      actor.companyId,
      { serviceId: s.id, productId: p10.id },
      tz,
    )
    expect(preview).toEqual({
      direction: 'downgrade',
      effectiveDate: '2026-12-01',
      pending: true,
      oldPrice: 200_000,
      newPrice: 150_000,
    })
    expect(await db.selectFrom('service_history').select('id').execute()).toEqual(historyBefore)
    const change = await changePackage(
      deps,
      actor,
      { serviceId: s.id, productId: p10.id, reason: null },
      tz,
    )
    expect(change).toMatchObject(preview)
  })

  it('nothing is deleted: termination keeps the customer findable with status putus', async () => {
    const { deps, actor, cbg, p10, tz } = await catalogFixture()
    const c = await createCustomer(
      deps,
      actor,
      customerInput(cbg.id, 'Budi Santoso', '6281234567890'),
    )
    const s = await addService(deps, actor, serviceInput(c.id, p10.id), tz)
    await changeServiceStatus(
      deps,
      actor,
      { serviceId: s.id, status: 'isolir', reason: 'tunggakan' },
      tz,
    )
    expect((await listCustomers(deps, actor.companyId, { q: 'budi' })).rows[0]!.status).toBe(
      'isolir',
    )
    await terminateCustomer(deps, actor, { customerId: c.id, reason: 'pindah rumah' }, tz)
    expect(
      (await listCustomers(deps, actor.companyId, { q: '0812 3456 7890' })).rows[0],
    ).toMatchObject({ code: 'CBG01-0001', status: 'putus' })
    expect(
      await code(
        changeServiceStatus(deps, actor, { serviceId: s.id, status: 'aktif', reason: 'x' }, tz),
      ),
    ).toBe('SERVICE_TERMINATED')
    const statuses = (await getCustomer(deps, actor.companyId, c.id, '2026-11-22')).history.filter(
      (h) => h.kind === 'status',
    )
    expect(statuses.map((h) => [h.from, h.to, h.reason, h.username])).toEqual([
      ['isolir', 'putus', 'pindah rumah', 'owner'],
      ['aktif', 'isolir', 'tunggakan', 'owner'],
    ])
  })
})
