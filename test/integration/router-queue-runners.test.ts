import { afterEach, describe, expect, it } from 'vitest'
import { applyIsolir, RouterPool, runDeviceQueue, type NetworkDeps } from '@core/network'
import { networkFixture } from '../helpers/network-fixture'

let f: Awaited<ReturnType<typeof networkFixture>>
const others: RouterPool[] = []
afterEach(async () => {
  for (const p of others.splice(0)) await p.closeAll()
  await f?.close()
})

/** `n` customers online on the router, then all of them isolated in Loket (jobs queued). */
async function isolatedOnline(n: number) {
  f = await networkFixture()
  const customers = []
  for (let i = 0; i < n; i++) customers.push(await f.customer(`Pelanggan ${i + 1}`))
  await f.drain()
  f.sim.state.setOnline(customers.map((c) => ({ name: c.login })))
  await applyIsolir(
    f.deps,
    f.actor,
    { action: 'isolir', serviceIds: customers.map((c) => c.serviceId), reason: 'tunggakan' },
    f.tz,
  )
  return { customers, before: f.sim.commands.length }
}

const sentSince = (before: number, command: string) =>
  f.sim.commands.slice(before).filter((c) => c.command === command)
const rowsNamed = (before: number, command: string) =>
  sentSince(before, command).reduce((n, c) => n + c.attrs['.id']!.split(',').length, 0)

describe('one runner per router at a time', () => {
  it('"Terapkan sekarang" pressed while the worker runs joins it: every job applied once', async () => {
    const { customers, before } = await isolatedOnline(60)
    // A router 50 ms away, and the button pressed once the worker is talking to it: on a fast
    // database the worker was otherwise done before the button had read the queue (nothing left).
    f.sim.knobs.latencyMs = 50
    const worker = runDeviceQueue(f.deps, { wait: false })
    await expect.poll(() => f.sim.commands.length, { interval: 5 }).toBeGreaterThan(before)
    const button = runDeviceQueue(f.deps, { ignoreBackoff: true, freshConnections: true })
    const [w, b] = await Promise.all([worker, button])
    expect(w).toMatchObject({ applied: 60, failed: 0 })
    // The button reports what the run it joined applied, and found nothing left to do itself.
    expect(b).toMatchObject({ applied: 60, failed: 0, retrying: 0 })
    expect(rowsNamed(before, '/ppp/secret/set')).toBe(60)
    expect(f.sim.kicked).toHaveLength(customers.length)
  })

  it('a second process (the CLI) waits for the lease and then finds nothing left to apply', async () => {
    const { customers, before } = await isolatedOnline(60)
    const cli = new RouterPool({ timeoutMs: 3000 })
    others.push(cli)
    const cliDeps: NetworkDeps = { ...f.deps, routers: cli }
    const [host, other] = await Promise.all([
      runDeviceQueue(f.deps, { ignoreBackoff: true }),
      runDeviceQueue(cliDeps, { ignoreBackoff: true }),
    ])
    expect(host.applied + other.applied).toBe(60)
    expect(host.failed + other.failed).toBe(0)
    expect(rowsNamed(before, '/ppp/secret/set')).toBe(60)
    expect(f.sim.kicked).toHaveLength(customers.length)
  })

  it('the background worker leaves a router another process holds for its next tick', async () => {
    await isolatedOnline(3)
    const cli = new RouterPool({ timeoutMs: 3000 })
    others.push(cli)
    const cliDeps: NetworkDeps = { ...f.deps, routers: cli }
    // Slow the router so the CLI's run is still going when the worker looks.
    f.sim.knobs.latencyMs = 100
    const cliRun = runDeviceQueue(cliDeps, { ignoreBackoff: true })
    await new Promise((r) => setTimeout(r, 30))
    expect(await runDeviceQueue(f.deps, { ignoreBackoff: true, wait: false })).toMatchObject({
      applied: 0,
      jobs: [],
    })
    expect(await cliRun).toMatchObject({ applied: 3, failed: 0 })
  })
})

describe('a kick finds what it finds', () => {
  it('a session that ended before its kick is not an error: the job is done', async () => {
    const { customers } = await isolatedOnline(60)
    // One session is gone by the time of the kick: RouterOS refuses the list naming it...
    f.sim.knobs.trapNext('/ppp/active/remove', 'no such item')
    // ...and, removed one by one, that one is not there to remove.
    f.sim.knobs.trapNext('/ppp/active/remove', 'no such item')
    expect(await f.drain()).toMatchObject({ applied: 60, failed: 0, retrying: 0 })
    expect(f.sim.kicked).toHaveLength(customers.length - 1)
    expect(customers.every((c) => f.secret(c.login)!.profile === 'ISOLIR')).toBe(true)
  })

  it('only what differs is written: services already as Loket wants them cost no command', async () => {
    const { customers, before } = await isolatedOnline(60)
    // A technician already isolated ten of them by hand on the router.
    for (const c of customers.slice(0, 10))
      f.sim.state.set('/ppp/secret', c.login, { profile: 'ISOLIR' })
    expect(await f.drain()).toMatchObject({ applied: 60, failed: 0 })
    expect(rowsNamed(before, '/ppp/secret/set')).toBe(50)
    expect(sentSince(before, '/ppp/secret/set')).toHaveLength(1)
    expect(f.sim.kicked).toHaveLength(50)
  })

  it('a secret deleted on the router meanwhile: the others are isolated, it is created again', async () => {
    const { customers } = await isolatedOnline(60)
    const gone = customers[7]!
    // Removed after Loket read the secrets (the set naming it is refused whole)...
    f.sim.knobs.trapNext('/ppp/secret/set', 'no such item')
    f.sim.state.remove('/ppp/secret', gone.login)
    expect(await f.drain()).toMatchObject({ applied: 60, failed: 0 })
    // ...so every service is applied on its own: the missing one is provisioned, isolated.
    expect(customers.every((c) => f.secret(c.login)!.profile === 'ISOLIR')).toBe(true)
  })
})
