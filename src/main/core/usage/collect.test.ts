import { afterEach, describe, expect, it } from 'vitest'
import { startRouterSim } from '../../../../test/sim/routeros/index'
import { createProduct } from '../catalog'
import { addService, createCustomer } from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { createRouter, RouterPool } from '../network'
import { simRouterInput } from '../network/testing'
import { testSecrets } from '../testing'
import { collectUsage, counterDelta, runUsageCollect } from './index'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const MB = 1_000_000

/** A company with one router on the simulator (2026-11-22 10:00 in Jakarta). */
async function fixture() {
  const f = await catalogFixture()
  const sim = await startRouterSim({ port: 0 })
  const routers = new RouterPool({ timeoutMs: 3000, backoff: { minMs: 50, maxMs: 200 } })
  cleanups.push(
    () => sim.close(),
    () => routers.closeAll(),
  )
  const deps = { ...f.deps, secrets: testSecrets(), routers }
  const router = await createRouter(deps, f.actor, simRouterInput(sim.port))
  const staticPackage = await createProduct(
    deps,
    f.actor,
    {
      name: 'Kantor 20 Mbps',
      serviceType: 'static_ip',
      monthlyPrice: 500_000,
      billingMode: 'prepaid',
      downloadMbps: 20,
      uploadMbps: 20,
      routerProfile: null,
      dataCapGb: null,
      fupNote: null,
      taxable: false,
    },
    f.tz,
  )
  const service = async (name: string, network: { pppoeUsername?: string; staticIp?: string }) => {
    const c = await createCustomer(deps, f.actor, customerInput(f.cbg.id, name))
    const productId = network.staticIp ? staticPackage.id : f.p10.id
    const s = await addService(
      deps,
      f.actor,
      { ...serviceInput(c.id, productId), ...network, routerId: router.id },
      f.tz,
    )
    return { serviceId: s.id, sid: s.sid }
  }
  const daily = () =>
    f.deps.db
      .selectFrom('usage_daily')
      .select(['service_id', 'day', 'upload_bytes', 'download_bytes'])
      .orderBy('service_id')
      .orderBy('day')
      .execute()
  const printsOf = (command: string) => sim.commands.filter((c) => c.command === command).length
  return { ...f, deps, sim, router, service, daily, printsOf }
}

describe('counter deltas', () => {
  const at = (key: string, up: number, down: number) => ({
    key,
    uploadBytes: up,
    downloadBytes: down,
  })

  it('counts what the same counter grew by', () => {
    expect(counterDelta(at('*9', 100, 1000), at('*9', 150, 1800))).toEqual({
      uploadBytes: 50,
      downloadBytes: 800,
    })
  })

  it('counts a new session (another interface) from 0', () => {
    expect(counterDelta(at('*9', 100, 1000), at('*C', 30, 400))).toEqual({
      uploadBytes: 30,
      downloadBytes: 400,
    })
  })

  it('counts a counter that went back (reset, reboot) from 0', () => {
    expect(counterDelta(at('*9', 100, 1000), at('*9', 120, 5))).toEqual({
      uploadBytes: 120,
      downloadBytes: 5,
    })
  })

  it('takes the first reading of a service as the starting point only', () => {
    expect(counterDelta(undefined, at('*9', 100, 1000))).toEqual({
      uploadBytes: 0,
      downloadBytes: 0,
    })
  })
})

describe('usage collection against the RouterOS simulator', () => {
  it('adds each PPPoE session’s bytes to its service’s day, customer side (rx is upload)', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    const siti = await f.service('Siti Rahmawati', { pppoeUsername: 'siti' })
    f.sim.state.setOnline([{ name: 'budi' }, { name: 'siti' }])
    f.sim.state.addSessionTraffic('budi', 5 * MB, 50 * MB)
    await collectUsage(f.deps, f.companyId)

    f.sim.state.addSessionTraffic('budi', 2 * MB, 30 * MB)
    f.sim.state.addSessionTraffic('siti', 1 * MB, 4 * MB)
    f.clock.advanceMinutes(15)
    const r = await collectUsage(f.deps, f.companyId)

    expect(r.problems).toEqual([])
    expect(r.routers[0]).toMatchObject({ read: 2, offline: 0, day: '2026-11-22' })
    expect(await f.daily()).toEqual([
      {
        service_id: budi.serviceId,
        day: '2026-11-22',
        upload_bytes: 2 * MB,
        download_bytes: 30 * MB,
      },
      {
        service_id: siti.serviceId,
        day: '2026-11-22',
        upload_bytes: 1 * MB,
        download_bytes: 4 * MB,
      },
    ])
  })

  it('reads the whole router in one interface print, however many customers are online', async () => {
    const f = await fixture()
    const logins = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']
    for (const login of logins) await f.service(`Pelanggan ${login}`, { pppoeUsername: login })
    f.sim.state.setOnline(logins.map((name) => ({ name })))

    await collectUsage(f.deps, f.companyId)

    expect(f.printsOf('/interface/print')).toBe(1)
    expect(f.printsOf('/queue/simple/print')).toBe(0)
  })

  it('keeps the bytes of a new session after the old one ended between two reads', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    f.sim.state.setOnline([{ name: 'budi' }])
    f.sim.state.addSessionTraffic('budi', 10 * MB, 100 * MB)
    await collectUsage(f.deps, f.companyId)
    f.sim.state.addSessionTraffic('budi', 1 * MB, 10 * MB)
    await collectUsage(f.deps, f.companyId)

    // The modem rebooted: the session ended and a new one came up, its counters from 0, and it
    // moved less than the old one had when it was last read.
    f.sim.state.setOnline([])
    f.sim.state.setOnline([{ name: 'budi' }])
    f.sim.state.addSessionTraffic('budi', 3 * MB, 20 * MB)
    await collectUsage(f.deps, f.companyId)

    expect(await f.daily()).toEqual([
      {
        service_id: budi.serviceId,
        day: '2026-11-22',
        upload_bytes: 1 * MB + 3 * MB,
        download_bytes: 10 * MB + 20 * MB,
      },
    ])
  })

  it('puts bytes on the day (company time zone) they were read', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    f.sim.state.setOnline([{ name: 'budi' }])
    f.clock.set('2026-11-22T16:50:00Z') // 23:50 in Jakarta
    await collectUsage(f.deps, f.companyId)
    f.sim.state.addSessionTraffic('budi', 1 * MB, 2 * MB)
    f.clock.set('2026-11-22T17:05:00Z') // 00:05 the next day
    await collectUsage(f.deps, f.companyId)

    expect(await f.daily()).toEqual([
      {
        service_id: budi.serviceId,
        day: '2026-11-23',
        upload_bytes: 1 * MB,
        download_bytes: 2 * MB,
      },
    ])
  })

  it('reads a static service on its simple queue (bytes=upload/download), counting a reset from 0', async () => {
    const f = await fixture()
    const kantor = await f.service('CV Maju', { staticIp: '10.20.0.5' })
    const queue = `loket-${kantor.sid}`
    f.sim.state.add('/queue/simple', { name: queue, target: '10.20.0.5/32' })
    f.sim.state.addQueueTraffic(queue, 4 * MB, 40 * MB)
    await collectUsage(f.deps, f.companyId)
    f.sim.state.addQueueTraffic(queue, 1 * MB, 9 * MB)
    await collectUsage(f.deps, f.companyId)
    f.sim.state.set('/queue/simple', queue, { bytes: '0/0' })
    f.sim.state.addQueueTraffic(queue, 2 * MB, 3 * MB)
    await collectUsage(f.deps, f.companyId)

    expect(f.printsOf('/queue/simple/print')).toBe(3)
    expect(f.printsOf('/interface/print')).toBe(0)
    expect(await f.daily()).toEqual([
      {
        service_id: kantor.serviceId,
        day: '2026-11-22',
        upload_bytes: 3 * MB,
        download_bytes: 12 * MB,
      },
    ])
  })

  it('counts an offline service as offline and a router that does not answer as a problem', async () => {
    const f = await fixture()
    await f.service('Budi Santoso', { pppoeUsername: 'budi' })
    await f.service('Siti Rahmawati', { pppoeUsername: 'siti' })
    f.sim.state.setOnline([{ name: 'budi' }])

    const r = await collectUsage(f.deps, f.companyId)
    expect(r.routers[0]).toMatchObject({ read: 1, offline: 1 })

    await f.sim.close()
    const ctx = {
      companyId: f.companyId,
      asOf: '2026-11-22',
      timeZone: f.tz,
      actor: f.actor,
      runId: null,
      trigger: 'cli' as const,
    }
    await expect(runUsageCollect(f.deps, ctx)).rejects.toThrow(/POP Utama/)
  })
})
