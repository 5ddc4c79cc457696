import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startRouterSim, type RouterSim } from '../../../../test/sim/routeros/index'
import {
  apiCode,
  areaAndPackage,
  companyOwner,
  startTestHost,
  type TestHost,
} from '../../../../test/helpers/http-host'

let host: TestHost
let sims: RouterSim[]
beforeEach(async () => {
  host = await startTestHost()
  sims = []
})
afterEach(async () => {
  for (const sim of sims) await sim.close()
  await host.stop()
})

async function sim(): Promise<RouterSim> {
  const s = await startRouterSim({ port: 0 })
  sims.push(s)
  return s
}

/** The owner, a package, and customer Budi with one PPPoE service per router given. */
async function budiOn(routers: { name: string; port: number }[], extra = 0) {
  const { owner } = await companyOwner(host)
  const { area, product } = await areaAndPackage(owner)
  const budi = await owner.customers.create.mutate({
    areaId: area.id,
    name: 'Budi Santoso',
    phone: '0812-3456-7890',
  })
  const services: { id: number; login: string }[] = []
  for (const [i, r] of routers.entries()) {
    const router = await owner.network.createRouter.mutate({
      name: r.name,
      host: '127.0.0.1',
      port: r.port,
      username: 'admin',
      password: 'admin',
    })
    const login = `budi${i + 1}`
    const s = await owner.customers.addService.mutate({
      customerId: budi.id,
      productId: product.id,
      status: 'aktif',
      pppoeUsername: login,
      pppoePassword: 'rahasia123',
      routerId: router.id,
    })
    services.push({ id: s.id, login })
  }
  for (let i = 0; i < extra; i++) {
    const s = await owner.customers.addService.mutate({
      customerId: budi.id,
      productId: product.id,
      status: 'aktif',
    })
    services.push({ id: s.id, login: '' })
  }
  return { owner, budi, services }
}

/** The login's secret on the simulated router with what RouterOS 7 records at a logout. */
function loggedOut(s: RouterSim, login: string, at: string, reason: string) {
  const patch = {
    'last-logged-out': at,
    'last-disconnect-reason': reason,
    'last-caller-id': 'D4:CA:6D:11:22:33',
  }
  if (!s.state.set('/ppp/secret', login, patch))
    s.state.add('/ppp/secret', { name: login, ...patch })
}

describe('monitor.customerSessions: the troubleshooting screen’s PPPoE piece', () => {
  it('an online login shows its address, uptime and caller-id, read from the router now', async () => {
    const core = await sim()
    const { owner, budi, services } = await budiOn([{ name: 'Core Bogor', port: core.port }])
    core.state.setOnline([
      { name: 'budi1', address: '10.10.10.2', callerId: 'AA:BB:CC:00:00:01', uptime: '1d2h3m4s' },
      { name: 'tetangga', address: '10.10.10.3' },
    ])

    const [row] = await owner.monitor.customerSessions.query({ customerId: budi.id })

    expect(row).toMatchObject({
      serviceId: services[0]!.id,
      login: 'budi1',
      routerName: 'Core Bogor',
      state: 'online',
      session: {
        address: '10.10.10.2',
        callerId: 'AA:BB:CC:00:00:01',
        uptime: '1d2h3m4s',
        uptimeSeconds: 86400 + 2 * 3600 + 3 * 60 + 4,
      },
    })
  })

  it('an offline login shows when and why it last disconnected', async () => {
    const core = await sim()
    const { owner, budi } = await budiOn([{ name: 'Core Bogor', port: core.port }])
    core.state.setOnline([{ name: 'tetangga' }])
    loggedOut(core, 'budi1', '2026-11-22 09:41:07', 'peer-not-responding')

    const [row] = await owner.monitor.customerSessions.query({ customerId: budi.id })

    expect(row).toMatchObject({
      state: 'offline',
      session: null,
      lastLoggedOut: '2026-11-22 09:41:07',
      lastDisconnectReason: 'peer-not-responding',
      lastCallerId: 'D4:CA:6D:11:22:33',
      secretFound: true,
    })
  })

  it('a router that never answers is that service’s timeout; the other router still answers', async () => {
    const dead = await sim()
    dead.knobs.silent = true
    const core = await sim()
    const { owner, budi } = await budiOn(
      [
        { name: 'POP Mati', port: dead.port },
        { name: 'Core Bogor', port: core.port },
      ],
      1,
    )
    core.state.setOnline([{ name: 'budi2', address: '10.10.10.7' }])

    const started = performance.now()
    const rows = await owner.monitor.customerSessions.query({ customerId: budi.id })

    // Within the short wait (4 s) and a margin, not the router pool's long one.
    expect(performance.now() - started).toBeLessThan(6000)
    expect(rows.map((r) => [r.routerName, r.state])).toEqual([
      ['POP Mati', 'error'],
      ['Core Bogor', 'online'],
      // The third service has no router: nothing to ask, and said so.
      [null, 'not_configured'],
    ])
    expect(rows[0]).toMatchObject({
      routerName: 'POP Mati',
      error: { code: 'ROUTER_TIMEOUT', details: { host: '127.0.0.1', port: dead.port } },
    })
  })

  it('a router switched off after it was reached says so at once, without the wait', async () => {
    const core = await sim()
    const { owner, budi } = await budiOn([{ name: 'Core Bogor', port: core.port }])
    await core.down()

    const started = performance.now()
    const [row] = await owner.monitor.customerSessions.query({ customerId: budi.id })

    expect(performance.now() - started).toBeLessThan(3000)
    expect(row).toMatchObject({
      state: 'error',
      error: { code: expect.stringMatching(/^ROUTER_(UNREACHABLE|DISCONNECTED|REFUSED)$/) },
    })
  })

  it('another company’s or a missing customer is NOT_FOUND', async () => {
    const { owner } = await companyOwner(host)
    expect(await apiCode(owner.monitor.customerSessions.query({ customerId: 9999 }))).toBe(
      'NOT_FOUND',
    )
  })
})
