import { afterEach, describe, expect, it } from 'vitest'
import { commitRouterImport } from '../router-import'
import { startRouterSim, type RouterSim } from '../../../../../test/sim/routeros/index'
import { routerFixture } from '../router-import/testing'
import { runDeviceQueue } from '../worker'
import { fixDifference, reconcileRouter } from './index'

let f: Awaited<ReturnType<typeof routerFixture<RouterSim>>>
afterEach(async () => {
  await f?.close()
})
const TZ = 'Asia/Jakarta'

/** A router imported into Loket: budi 10M, siti 20M, wati isolated on 20M, all in agreement. */
async function imported() {
  f = await routerFixture(await startRouterSim({ port: 0 }))
  f.secret({ name: 'budi', profile: '10M' })
  f.secret({ name: 'siti', profile: '20M' })
  f.secret({ name: 'wati', profile: 'ISOLIR', comment: 'Wati 20M' })
  await commitRouterImport(f.deps, f.actor, f.router.id, { areaId: f.cbg.id }, TZ)
  await runDeviceQueue(f.deps, { ignoreBackoff: true })
}
const secret = (name: string) => f.sim.state.find('/ppp/secret', { name })[0]!
const report = () => reconcileRouter(f.deps, f.companyId, f.router.id)
const fix = (key: string, direction: 'to_router' | 'to_loket') =>
  fixDifference(f.deps, f.actor, { routerId: f.router.id, key, direction }, TZ)

describe('reconciliation', () => {
  it('an imported router has no difference', async () => {
    await imported()
    const r = await report()
    expect(r.differences).toEqual([])
    expect(r).toMatchObject({ services: 3, secrets: 3, waiting: [] })
  })

  it('a changed profile: "Terapkan ke router" puts it back through the queue', async () => {
    await imported()
    secret('budi').profile = '20M'
    const r = await report()
    expect(r.differences.map((d) => [d.kind, d.login, d.loket, d.router])).toEqual([
      ['profile_differs', 'budi', '10M', '20M'],
    ])
    expect(r.differences[0]!.toLoket).toMatchObject({
      action: 'product',
      productName: 'Rumah 20 Mbps',
    })
    await fix(r.differences[0]!.key, 'to_router')
    // Queued, not yet applied: waiting for the router rather than a difference.
    const waiting = await report()
    expect(waiting.differences).toEqual([])
    expect(waiting.waiting.map((w) => w.login)).toEqual(['budi'])
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect(secret('budi').profile).toBe('10M')
    expect((await report()).differences).toEqual([])
    const audit = await f.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'network.reconcile')
      .execute()
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      kind: 'profile_differs',
      direction: 'to_router',
    })
  })

  it('a changed profile: "Ikuti router" switches the package to the one with that profile', async () => {
    await imported()
    secret('budi').profile = '20M'
    const [d] = (await report()).differences
    await fix(d!.key, 'to_loket')
    const s = await f.db
      .selectFrom('services')
      .select('product_id')
      .where('pppoe_username', '=', 'budi')
      .executeTakeFirstOrThrow()
    expect(s.product_id).toBe(f.p20.id)
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect((await report()).differences).toEqual([])
  })

  it('isolated on one side only, disabled on one side, missing and orphan secrets', async () => {
    await imported()
    secret('siti').profile = 'ISOLIR'
    secret('wati').profile = '20M'
    secret('budi').disabled = 'true'
    f.secret({ name: 'tamu', profile: '10M', comment: 'Pak Tamu' })
    f.secret({ name: 'lama', profile: '10M', disabled: 'true' })
    const r = await report()
    expect(r.differences.map((d) => [d.kind, d.login, d.toLoket])).toEqual([
      ['disabled_differs', 'budi', { action: 'status', status: 'putus' }],
      ['isolir_mismatch', 'siti', { action: 'status', status: 'isolir' }],
      ['isolir_mismatch', 'wati', { action: 'status', status: 'aktif' }],
      ['orphan_secret', 'tamu', { action: 'import' }],
    ])
    expect(r.disabledOrphans).toBe(1)
    expect(r.counts).toMatchObject({ isolir_mismatch: 2, orphan_secret: 1, disabled_differs: 1 })

    await fix('isolir_mismatch:' + r.differences[1]!.serviceId, 'to_loket')
    await fix('isolir_mismatch:' + r.differences[2]!.serviceId, 'to_router')
    await fix('orphan_secret:tamu', 'to_loket')
    await fixDifference(
      f.deps,
      f.actor,
      { routerId: f.router.id, key: r.differences[0]!.key, direction: 'to_router' },
      TZ,
    )
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect((await report()).differences).toEqual([])
    const statuses = await f.db
      .selectFrom('services as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select(['s.pppoe_username', 's.status', 'c.name'])
      .orderBy('s.pppoe_username')
      .execute()
    expect(statuses.map((s) => [s.pppoe_username, s.status])).toEqual([
      ['budi', 'aktif'],
      ['siti', 'isolir'],
      ['tamu', 'aktif'],
      ['wati', 'isolir'],
    ])
    expect(secret('wati').profile).toBe('ISOLIR')
    expect(secret('budi').disabled).toBe('false')
  })

  it('a secret missing on the router is created again; an orphan is disabled, never deleted', async () => {
    await imported()
    const api = f.deps.routers.get(String(f.router.id), {
      host: '127.0.0.1',
      port: f.sim.port,
      tls: false,
      username: 'admin',
      password: 'admin',
    })
    await api.run('/ppp/secret/remove', { '.id': secret('siti')['.id'] })
    f.secret({ name: 'asing', profile: '10M' })
    const r = await report()
    expect(r.differences.map((d) => [d.kind, d.login])).toEqual([
      ['missing_on_router', 'siti'],
      ['orphan_secret', 'asing'],
    ])
    for (const d of r.differences) await fix(d.key, 'to_router')
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect(secret('siti').profile).toBe('20M')
    expect(secret('asing').disabled).toBe('true')
    const after = await report()
    expect(after.differences).toEqual([])
    expect(after.disabledOrphans).toBe(1)
  })
})
