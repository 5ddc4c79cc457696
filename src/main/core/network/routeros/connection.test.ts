import { execFile } from 'node:child_process'
import net, { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type RouterSim,
  type RouterSimOptions,
  startRouterSim,
} from '../../../../../test/sim/routeros/index'
import { type ConnectionOptions, RouterConnection, RouterError, type RouterTarget } from './index'

// Any uncaught exception or unhandled rejection (node-routeros's UNKNOWNREPLY, UNREGISTEREDTAG,
// SOCKTMOUT 'error' without listener) fails the vitest run, so every test here also checks that
// the process survives.

const REPO = fileURLToPath(new URL('../../../../../', import.meta.url))
const IDENTITY = '/system/identity/print'

const sims: RouterSim[] = []
const connections: RouterConnection[] = []

afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(connections.splice(0).map((c) => c.close()))
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function sim(options: RouterSimOptions = {}): Promise<RouterSim> {
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

function connect(t: RouterTarget, options: ConnectionOptions = {}): RouterConnection {
  const c = new RouterConnection(t, { timeoutMs: 3000, ...options })
  connections.push(c)
  return c
}

async function rejection(promise: Promise<unknown>): Promise<RouterError> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  )
  if (!(outcome instanceof RouterError)) throw outcome
  return outcome
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as net.AddressInfo
  await new Promise((r) => server.close(r))
  return port
}

describe('login', () => {
  it('logs in (≥ 6.43) and runs commands', async () => {
    const s = await sim()
    const c = connect(target(s))
    expect(c.status).toBe('idle')
    await c.connect()
    expect(c.status).toBe('ready')
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(
      await c.run('/ppp/secret/add', { name: 'budi', password: 'x', profile: 'default' }),
    ).toEqual([{ ret: expect.stringMatching(/^\*/) }])
    expect(
      await c.run(
        '/ppp/secret/print',
        {},
        { where: { name: 'budi' }, proplist: ['.id', 'name', 'profile'] },
      ),
    ).toEqual([{ '.id': expect.any(String), name: 'budi', profile: 'default' }])
    expect(s.commands.at(-1)).toEqual({
      command: '/ppp/secret/print',
      attrs: { '.proplist': '.id,name,profile' },
      queries: ['?name=budi'],
    })
  })

  it('logs in with the legacy challenge login', async () => {
    const s = await sim({
      legacyLogin: true,
      version: '6.40.9',
      users: [{ name: 'api', password: 'rahasia' }],
    })
    const c = connect(target(s, { username: 'api', password: 'rahasia' }))
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(await c.run('/ppp/secret/print', {}, { where: { name: 'nobody' } })).toEqual([])
    const wrong = connect(target(s, { username: 'api', password: 'salah' }))
    expect((await rejection(wrong.connect())).kind).toBe('auth')
  })

  it("rejects a wrong password with 'auth'", async () => {
    const s = await sim()
    const c = connect(target(s, { password: 'wrong' }))
    const error = await rejection(c.run(IDENTITY))
    expect(error.kind).toBe('auth')
    expect(error.message).toContain('invalid user name or password')
    expect(c.lastError).toBe(error)
    expect(c.status).toBe('backoff')
  })

  it("maps a refused port to 'refused' with a message", async () => {
    const port = await freePort()
    const c = connect(target({ port }))
    const error = await rejection(c.connect())
    expect(error.kind).toBe('refused')
    expect(error.message).toContain(`127.0.0.1:${port}`)
  })

  it("gives 'timeout' when the router accepts but never answers", async () => {
    const s = await sim()
    s.knobs.silent = true
    const c = connect(target(s), { timeoutMs: 300 })
    const started = Date.now()
    const error = await rejection(c.run(IDENTITY))
    expect(error.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('connects over TLS (api-ssl, self-signed certificate)', async () => {
    const s = await sim({ tls: true })
    const c = connect(target(s, { tls: true }))
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
  })

  it("reports a TLS mismatch either way as 'tls'", async () => {
    const plain = await sim()
    const tlsToPlain = await rejection(
      connect(target(plain, { tls: true }), { timeoutMs: 1000 }).connect(),
    )
    expect(tlsToPlain.kind).toBe('tls')
    const secure = await sim({ tls: true })
    const plainToTls = await rejection(connect(target(secure), { timeoutMs: 1000 }).connect())
    expect(plainToTls.kind).toBe('tls')
    expect(plainToTls.message).toContain('TLS')
  })
})

describe('node-routeros defects', () => {
  it('crashes a bare node-routeros process on !empty (what the wrapper prevents)', async () => {
    const s = await sim()
    const script = `
      const { RouterOSAPI } = require('node-routeros')
      const api = new RouterOSAPI({ host: '127.0.0.1', port: ${s.port}, user: 'admin', password: 'admin' })
      api.connect().then(() => api.write('/ppp/secret/print', ['?name=nobody']))
        .then((rows) => { console.log('resolved', JSON.stringify(rows)); process.exit(0) })`
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['-e', script],
        { cwd: REPO, timeout: 10_000 },
        (_e, _o, stderr) => resolve({ code: child.exitCode, stderr }),
      )
    })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('!empty')
  })

  it('resolves [] on !empty and keeps the connection (defect 1)', async () => {
    const s = await sim({ version: '7.18.2 (stable)' })
    expect(s.knobs.emptyReplies).toBe(true)
    const c = connect(target(s))
    expect(await c.run('/ppp/secret/print', {}, { where: { name: 'nobody' } })).toEqual([])
    expect(
      await c.run('/ip/firewall/address-list/print', {}, { where: { list: 'isolir' } }),
    ).toEqual([])
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(s.acceptedCount()).toBe(1)
  })

  it("keeps an idle connection past node-routeros's socket timeout with keepalives (defect 2)", async () => {
    const s = await sim()
    // node-routeros would kill (SOCKTMOUT) an idle socket after ~timeoutMs + 1 s here.
    const c = connect(target(s), { timeoutMs: 300, keepaliveMs: 100 })
    await c.connect()
    await sleep(1800)
    expect(c.status).toBe('ready')
    expect(s.commands.filter((x) => x.command === IDENTITY).length).toBeGreaterThanOrEqual(3)
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(s.acceptedCount()).toBe(1)
  })

  it('survives idling without keepalive traffic too (no SOCKTMOUT)', async () => {
    const s = await sim()
    const c = connect(target(s), { timeoutMs: 200, keepaliveMs: 60_000 })
    await c.connect()
    await sleep(1600)
    expect(c.status).toBe('ready')
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(s.acceptedCount()).toBe(1)
  })

  it('notices a router that stops answering through the keepalive, then reconnects', async () => {
    const s = await sim()
    const c = connect(target(s), { timeoutMs: 200, keepaliveMs: 100 })
    await c.connect()
    s.knobs.silent = true
    await until(() => c.status !== 'ready')
    expect(c.lastError?.kind).toBe('disconnected')
    expect(c.lastError?.message).toContain('stopped answering')
    s.knobs.silent = false
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(s.acceptedCount()).toBe(2)
  })

  it('declares a connection dead when commands keep going out but nothing comes back', async () => {
    const s = await sim()
    const c = connect(target(s), { timeoutMs: 200, keepaliveMs: 150 })
    await c.connect()
    s.knobs.silent = true
    for (let i = 0; i < 20 && c.status === 'ready'; i++) {
      const { kind } = await rejection(c.run(IDENTITY, {}, { timeoutMs: 100 }))
      expect(['timeout', 'disconnected']).toContain(kind)
    }
    expect(c.status).not.toBe('ready')
    expect(c.lastError?.kind).toBe('disconnected')
  })

  it('sets TCP_NODELAY and writes each sentence with one socket.write (defect 4)', async () => {
    const s = await sim()
    const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay')
    const c = connect(target(s))
    await c.connect()
    expect(noDelay.mock.contexts.some((sock) => (sock as Socket).remotePort === s.port)).toBe(true)
    expect(noDelay.mock.calls.some(([on]) => on === true || on === undefined)).toBe(true)
    const write = vi.spyOn(Socket.prototype, 'write')
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        c.run(
          '/ppp/secret/print',
          {},
          { where: { name: `u${i}` }, proplist: ['.id', 'name', 'profile'] },
        ),
      ),
    )
    const ours = write.mock.calls.filter(
      (_, i) => (write.mock.contexts[i] as Socket).remotePort === s.port,
    )
    expect(ours).toHaveLength(50)
    for (const [chunk] of ours) {
      const bytes = chunk as Buffer
      expect(bytes.at(-1)).toBe(0)
      expect(bytes.toString('latin1')).toContain('/ppp/secret/print')
      expect(bytes.toString('latin1')).toContain('.tag=')
    }
  })

  it("turns !trap into RouterError 'trap' with message and category (defect 5)", async () => {
    const s = await sim()
    const c = connect(target(s))
    s.knobs.trapNext('/ppp/secret/add', 'failure: secret with the same name already exists', 2)
    const trap = await rejection(c.run('/ppp/secret/add', { name: 'budi', password: 'x' }))
    expect(trap).toBeInstanceOf(RouterError)
    expect(trap.kind).toBe('trap')
    expect(trap.routerMessage).toBe('failure: secret with the same name already exists')
    expect(trap.category).toBe(2)
    const natural = await rejection(c.run('/ppp/secret/remove', { '.id': '*FFFF' }))
    expect(natural.kind).toBe('trap')
    expect(natural.routerMessage).toBeTruthy()
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
  })

  it('times out a command whose reply comes untagged and keeps the connection usable (defect 6)', async () => {
    const s = await sim()
    const c = connect(target(s), { timeoutMs: 3000 })
    await c.connect()
    s.knobs.untaggedNext()
    const error = await rejection(c.run(IDENTITY, {}, { timeoutMs: 300 }))
    expect(error.kind).toBe('timeout')
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(c.status).toBe('ready')
    expect(s.acceptedCount()).toBe(1)
  })

  it("rejects everything in flight with 'disconnected' on !fatal, then reconnects", async () => {
    const s = await sim({ latencyMs: 30 })
    const c = connect(target(s))
    await c.connect()
    s.knobs.fatalNext('out of memory')
    const results = await Promise.allSettled([c.run(IDENTITY), c.run(IDENTITY), c.run(IDENTITY)])
    const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as RouterError) : null))
    expect(errors[0]?.kind).toBe('disconnected')
    expect(errors[0]?.routerMessage).toBe('out of memory')
    for (const e of errors) expect(e?.kind).toBe('disconnected')
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(s.acceptedCount()).toBe(2)
  })
})

describe('reconnect and backoff', () => {
  it('rejects in-flight commands on a drop, then reconnects after down/up respecting backoff', async () => {
    const s = await sim({ latencyMs: 20 })
    const c = connect(target(s), { backoff: { minMs: 400, maxMs: 5000 } })
    await c.connect()
    s.knobs.dropAfter(3)
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => c.run(IDENTITY)))
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ])
    for (const r of results.slice(3)) {
      expect(r.status).toBe('rejected')
      expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: 'disconnected' })
    }
    expect(c.status).toBe('idle')

    await s.down()
    const refused = await rejection(c.run(IDENTITY))
    expect(refused.kind).toBe('refused')
    expect(c.status).toBe('backoff')
    const accepted = s.acceptedCount()
    await s.up()
    // Still in backoff: rejected at once with the same error, and no connection attempted.
    const again = await rejection(c.run(IDENTITY))
    expect(again).toBe(refused)
    await expect(c.connect()).rejects.toBe(refused)
    expect(s.acceptedCount()).toBe(accepted)

    await until(() => c.status !== 'backoff')
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    expect(s.acceptedCount()).toBe(accepted + 1)
    expect(c.status).toBe('ready')
  })

  it('doubles the backoff up to maxMs and resets it after a successful connect', async () => {
    const s = await sim()
    const c = connect(target(s), { backoff: { minMs: 100, maxMs: 350 } })
    // A frozen clock makes the delays exact; moving it on ends each backoff.
    let now = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => now)
    await s.down()
    for (const delay of [100, 200, 350, 350]) {
      expect(c.status).not.toBe('backoff')
      expect((await rejection(c.run(IDENTITY))).kind).toBe('refused')
      expect(c.status).toBe('backoff')
      expect(c.retryAfter - now).toBe(delay)
      now += delay - 1
      expect((await rejection(c.run(IDENTITY))).kind).toBe('refused')
      now += 1
    }
    await s.up()
    expect(await c.run(IDENTITY)).toEqual([{ name: 'MikroTik' }])
    await s.down()
    await until(() => c.status === 'idle')
    expect((await rejection(c.run(IDENTITY))).kind).toBe('refused')
    expect(c.retryAfter - now).toBe(100)
  })

  it('queues commands while connecting and runs them once logged in', async () => {
    const s = await sim({ latencyMs: 5 })
    const c = connect(target(s))
    const rows = await Promise.all(Array.from({ length: 20 }, () => c.run(IDENTITY)))
    expect(rows).toHaveLength(20)
    expect(s.acceptedCount()).toBe(1)
  })

  it('rejects queued and in-flight commands on close, and refuses new ones', async () => {
    const s = await sim({ latencyMs: 200 })
    const c = connect(target(s))
    await c.connect()
    const pending = rejection(c.run(IDENTITY))
    await sleep(20)
    await c.close()
    expect((await pending).kind).toBe('disconnected')
    expect((await rejection(c.run(IDENTITY))).kind).toBe('disconnected')
    expect(c.status).toBe('closed')
    await until(() => s.connectionCount() === 0)
  })
})

describe('concurrency', () => {
  it('never has more than `window` commands in flight; the rest wait FIFO', async () => {
    const s = await sim({ latencyMs: 15 })
    const c = connect(target(s), { window: 4 })
    await c.connect()
    const before = s.commands.length
    let settled = 0
    let maxAtRouter = 0
    let maxInFlight = 0
    const sample = () => {
      maxAtRouter = Math.max(maxAtRouter, s.commands.length - before - settled)
      maxInFlight = Math.max(maxInFlight, c.inFlight)
    }
    const timer = setInterval(sample, 1)
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        c.run('/ppp/secret/print', {}, { where: { name: `u${i}` } }).then(() => {
          sample()
          settled++
          order.push(i)
        }),
      ),
    )
    clearInterval(timer)
    expect(maxAtRouter).toBeLessThanOrEqual(4)
    expect(maxInFlight).toBeLessThanOrEqual(4)
    expect(maxInFlight).toBeGreaterThanOrEqual(2) // it does pipeline
    expect(s.commands.slice(before).map((x) => x.queries[0])).toEqual(
      Array.from({ length: 40 }, (_, i) => `?name=u${i}`),
    )
    expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i))
  })

  it('runs 2,000 pipelined commands over one connection, all answered correctly', async () => {
    const s = await sim()
    const c = connect(target(s), { timeoutMs: 20_000 })
    await c.connect()
    const n = 2000
    const started = performance.now()
    const added = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        c.run('/ppp/secret/add', {
          name: `user${i}`,
          password: `pw${i}`,
          service: 'pppoe',
          profile: 'default',
          comment: `CBG01-${String(i).padStart(4, '0')}`,
        }),
      ),
    )
    const addMs = performance.now() - started
    const ids = added.map((rows) => rows[0]?.ret)
    expect(new Set(ids).size).toBe(n)
    const printStarted = performance.now()
    const printed = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        c.run(
          '/ppp/secret/print',
          {},
          { where: { name: `user${i}` }, proplist: ['.id', 'name', 'password', 'comment'] },
        ),
      ),
    )
    const printMs = performance.now() - printStarted
    printed.forEach((rows, i) =>
      expect(rows).toEqual([
        {
          '.id': ids[i],
          name: `user${i}`,
          password: `pw${i}`,
          comment: `CBG01-${String(i).padStart(4, '0')}`,
        },
      ]),
    )
    expect(s.state.table('/ppp/secret')).toHaveLength(n)
    expect(s.acceptedCount()).toBe(1)
    console.info(
      `2,000 pipelined adds: ${addMs.toFixed(0)} ms; 2,000 prints: ${printMs.toFixed(0)} ms`,
    )
    expect(addMs + printMs).toBeLessThan(60_000) // only catches a hang or per-command stalls
  })
})
