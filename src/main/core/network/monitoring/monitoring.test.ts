import { afterEach, describe, expect, it } from 'vitest'
import { startRouterSim } from '../../../../../test/sim/routeros/index'
import { addService, createCustomer } from '../../customers'
import { catalogFixture, customerInput, serviceInput } from '../../customers/testing'
import { testSecrets } from '../../testing'
import { RouterPool } from '../routeros'
import { createRouter } from '../routers'
import {
  interfaces,
  kickSession,
  onlineSessions,
  routerHealth,
  trafficSample,
  type RouterHealth,
} from './index'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A company with one router on the simulator and two customers with PPPoE logins on it. */
async function fixture() {
  const f = await catalogFixture()
  const sim = await startRouterSim({ port: 0 })
  const routers = new RouterPool({ timeoutMs: 3000, backoff: { minMs: 50, maxMs: 200 } })
  cleanups.push(
    () => sim.close(),
    () => routers.closeAll(),
  )
  const deps = { ...f.deps, secrets: testSecrets(), routers }
  const routerInput = (name: string, port: number) => ({
    name,
    host: '127.0.0.1',
    port,
    tls: false,
    username: 'admin',
    password: 'admin',
    areaId: null,
    popId: null,
    isolirProfile: 'ISOLIR',
    isolirList: 'isolir',
    notes: null,
    active: true,
  })
  const router = await createRouter(deps, f.actor, routerInput('Core Cibinong', sim.port))
  const customer = async (name: string, login: string) => {
    const c = await createCustomer(deps, f.actor, customerInput(f.cbg.id, name))
    const s = await addService(
      deps,
      f.actor,
      { ...serviceInput(c.id, f.p10.id), pppoeUsername: login, routerId: router.id },
      f.tz,
    )
    return { id: c.id, code: c.code, serviceId: s.id }
  }
  return { ...f, deps, sim, router, routerInput, customer }
}

describe('PPPoE online list', () => {
  it('lists each session with address, caller-id, uptime and the customer of its login', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi Santoso', 'budi')
    await f.customer('Siti Rahmawati', 'siti')
    f.sim.state.setOnline([
      { name: 'budi', address: '10.10.10.2', callerId: 'AA:BB:CC:00:00:01', uptime: '2d3h15m42s' },
      { name: 'tamu', address: '10.10.10.9', callerId: 'AA:BB:CC:00:00:09', uptime: '01:22:53' },
    ])

    const rows = await onlineSessions(f.deps, f.companyId, f.router.id)

    expect(rows).toEqual([
      expect.objectContaining({
        name: 'budi',
        service: 'pppoe',
        address: '10.10.10.2',
        callerId: 'AA:BB:CC:00:00:01',
        uptime: '2d3h15m42s',
        uptimeSeconds: 2 * 86400 + 3 * 3600 + 15 * 60 + 42,
        serviceId: budi.serviceId,
        customerId: budi.id,
        customerCode: budi.code,
        customerName: 'Budi Santoso',
      }),
      // A login the back office does not know is still shown, without a customer.
      expect.objectContaining({
        name: 'tamu',
        uptimeSeconds: 3600 + 22 * 60 + 53,
        customerId: null,
        customerName: null,
      }),
    ])
    expect(rows[0]!.id).toMatch(/^\*[0-9A-F]+$/)
  })

  it('an empty router answers an empty list (RouterOS 7.18 !empty)', async () => {
    const f = await fixture()
    f.sim.state.setOnline([])
    expect(await onlineSessions(f.deps, f.companyId, f.router.id)).toEqual([])
  })

  it('a router that is down is a ROUTER_* error, not a hang', async () => {
    const f = await fixture()
    await f.sim.down()
    await expect(onlineSessions(f.deps, f.companyId, f.router.id)).rejects.toMatchObject({
      code: expect.stringMatching(/^ROUTER_/),
    })
  })
})

describe('kick', () => {
  it('removes the session by id, records sessions.kick on the service', async () => {
    const f = await fixture()
    const budi = await f.customer('Budi Santoso', 'budi')
    f.sim.state.setOnline([{ name: 'budi', address: '10.10.10.2' }, { name: 'siti' }])
    const [session] = await onlineSessions(f.deps, f.companyId, f.router.id)

    const result = await kickSession(f.deps, f.actor, f.router.id, { sessionId: session!.id })

    expect(result).toEqual({ kicked: 1, name: 'budi' })
    expect(f.sim.kicked).toEqual(['budi'])
    expect(f.sim.state.table('/ppp/active').map((r) => r.name)).toEqual(['siti'])
    const audit = await f.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sessions.kick')
      .executeTakeFirstOrThrow()
    expect(audit.entity_type).toBe('service')
    expect(audit.entity_id).toBe(String(budi.serviceId))
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      router: 'Core Cibinong',
      name: 'budi',
      address: '10.10.10.2',
      kicked: 1,
    })
  })

  it('kicks by login name; an unknown login is audited on the router', async () => {
    const f = await fixture()
    f.sim.state.setOnline([{ name: 'tamu' }])
    expect(await kickSession(f.deps, f.actor, f.router.id, { name: 'tamu' })).toEqual({
      kicked: 1,
      name: 'tamu',
    })
    expect(f.sim.kicked).toEqual(['tamu'])
    const audit = await f.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sessions.kick')
      .executeTakeFirstOrThrow()
    expect(audit.entity_type).toBe('router')
    expect(audit.entity_id).toBe(String(f.router.id))
  })

  it('a session that already ended kicks nothing and is not an error', async () => {
    const f = await fixture()
    f.sim.state.setOnline([])
    expect(await kickSession(f.deps, f.actor, f.router.id, { sessionId: '*99' })).toEqual({
      kicked: 0,
      name: null,
    })
    expect(f.sim.kicked).toEqual([])
  })

  it('a router of another company is not found', async () => {
    const f = await fixture()
    await expect(
      kickSession(f.deps, { ...f.actor, companyId: f.companyId + 1 }, f.router.id, { name: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('router health', () => {
  it('reads CPU, memory and uptime; a router that is down is an entry with the reason', async () => {
    const f = await fixture()
    // Nothing listens on the port of a closed simulator.
    const gone = await startRouterSim({ port: 0 })
    const port = gone.port
    await gone.close()
    const dead = await createRouter(f.deps, f.actor, f.routerInput('Gudang', port))

    const all = await routerHealth(f.deps, f.companyId)

    expect(all.map((h) => h.name)).toEqual(['Core Cibinong', 'Gudang'])
    const [up, down] = all as [RouterHealth, RouterHealth]
    expect(up).toMatchObject({
      routerId: f.router.id,
      ok: true,
      totalMemory: 1073741824,
      version: '7.18.2 (stable)',
      board: 'RB4011iGS+',
    })
    if (!up.ok) throw new Error('expected ok')
    expect(up.cpuLoad).toBeGreaterThanOrEqual(0)
    expect(up.cpuLoad).toBeLessThanOrEqual(100)
    expect(up.freeMemory).toBeLessThan(1073741824)
    expect(up.memoryUsedPercent).toBeGreaterThan(0)
    expect(up.uptimeSeconds).toBeGreaterThanOrEqual(2 * 86400 + 3 * 3600 + 15 * 60 + 42)
    expect(down).toMatchObject({
      routerId: dead.id,
      ok: false,
      error: { code: 'ROUTER_REFUSED', message: expect.stringMatching(/[Rr]outer|koneksi/) },
    })
    // Indonesian and without untranslated placeholders.
    if (down.ok) throw new Error('expected an error')
    expect(down.error.message).not.toMatch(/\{\{/)

    expect(await routerHealth(f.deps, f.companyId, f.router.id)).toHaveLength(1)
  })
})

describe('traffic', () => {
  it('lists interfaces and samples an interface in bits per second', async () => {
    const f = await fixture()
    const list = await interfaces(f.deps, f.companyId, f.router.id)
    expect(list.map((i) => i.name)).toContain('ether1')
    expect(list[0]!.running).toBe(true)

    const sample = await trafficSample(f.deps, f.companyId, f.router.id, 'ether1')
    expect(sample.interface).toBe('ether1')
    expect(sample.at).toBe(f.clock.now().toISOString())
    expect(sample.rxBps).toBeGreaterThan(1_000_000)
    expect(sample.txBps).toBeGreaterThan(1_000_000)
  })

  it('an unknown interface is the router refusing the command', async () => {
    const f = await fixture()
    await expect(trafficSample(f.deps, f.companyId, f.router.id, 'ether99')).rejects.toMatchObject({
      code: 'ROUTER_TRAP',
    })
  })
})
