import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { createProduct, updateProduct, type ProductView } from '@core/catalog'
import { createRouter, fixDifference, reconcileRouter } from '@core/network'
import { simRouterInput } from '@core/network/testing'
import { startRouterSim, type RouterSim } from '../sim/routeros'
import { networkFixture } from '../helpers/network-fixture'

let f: Awaited<ReturnType<typeof networkFixture>>
let second: RouterSim | null = null
afterEach(async () => {
  await f?.close()
  await second?.close()
  second = null
})

const speedFields = {
  billingMode: 'prepaid' as const,
  dataCapGb: null,
  fupNote: null,
  taxable: false,
  burstDownloadMbps: null,
  burstUploadMbps: null,
  burstThresholdDownloadMbps: null,
  burstThresholdUploadMbps: null,
  burstTimeSeconds: null,
  speedOnRouter: true,
}

const newPackage = (name: string, down: number, up: number, routerProfile: string | null = null) =>
  createProduct(
    f.deps,
    f.actor,
    {
      ...speedFields,
      name,
      serviceType: 'pppoe',
      monthlyPrice: 175_000,
      downloadMbps: down,
      uploadMbps: up,
      routerProfile,
    },
    f.tz,
  )

const edit = (p: ProductView, change: Partial<Parameters<typeof updateProduct>[2]>) =>
  updateProduct(
    f.deps,
    f.actor,
    {
      ...speedFields,
      ...p,
      priceReason: null,
      ...change,
    },
    f.tz,
  )

const profile = (sim: RouterSim, name: string) => sim.state.find('/ppp/profile', { name })[0]
const writes = (sim: RouterSim, menu: string) =>
  sim.commands.filter((c) => c.command === `${menu}/add` || c.command === `${menu}/set`)

describe('package speeds on the router', () => {
  it('a PPPoE package gets its own profile, named by Loket, with rate-limit upload/download', async () => {
    f = await networkFixture()
    const p = await newPackage('Rumah 15 Mbps', 15, 5)
    expect(p).toMatchObject({ routerProfile: 'loket-rumah-15-mbps', rateLimit: '5M/15M' })
    const c = await f.customer('Budi Santoso', { productId: p.id })
    await f.drain()
    expect(profile(f.sim, 'loket-rumah-15-mbps')).toMatchObject({ 'rate-limit': '5M/15M' })
    expect(f.secret(c.login)).toMatchObject({ profile: 'loket-rumah-15-mbps' })
  })

  it('a burst goes into the rate-limit as burst, threshold and time', async () => {
    f = await networkFixture()
    const p = await createProduct(
      f.deps,
      f.actor,
      {
        ...speedFields,
        name: 'Gamer 20',
        serviceType: 'pppoe',
        monthlyPrice: 250_000,
        downloadMbps: 20,
        uploadMbps: 10,
        routerProfile: null,
        burstDownloadMbps: 40,
        burstUploadMbps: 20,
        burstThresholdDownloadMbps: 15,
        burstThresholdUploadMbps: 7.5,
        burstTimeSeconds: 8,
      },
      f.tz,
    )
    await f.customer('Rina', { productId: p.id })
    await f.drain()
    expect(profile(f.sim, 'loket-gamer-20')!['rate-limit']).toBe('10M/20M 20M/40M 7.5M/15M 8s/8s')
  })

  it('a speed change updates the profile once per router, not once per customer', async () => {
    f = await networkFixture()
    second = await startRouterSim({ port: 0 })
    const other = await createRouter(f.deps, f.actor, simRouterInput(second.port, 'POP Timur'))
    const p = await newPackage('Rumah 15 Mbps', 15, 5)
    for (const name of ['Ani', 'Budi', 'Cici']) await f.customer(name, { productId: p.id })
    const { addService, createCustomer } = await import('@core/customers')
    const { customerInput, serviceInput } = await import('@core/customers/testing')
    for (const name of ['Dedi', 'Eka']) {
      const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, name))
      await addService(f.deps, f.actor, { ...serviceInput(c.id, p.id), routerId: other.id }, f.tz)
    }
    await f.drain()
    const jobsBefore = await f.db.selectFrom('device_jobs').select('id').execute()

    await edit(p, { downloadMbps: 30, uploadMbps: 10 })
    const jobs = await f.db
      .selectFrom('device_jobs')
      .select(['kind', 'router_id', 'target'])
      .where('status', '=', 'pending')
      .orderBy('router_id')
      .execute()
    expect(jobs).toEqual([
      { kind: 'package.speed', router_id: f.router.id, target: String(p.id) },
      { kind: 'package.speed', router_id: other.id, target: String(p.id) },
    ])
    expect(jobsBefore.length).toBe(5)
    const [before1, before2] = [f.sim.commands.length, second.commands.length]
    await f.drain()
    for (const [sim, before] of [
      [f.sim, before1],
      [second, before2],
    ] as const) {
      expect(profile(sim, 'loket-rumah-15-mbps')!['rate-limit']).toBe('10M/30M')
      const sets = sim.commands.slice(before).filter((c) => c.command === '/ppp/profile/set')
      expect(sets).toHaveLength(1)
      expect(sim.commands.slice(before).some((c) => c.command.startsWith('/ppp/secret'))).toBe(
        false,
      )
    }
  })

  it('a price change sends nothing to the router', async () => {
    f = await networkFixture()
    const p = await newPackage('Rumah 15 Mbps', 15, 5)
    await f.customer('Budi', { productId: p.id })
    await f.drain()
    const before = f.sim.commands.length
    await edit(p, { monthlyPrice: 185_000, priceEffectiveFrom: '2026-02-01' })
    const open = await f.db
      .selectFrom('device_jobs')
      .select('id')
      .where('status', '=', 'pending')
      .execute()
    expect(open).toEqual([])
    await f.drain()
    expect(f.sim.commands.length).toBe(before)
  })

  it('two packages never share one profile with different speeds', async () => {
    f = await networkFixture()
    await newPackage('Rumah 15 Mbps', 15, 5, 'PAKET-15')
    const refused = await newPackage('Promo 25 Mbps', 25, 5, 'PAKET-15').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({
      code: 'ROUTER_PROFILE_SPEED_CONFLICT',
      details: { profile: 'PAKET-15', product: 'Rumah 15 Mbps' },
    })
    // The same speed may share it; a name Loket makes up steps around a taken one.
    await expect(newPackage('Promo 15 Mbps', 15, 5, 'PAKET-15')).resolves.toMatchObject({
      routerProfile: 'PAKET-15',
    })
    const a = await newPackage('Kantor', 50, 20)
    expect(a.routerProfile).toBe('loket-kantor')
    await f.db.updateTable('products').set({ name: 'Kantor Lama' }).where('id', '=', a.id).execute()
    const b = await newPackage('Kantor', 60, 20)
    expect(b.routerProfile).toBe('loket-kantor-2')
    // Packages made before keep their profile and Loket leaves its speed alone.
    expect(f.p10).toMatchObject({ routerProfile: '10M', speedOnRouter: false, rateLimit: null })
  })

  it('a static-IP service gets a simple queue with max-limit upload/download', async () => {
    f = await networkFixture()
    const p = await createProduct(
      f.deps,
      f.actor,
      {
        ...speedFields,
        name: 'Dedicated 50',
        serviceType: 'static_ip',
        monthlyPrice: 1_000_000,
        downloadMbps: 50,
        uploadMbps: 20,
        routerProfile: null,
      },
      f.tz,
    )
    const c = await f.customer('PT Maju', { productId: p.id, staticIp: '10.20.0.5' })
    await f.drain()
    expect(f.sim.state.table('/queue/simple')).toMatchObject([
      {
        name: `loket-${c.sid}`,
        target: '10.20.0.5/32',
        'max-limit': '20000000/50000000',
        comment: c.code,
      },
    ])
    await edit(p, { downloadMbps: 100 })
    const before = writes(f.sim, '/queue/simple').length
    await f.drain()
    expect(writes(f.sim, '/queue/simple')).toHaveLength(before + 1)
    expect(f.sim.state.table('/queue/simple')[0]!['max-limit']).toBe('20000000/100000000')
  })

  it('reconciliation finds a profile whose rate-limit changed on the router, and the fix repairs it', async () => {
    f = await networkFixture()
    const p = await newPackage('Rumah 15 Mbps', 15, 5)
    await f.customer('Budi', { productId: p.id })
    const q = await createProduct(
      f.deps,
      f.actor,
      {
        ...speedFields,
        name: 'Dedicated 50',
        serviceType: 'static_ip',
        monthlyPrice: 1_000_000,
        downloadMbps: 50,
        uploadMbps: 20,
        routerProfile: null,
      },
      f.tz,
    )
    const s = await f.customer('PT Maju', { productId: q.id, staticIp: '10.20.0.5' })
    await f.drain()
    expect((await reconcileRouter(f.deps, f.companyId, f.router.id)).differences).toEqual([])

    profile(f.sim, 'loket-rumah-15-mbps')!['rate-limit'] = '5M/50M'
    f.sim.state.find('/queue/simple', { name: `loket-${s.sid}` })[0]!['max-limit'] =
      '20000000/100000000'
    const report = await reconcileRouter(f.deps, f.companyId, f.router.id)
    expect(report.differences.map((d) => [d.kind, d.login, d.loket, d.router])).toEqual([
      ['rate_limit_differs', 'loket-rumah-15-mbps', '5M/15M', '5M/50M'],
      ['queue_differs', `loket-${s.sid}`, '20M/50M', '20M/100M'],
    ])
    expect(report.counts).toMatchObject({ rate_limit_differs: 1, queue_differs: 1 })
    for (const d of report.differences)
      await fixDifference(
        f.deps,
        f.actor,
        { routerId: f.router.id, key: d.key, direction: 'to_router' },
        f.tz,
      )
    const waiting = await reconcileRouter(f.deps, f.companyId, f.router.id)
    expect(waiting.differences).toEqual([])
    expect(waiting.waiting.map((w) => w.login).sort()).toEqual(
      ['loket-rumah-15-mbps', '10.20.0.5'].sort(),
    )
    await f.drain()
    expect(profile(f.sim, 'loket-rumah-15-mbps')!['rate-limit']).toBe('5M/15M')
    expect(f.sim.state.table('/queue/simple')[0]!['max-limit']).toBe('20000000/50000000')
    expect((await reconcileRouter(f.deps, f.companyId, f.router.id)).differences).toEqual([])
  })

  it('reconciliation finds the FUP profile Loket keeps changed on the router, once the package profile is right', async () => {
    f = await networkFixture()
    const p = await createProduct(
      f.deps,
      f.actor,
      {
        ...speedFields,
        name: 'Kuota 20 Mbps',
        serviceType: 'pppoe',
        monthlyPrice: 200_000,
        downloadMbps: 20,
        uploadMbps: 10,
        routerProfile: null,
        dataCapGb: 100,
        fupDownloadMbps: 2,
        fupUploadMbps: 1,
      },
      f.tz,
    )
    await f.customer('Budi', { productId: p.id })
    await f.drain()
    // Nobody is throttled yet: the FUP profile is made when it is first needed, not missed.
    expect(profile(f.sim, 'loket-kuota-20-mbps-fup')).toBeUndefined()
    expect((await reconcileRouter(f.deps, f.companyId, f.router.id)).differences).toEqual([])
    // A speed change puts both of the package's profiles on its routers.
    await edit(p, { downloadMbps: 25 })
    await f.drain()
    expect(profile(f.sim, 'loket-kuota-20-mbps-fup')).toMatchObject({ 'rate-limit': '1M/2M' })
    expect((await reconcileRouter(f.deps, f.companyId, f.router.id)).differences).toEqual([])

    profile(f.sim, 'loket-kuota-20-mbps-fup')!['rate-limit'] = '5M/50M'
    profile(f.sim, 'loket-kuota-20-mbps')!['rate-limit'] = '5M/50M'
    const both = await reconcileRouter(f.deps, f.companyId, f.router.id)
    // One job puts both right: the package profile is shown first, the FUP one after it.
    expect(both.differences.map((d) => [d.kind, d.login, d.loket, d.router])).toEqual([
      ['rate_limit_differs', 'loket-kuota-20-mbps', '10M/25M', '5M/50M'],
    ])
    profile(f.sim, 'loket-kuota-20-mbps')!['rate-limit'] = '10M/25M'
    const report = await reconcileRouter(f.deps, f.companyId, f.router.id)
    expect(report.differences.map((d) => [d.kind, d.login, d.loket, d.router])).toEqual([
      ['rate_limit_differs', 'loket-kuota-20-mbps-fup', '1M/2M', '5M/50M'],
    ])
    await fixDifference(
      f.deps,
      f.actor,
      { routerId: f.router.id, key: report.differences[0]!.key, direction: 'to_router' },
      f.tz,
    )
    await f.drain()
    expect(profile(f.sim, 'loket-kuota-20-mbps-fup')!['rate-limit']).toBe('1M/2M')
    expect((await reconcileRouter(f.deps, f.companyId, f.router.id)).differences).toEqual([])
  })
})
