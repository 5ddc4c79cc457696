import { afterEach, describe, expect, it } from 'vitest'
import { type RouterSim, startRouterSim } from '../../../../../test/sim/routeros/index'
import { RouterPool, type RouterTarget, probeRouter } from './index'

const IDENTITY = '/system/identity/print'
const sims: RouterSim[] = []
const pools: RouterPool[] = []

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.closeAll()))
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function sim(options: Parameters<typeof startRouterSim>[0] = {}): Promise<RouterSim> {
  const s = await startRouterSim(options)
  sims.push(s)
  return s
}

function target(s: { port: number }, over: Partial<RouterTarget> = {}): RouterTarget {
  return {
    host: '127.0.0.1',
    port: s.port,
    tls: false,
    username: 'admin',
    password: 'admin',
    ...over,
  }
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('RouterPool', () => {
  it('gives one persistent connection per key', async () => {
    const s = await sim({ latencyMs: 2 })
    const pool = new RouterPool({ timeoutMs: 3000 })
    pools.push(pool)
    const a = pool.get('router-1', target(s))
    const b = pool.get('router-1', target(s))
    expect(b).toBe(a)
    const rows = await Promise.all(
      Array.from({ length: 30 }, () => pool.get('router-1', target(s)).run(IDENTITY)),
    )
    expect(rows.every((r) => r[0]?.name === 'MikroTik')).toBe(true)
    expect(s.acceptedCount()).toBe(1)
    expect(s.connectionCount()).toBe(1)
  })

  it('replaces (and closes) the connection when the target changes', async () => {
    const s = await sim({
      users: [
        { name: 'admin', password: 'admin' },
        { name: 'api', password: 'x' },
      ],
    })
    const pool = new RouterPool()
    pools.push(pool)
    const first = pool.get('r', target(s))
    await first.run(IDENTITY)
    const second = pool.get('r', target(s, { username: 'api', password: 'x' }))
    expect(second).not.toBe(first)
    expect(first.status).toBe('closed')
    await second.run(IDENTITY)
    await until(() => s.connectionCount() === 1)
    expect(s.acceptedCount()).toBe(2)
    expect(pool.get('r', target(s, { username: 'api', password: 'x' }))).toBe(second)
  })

  it('keeps routers apart and closes them all', async () => {
    const s1 = await sim()
    const s2 = await sim({ identity: 'POP-Cibubur' })
    const pool = new RouterPool()
    const c1 = pool.get('a', target(s1))
    const c2 = pool.get('b', target(s2))
    expect(await c1.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(await c2.run(IDENTITY)).toEqual([{ name: 'POP-Cibubur' }])
    await pool.close('a')
    expect(c1.status).toBe('closed')
    expect(pool.get('a', target(s1))).not.toBe(c1)
    await pool.closeAll()
    expect(c2.status).toBe('closed')
    await until(() => s1.connectionCount() === 0 && s2.connectionCount() === 0)
  })
})

describe('probeRouter', () => {
  it('returns identity, version, board and uptime, and closes its connection', async () => {
    const s = await sim({ identity: 'CORE-01' })
    const probe = await probeRouter(target(s), { timeoutMs: 3000 })
    expect(probe).toEqual({
      identity: 'CORE-01',
      version: '7.18.2 (stable)',
      board: 'RB4011iGS+',
      uptimeSeconds: expect.any(Number),
      cpuLoad: expect.any(Number),
      freeMemory: expect.any(Number),
      totalMemory: 1073741824,
    })
    // The simulator boots with 2d3h15m42s of uptime.
    expect(probe.uptimeSeconds).toBeGreaterThanOrEqual(2 * 86400 + 3 * 3600 + 15 * 60 + 42)
    expect(probe.freeMemory).toBeGreaterThan(0)
    expect(s.acceptedCount()).toBe(1)
    await until(() => s.connectionCount() === 0)
  })

  it('probes over TLS and reports failures with their kind', async () => {
    const s = await sim({ tls: true })
    expect((await probeRouter(target(s, { tls: true }))).identity).toBe('MikroTik')
    await expect(probeRouter(target(s, { tls: true, password: 'nope' }))).rejects.toMatchObject({
      kind: 'auth',
    })
    await until(() => s.connectionCount() === 0)
  })
})
