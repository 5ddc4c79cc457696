import { afterEach, describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import { createCustomer } from '../../customers'
import { customerInput, serviceInput } from '../../customers/testing'
import { commitRouterImport, previewRouterImport } from './index'
import { startRouterSim, type RouterSim } from '../../../../../test/sim/routeros/index'
import { routerFixture } from './testing'
import { openLogin } from '../../secrets'

let f: Awaited<ReturnType<typeof routerFixture<RouterSim>>>
afterEach(async () => {
  await f?.close()
})

const TZ = 'Asia/Jakarta'
const services = () =>
  f.db
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select([
      's.pppoe_username',
      's.pppoe_password',
      's.status',
      's.router_id',
      's.static_ip',
      's.activation_date',
      'c.code',
      'c.name',
      'p.name as product',
    ])
    .orderBy('s.pppoe_username')
    .execute()
    // Stored sealed; read the way the customer page and the router do.
    .then((rows) =>
      rows.map((r) => ({ ...r, pppoe_password: openLogin(f.deps.secrets, r.pppoe_password) })),
    )

describe('import from a router', () => {
  it('creates customers, services and the packages of unknown profiles; a second import adds nothing', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    f.secret({ name: 'budi', profile: '10M', comment: 'CBG01-0007', 'remote-address': '10.9.0.7' })
    f.secret({ name: 'siti', profile: '50M', comment: 'Siti Aminah' })
    f.secret({ name: 'joko', profile: '20M', disabled: 'true' })
    f.secret({ name: 'wati', profile: 'ISOLIR', comment: 'Wati 20M' })
    f.secret({ name: 'rudi', profile: 'ISOLIR' })
    f.sim.state.add('/ip/hotspot/user/profile', { name: 'bulanan', 'rate-limit': '2M/3M' })
    f.sim.state.add('/ip/hotspot/user', { name: 'kos-a1', password: 'x', profile: 'bulanan' })
    f.sim.state.add('/ip/hotspot/user', { name: 'ab12cd', comment: 'vc-123-01.02.26' })
    f.sim.state.add('/ip/hotspot/user', { name: 'jam1', 'limit-uptime': '1h' })

    const preview = await previewRouterImport(f.deps, f.companyId, f.router.id, {
      areaId: f.cbg.id,
    })
    expect(preview.counts).toEqual({
      existing: 0,
      link: 0,
      newService: 0,
      new: 5,
      conflict: 0,
      skipped: 3,
    })
    expect(preview.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['rudi', 'isolir_unknown_package'],
      ['ab12cd', 'voucher'],
      ['jam1', 'voucher'],
    ])
    expect(preview.products).toEqual([
      { name: '50M', kind: 'pppoe', profile: '50M', downloadMbps: 50, uploadMbps: 25 },
      { name: 'bulanan', kind: 'hotspot', profile: 'bulanan', downloadMbps: 3, uploadMbps: 2 },
    ])
    expect(await services()).toEqual([])

    const result = await commitRouterImport(f.deps, f.actor, f.router.id, { areaId: f.cbg.id }, TZ)
    expect(result).toMatchObject({ customers: 5, services: 5, linked: 0 })
    const rows = await services()
    expect(rows.map((r) => [r.pppoe_username, r.status, r.product, r.router_id])).toEqual([
      ['budi', 'aktif', 'Rumah 10 Mbps', f.router.id],
      ['joko', 'putus', 'Rumah 20 Mbps', f.router.id],
      ['kos-a1', 'aktif', 'bulanan', f.router.id],
      ['siti', 'aktif', '50M', f.router.id],
      ['wati', 'isolir', 'Rumah 20 Mbps', f.router.id],
    ])
    const budi = rows.find((r) => r.pppoe_username === 'budi')!
    // The comment in the area's code form is the customer's code; the router's password is kept.
    expect(budi).toMatchObject({
      code: 'CBG01-0007',
      name: 'budi',
      pppoe_password: 'rahasia',
      static_ip: '10.9.0.7',
      activation_date: '2026-11-22',
    })
    expect(rows.find((r) => r.pppoe_username === 'siti')!.name).toBe('Siti Aminah')
    const newProduct = await f.db
      .selectFrom('products')
      .selectAll()
      .where('name', '=', '50M')
      .executeTakeFirstOrThrow()
    expect(newProduct).toMatchObject({
      monthly_price: 0,
      router_profile: '50M',
      download_kbps: 50_000,
    })
    const audit = await f.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'network.import')
      .execute()
    expect(audit).toHaveLength(1)

    const again = await commitRouterImport(f.deps, f.actor, f.router.id, { areaId: f.cbg.id }, TZ)
    expect(again.counts).toMatchObject({ existing: 5, new: 0, link: 0, newService: 0 })
    expect(await services()).toHaveLength(5)
    expect(
      await f.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'network.import')
        .execute(),
    ).toHaveLength(1)
  })

  it('links a secret to the customer its comment names, and to a service that has its login', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    const ani = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, 'Ani'))
    const dodi = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, 'Dodi'))
    const { insertService } = await import('../../customers')
    const { writeTx } = await import('../../db')
    await writeTx(f.db, async (tx) => {
      await insertService(
        tx,
        f.deps,
        f.actor,
        serviceInput(ani.id, f.p10.id),
        calendarDate('2026-11-22'),
      )
      await insertService(
        tx,
        f.deps,
        f.actor,
        { ...serviceInput(dodi.id, f.p20.id), pppoeUsername: 'dodi-rumah' },
        calendarDate('2026-11-22'),
      )
    })
    // The services were made before the router's import: they have no router yet.
    await f.db.updateTable('services').set({ router_id: null }).execute()
    f.secret({ name: 'ani-lama', profile: '10M', comment: ani.code, password: 'pw-ani' })
    f.secret({ name: 'dodi-rumah', profile: '20M', comment: 'whatever' })
    f.secret({ name: 'ani-kantor', profile: '20M', comment: 'Ani' })

    const result = await commitRouterImport(f.deps, f.actor, f.router.id, {}, TZ)
    expect(result.counts).toEqual({
      existing: 0,
      link: 2,
      newService: 1,
      new: 0,
      conflict: 0,
      skipped: 0,
    })
    const rows = await services()
    expect(rows.map((r) => [r.pppoe_username, r.name, r.pppoe_password, r.router_id])).toEqual([
      ['ani-kantor', 'Ani', 'rahasia', f.router.id],
      ['ani-lama', 'Ani', 'pw-ani', f.router.id],
      ['dodi-rumah', 'Dodi', 'rahasia', f.router.id],
    ])
    const again = await previewRouterImport(f.deps, f.companyId, f.router.id, {})
    expect(again.counts).toMatchObject({ existing: 3, link: 0, new: 0 })
  })

  it('refuses new customers without an area, and an isolated secret waits for its package', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    f.secret({ name: 'rudi', profile: 'ISOLIR' })
    f.secret({ name: 'budi', profile: '10M' })
    const preview = await previewRouterImport(f.deps, f.companyId, f.router.id, {})
    expect(preview).toMatchObject({ needsArea: true, needsIsolirProduct: true })
    const error = await commitRouterImport(f.deps, f.actor, f.router.id, {}, TZ).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('VALIDATION')
    const result = await commitRouterImport(
      f.deps,
      f.actor,
      f.router.id,
      { areaId: f.bjg.id, isolirProductId: f.p20.id },
      TZ,
    )
    expect(result.skipped).toEqual([])
    expect((await services()).map((r) => [r.pppoe_username, r.status, r.product])).toEqual([
      ['budi', 'aktif', 'Rumah 10 Mbps'],
      ['rudi', 'isolir', 'Rumah 20 Mbps'],
    ])
  })

  it('imports 5,000 secrets in one go, quickly', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    for (let i = 1; i <= 5000; i++)
      f.secret({ name: `pel${i}`, profile: i % 2 ? '10M' : '20M', comment: `CBG01-${i}` })
    const started = Date.now()
    const result = await commitRouterImport(f.deps, f.actor, f.router.id, { areaId: f.cbg.id }, TZ)
    expect(result.customers).toBe(5000)
    expect(Date.now() - started).toBeLessThan(15_000)
    const onRouter = await f.db
      .selectFrom('services')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('router_id', '=', f.router.id)
      .executeTakeFirstOrThrow()
    expect(Number(onRouter.n)).toBe(5000)
  })

  it('an unreachable router is an error the operator can act on', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    await f.sim.down()
    const error = await previewRouterImport(f.deps, f.companyId, f.router.id, {}).catch(
      (e: unknown) => e,
    )
    expect((error as AppError).code).toMatch(/^ROUTER_/)
  })
})
