import { afterEach, describe, expect, it } from 'vitest'
import { networkFixture } from '../../../../test/helpers/network-fixture'
import { createProduct, updateProduct } from '../catalog'
import { addService, createCustomer, getCustomer } from '../customers'
import { customerInput, serviceInput } from '../customers/testing'
import { applyIsolir, runDeviceQueue } from '../network'
import { checkFup, collectUsage, runUsageCollect } from './index'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const GB = 1_000_000_000
const TZ = 'Asia/Jakarta'

/**
 * A company with one router on the simulator (with its ISOLIR profile) and two 10 GB quota packages whose speed Loket keeps
 * on the router: PPPoE 20/10 Mbps and static IP 20/20 Mbps, both 2/1 Mbps past the quota
 * (2026-11-22 10:00 in Jakarta).
 */
async function fixture() {
  const { sim, router, deps, close, ...f } = await networkFixture()
  cleanups.push(close)
  const quotaPackage = (name: string, serviceType: 'pppoe' | 'static_ip', up: number) =>
    createProduct(
      deps,
      f.actor,
      {
        name,
        serviceType,
        monthlyPrice: 200_000,
        billingMode: 'prepaid',
        downloadMbps: 20,
        uploadMbps: up,
        speedOnRouter: true,
        routerProfile: null,
        dataCapGb: 10,
        fupDownloadMbps: 2,
        fupUploadMbps: 1,
        fupNote: null,
        taxable: false,
      },
      TZ,
    )
  const pppoe = await quotaPackage('Kuota 20 Mbps', 'pppoe', 10)
  const fixed = await quotaPackage('Kantor Kuota', 'static_ip', 20)
  const service = async (name: string, network: { pppoeUsername?: string; staticIp?: string }) => {
    const c = await createCustomer(deps, f.actor, customerInput(f.cbg.id, name, '081234567890'))
    const productId = network.staticIp ? fixed.id : pppoe.id
    const s = await addService(
      deps,
      f.actor,
      { ...serviceInput(c.id, productId), ...network, routerId: router.id },
      TZ,
    )
    await runDeviceQueue(deps, { ignoreBackoff: true })
    return { id: s.id, sid: s.sid, customerId: c.id }
  }
  /** A PPPoE session online, its counter read once as the starting point. */
  const online = async (login: string) => {
    sim.state.setOnline([{ name: login }])
    await collectUsage(deps, f.companyId)
  }
  /** Traffic through budi's session, collected 15 minutes later. */
  const use = async (login: string, bytes: number) => {
    sim.state.addSessionTraffic(login, bytes / 10, bytes - bytes / 10)
    f.clock.advanceMinutes(15)
    await collectUsage(deps, f.companyId)
  }
  const check = () => checkFup(deps, f.actor)
  const applyQueue = () => runDeviceQueue(deps, { ignoreBackoff: true })
  const secret = (name: string) => sim.state.find('/ppp/secret', { name })[0]!
  const profile = (name: string) => sim.state.find('/ppp/profile', { name })[0]
  const kicks = () => sim.commands.filter((c) => c.command === '/ppp/active/remove').length
  const messages = (kind: string) =>
    f.db.selectFrom('messages').select(['customer_id', 'body']).where('kind', '=', kind).execute()
  const pendingJobs = () =>
    f.db
      .selectFrom('device_jobs')
      .select(['kind', 'service_id'])
      .where('status', '=', 'pending')
      .execute()
  const fupRows = () =>
    f.db
      .selectFrom('usage_fup')
      .select(['service_id', 'period', 'warned_at', 'throttled_at', 'restored_at'])
      .orderBy('period')
      .execute()
  return {
    ...f,
    deps,
    sim,
    router,
    pppoe,
    fixed,
    service,
    online,
    use,
    check,
    applyQueue,
    secret,
    profile,
    kicks,
    messages,
    pendingJobs,
    fupRows,
  }
}

describe('FUP against the RouterOS simulator', () => {
  it('warns once at 80 % of the quota, and changes nothing on the router', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    await f.online('budi')
    await f.use('budi', 7 * GB)
    expect((await f.check()).warned).toBe(0)

    await f.use('budi', 1.5 * GB)
    const first = await f.check()
    await f.use('budi', 0.5 * GB)
    const second = await f.check()

    expect([first.warned, second.warned]).toEqual([1, 0])
    const sent = await f.messages('quota_warning')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toContain('Kuota Anda sudah terpakai 80%: 8,5 GB dari 10 GB')
    expect(sent[0]!.body).toContain('2 Mbps sampai 01 Desember 2026')
    expect(await f.pendingJobs()).toEqual([])
    expect(f.secret('budi').profile).toBe(f.pppoe.routerProfile)
    expect(await f.fupRows()).toMatchObject([
      { service_id: budi.id, period: '2026-11', throttled_at: null },
    ])
  })

  it('at 100 % sends one message, moves the secret to the FUP profile and kicks the session — once', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    await f.online('budi')
    await f.use('budi', 10.2 * GB) // past 80 % and 100 % in one collection

    const r = await f.check()
    expect(r).toMatchObject({ period: '2026-11', warned: 0, throttled: 1, jobs: 1 })
    // Nothing reaches the router but through the queue.
    expect(f.secret('budi').profile).toBe(f.pppoe.routerProfile)
    await f.applyQueue()

    const fupProfile = `${f.pppoe.routerProfile}-fup`
    expect(f.secret('budi').profile).toBe(fupProfile)
    expect(f.profile(fupProfile)?.['rate-limit']).toBe('1M/2M')
    expect(f.kicks()).toBe(1)
    expect(await f.messages('quota_warning')).toEqual([])
    const [full] = await f.messages('quota_exhausted')
    expect(full!.body).toContain('kecepatan menjadi 2 Mbps sampai 01 Desember 2026')
    // The customer page's badge: "FUP aktif sampai 01/12/2026".
    const page = await getCustomer(f.deps, f.companyId, budi.customerId, '2026-11-22')
    expect(page.services[0]!.fupUntil).toBe('2026-12-01')

    // The next collections and checks of the same period: no second message, job or kick.
    f.sim.state.setOnline([{ name: 'budi' }])
    await f.use('budi', 1 * GB)
    const again = await f.check()
    expect(again).toMatchObject({ warned: 0, throttled: 0, restored: 0, jobs: 0 })
    expect(await f.pendingJobs()).toEqual([])
    expect(await f.messages('quota_exhausted')).toHaveLength(1)
    await f.applyQueue()
    expect(f.kicks()).toBe(1)
    expect(f.secret('budi').profile).toBe(fupProfile)

    // Loket keeps its FUP profile equal to the package, like the package profile.
    await updateProduct(
      f.deps,
      f.actor,
      { ...f.pppoe, fupUploadMbps: 0.512, priceReason: null },
      TZ,
    )
    await f.applyQueue()
    expect(f.profile(fupProfile)?.['rate-limit']).toMatch(/^(512k|512000)\/(2M|2000000)$/)
    expect(f.secret('budi').profile).toBe(fupProfile)
  })

  it('runs in the usage-collect job and goes back to the package profile at the next period', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    await f.online('budi')
    f.sim.state.addSessionTraffic('budi', 1 * GB, 10 * GB)
    const ctx = {
      companyId: f.companyId,
      asOf: '2026-11-22',
      timeZone: TZ,
      actor: f.actor,
      runId: null,
      trigger: 'cli' as const,
    }
    const run = await runUsageCollect(f.deps, ctx)
    expect(run.counts).toMatchObject({ fup_throttled: 1, fup_restored: 0 })
    await f.applyQueue()
    expect(f.secret('budi').profile).toBe(`${f.pppoe.routerProfile}-fup`)

    // 1 December 00:04 in Jakarta: the first collection of the new period.
    f.clock.set('2026-11-30T17:04:00Z')
    f.sim.state.setOnline([{ name: 'budi' }])
    const next = await runUsageCollect(f.deps, { ...ctx, asOf: '2026-12-01' })
    expect(next.counts).toMatchObject({ fup_throttled: 0, fup_restored: 1 })
    await f.applyQueue()
    expect(f.secret('budi').profile).toBe(f.pppoe.routerProfile)
    expect(f.kicks()).toBe(2)
    const page = await getCustomer(f.deps, f.companyId, budi.customerId, '2026-12-01')
    expect(page.services[0]!.fupUntil).toBeNull()
    expect(await f.fupRows()).toMatchObject([
      { service_id: budi.id, period: '2026-11', restored_at: '2026-11-30T17:04:00.000Z' },
    ])
    // Restored once: later checks leave it alone.
    expect((await f.check()).restored).toBe(0)
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'usage.%')
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'usage.fup_throttle', entity_id: String(budi.id) },
      { action: 'usage.fup_restore', entity_id: String(budi.id) },
    ])
  })

  it('an isolated throttled service stays isolated, and a restore in the same period returns it to FUP', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    await f.online('budi')
    await f.use('budi', 11 * GB)
    await f.check()
    await f.applyQueue()
    const fupProfile = `${f.pppoe.routerProfile}-fup`
    expect(f.secret('budi').profile).toBe(fupProfile)

    const isolir = (action: 'isolir' | 'restore') =>
      applyIsolir(
        f.deps,
        f.actor,
        { action, serviceIds: [budi.id], reason: 'Tunggakan November' },
        TZ,
      )
    await isolir('isolir')
    await f.applyQueue()
    expect(f.secret('budi').profile).toBe('ISOLIR')
    // A later FUP check does not pull it out of isolir.
    expect((await f.check()).jobs).toBe(0)
    await f.applyQueue()
    expect(f.secret('budi').profile).toBe('ISOLIR')

    await isolir('restore')
    await f.applyQueue()
    expect(f.secret('budi').profile).toBe(fupProfile)
  })

  it('a static IP past its quota gets the FUP speed on its simple queue, and its package speed back', async () => {
    const f = await fixture()
    const kantor = await f.service('CV Maju', { staticIp: '10.20.0.5' })
    const queue = () => f.sim.state.find('/queue/simple', { name: `loket-${kantor.sid}` })[0]!
    expect(queue()['max-limit']).toMatch(/^(20M|20000000)\/(20M|20000000)$/)
    await collectUsage(f.deps, f.companyId)
    f.sim.state.addQueueTraffic(`loket-${kantor.sid}`, 1 * GB, 9.5 * GB)
    await collectUsage(f.deps, f.companyId)

    expect((await f.check()).throttled).toBe(1)
    await f.applyQueue()
    expect(queue()['max-limit']).toMatch(/^(1M|1000000)\/(2M|2000000)$/)

    // The package's FUP speed changes while it is throttled: the package job keeps it on FUP,
    // at the new FUP speed (it does not put the package speed back by mistake).
    await updateProduct(f.deps, f.actor, { ...f.fixed, fupDownloadMbps: 3, priceReason: null }, TZ)
    await f.applyQueue()
    expect(queue()['max-limit']).toMatch(/^(1M|1000000)\/(3M|3000000)$/)

    f.clock.set('2026-11-30T17:04:00Z')
    expect((await f.check()).restored).toBe(1)
    await f.applyQueue()
    expect(queue()['max-limit']).toMatch(/^(20M|20000000)\/(20M|20000000)$/)
  })
})
