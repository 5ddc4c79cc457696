import { afterEach, describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import { createCustomer, insertService, terminateCustomer } from '../../customers'
import { customerInput, serviceInput } from '../../customers/testing'
import { writeTx } from '../../db'
import { runDeviceQueue } from '../worker'
import { commitRouterImport, previewRouterImport } from './index'
import { startRouterSim, type RouterSim } from '../../../../../test/sim/routeros/index'
import { routerFixture } from './testing'

let f: Awaited<ReturnType<typeof routerFixture<RouterSim>>>
afterEach(async () => {
  await f?.close()
})

const TZ = 'Asia/Jakarta'
const secret = (name: string) => f.sim.state.find('/ppp/secret', { name })[0]!
const service = (login: string) =>
  f.db
    .selectFrom('services as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.status', 's.router_id', 's.customer_id', 'p.name as product'])
    .where('s.pppoe_username', '=', login)
    .executeTakeFirstOrThrow()
const refusal = (work: Promise<unknown>) => work.then(() => null).catch((e: unknown) => e)

/** A customer with one service on package `productId` and login `login`, made before the import. */
async function customerWith(name: string, productId: number, login: string, routerId = null) {
  const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, name))
  await writeTx(f.db, (tx) =>
    insertService(
      tx,
      f.deps,
      f.actor,
      { ...serviceInput(c.id, productId), pppoeUsername: login, routerId },
      calendarDate('2026-11-22'),
    ),
  )
  // Made in Loket before the router was imported: no router yet, nothing queued for it.
  await f.db.updateTable('services').set({ router_id: null }).execute()
  await f.db.deleteFrom('device_jobs').execute()
  return c
}

describe('router import: a package that differs from the router profile', () => {
  it('is flagged on the linked row, and by default Loket keeps its package: the queue changes the router', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    await customerWith('Budi', f.p10.id, 'budi')
    f.secret({ name: 'budi', profile: '20M' })

    const preview = await previewRouterImport(f.deps, f.companyId, f.router.id, {})
    expect(preview.rows[0]).toMatchObject({
      outcome: 'link',
      packageDiff: {
        loketProduct: 'Rumah 10 Mbps',
        loketProfile: '10M',
        routerProduct: 'Rumah 20 Mbps',
        choice: 'loket',
      },
    })
    expect(preview.packages).toEqual({
      differ: 1,
      keepLoket: 1,
      followRouter: 0,
      unfollowable: 0,
    })

    await commitRouterImport(f.deps, f.actor, f.router.id, {}, TZ)
    expect(await service('budi')).toMatchObject({ product: 'Rumah 10 Mbps' })
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect(secret('budi').profile).toBe('10M')
    // In agreement now: nothing to flag on the next read.
    const again = await previewRouterImport(f.deps, f.companyId, f.router.id, {})
    expect(again.packages.differ).toBe(0)
  })

  it('following the router moves the service to the package with that profile, per row or for all', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    await customerWith('Budi', f.p10.id, 'budi')
    await customerWith('Siti', f.p20.id, 'siti')
    await customerWith('Joko', f.p10.id, 'joko')
    f.secret({ name: 'budi', profile: '20M' })
    f.secret({ name: 'siti', profile: '10M' })
    // No package has profile 50M: following the router is impossible for joko, and said so.
    f.secret({ name: 'joko', profile: '50M' })

    const preview = await previewRouterImport(f.deps, f.companyId, f.router.id, {
      packages: 'router',
    })
    expect(preview.rows.find((r) => r.name === 'joko')!.packageDiff).toMatchObject({
      routerProduct: null,
    })
    expect(preview.packages).toMatchObject({ differ: 3, followRouter: 2, unfollowable: 1 })
    const refused = await refusal(
      commitRouterImport(f.deps, f.actor, f.router.id, { packages: 'router' }, TZ),
    )
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({
      code: 'ROUTER_IMPORT_NO_PACKAGE',
      details: { logins: 'joko', profiles: '50M' },
    })
    expect(await service('budi')).toMatchObject({ product: 'Rumah 10 Mbps', router_id: null })

    // For all: follow the router; joko's row: keep Loket's package.
    const done = await commitRouterImport(
      f.deps,
      f.actor,
      f.router.id,
      { packages: 'router', choices: { 'pppoe:joko': 'loket' } },
      TZ,
    )
    expect(done.packages).toMatchObject({ followRouter: 2, keepLoket: 1 })
    expect((await service('budi')).product).toBe('Rumah 20 Mbps')
    expect((await service('siti')).product).toBe('Rumah 10 Mbps')
    expect((await service('joko')).product).toBe('Rumah 10 Mbps')
    const history = await f.db
      .selectFrom('service_history')
      .select(['service_id', 'to_value', 'pending'])
      .where('kind', '=', 'package')
      .execute()
    expect(history).toHaveLength(2)
    expect(history.every((h) => h.pending === 0)).toBe(true)
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect([secret('budi').profile, secret('siti').profile, secret('joko').profile]).toEqual([
      '20M',
      '10M',
      '10M',
    ])
  })
})

describe('router import: an enabled secret of a putus customer', () => {
  async function putusCustomer() {
    const c = await customerWith('Dodi', f.p10.id, 'dodi-lama')
    await terminateCustomer(f.deps, f.actor, { customerId: c.id, reason: 'Pindah rumah' }, TZ)
    return c
  }
  const activeServices = async (customerId: number) =>
    (
      await f.db
        .selectFrom('services')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('status', '=', 'aktif')
        .execute()
    ).length

  it('is a conflict, never silently an active service: the commit waits for a decision', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    const dodi = await putusCustomer()
    f.secret({ name: 'dodi', profile: '10M', comment: dodi.code })

    const preview = await previewRouterImport(f.deps, f.companyId, f.router.id, {})
    expect(preview.counts).toMatchObject({ newService: 0, conflict: 1 })
    expect(preview.rows[0]).toMatchObject({
      outcome: 'conflict',
      status: 'putus',
      customerCode: dodi.code,
      conflict: { heldByService: false, canReactivate: true, choice: null },
    })
    expect(preview.putus).toEqual({ disable: 0, reactivate: 0, undecided: 1 })
    const refused = await refusal(commitRouterImport(f.deps, f.actor, f.router.id, {}, TZ))
    expect(refused).toMatchObject({ code: 'ROUTER_IMPORT_UNDECIDED', details: { count: 1 } })
    expect(await activeServices(dodi.id)).toBe(0)
  })

  it('"disable": the customer stays putus and the queue disables the secret', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    const dodi = await putusCustomer()
    f.secret({ name: 'dodi', profile: '10M', comment: dodi.code })

    const done = await commitRouterImport(f.deps, f.actor, f.router.id, { putus: 'disable' }, TZ)
    expect(done).toMatchObject({ services: 0, putus: { disable: 1 } })
    expect(await activeServices(dodi.id)).toBe(0)
    const customer = await f.db
      .selectFrom('customers')
      .select('status')
      .where('id', '=', dodi.id)
      .executeTakeFirstOrThrow()
    expect(customer.status).toBe('putus')
    await runDeviceQueue(f.deps, { ignoreBackoff: true })
    expect(secret('dodi').disabled).toBe('true')
  })

  it('"reactivate": a new active service on the login; the putus service keeps its record', async () => {
    f = await routerFixture(await startRouterSim({ port: 0 }))
    const dodi = await putusCustomer()
    // The terminated service still holds the login on this router, and it works there.
    await f.db.updateTable('services').set({ router_id: f.router.id }).execute()
    f.secret({ name: 'dodi-lama', profile: '20M' })

    const preview = await previewRouterImport(f.deps, f.companyId, f.router.id, {})
    expect(preview.rows[0]).toMatchObject({
      outcome: 'conflict',
      customerCode: dodi.code,
      conflict: { heldByService: true },
    })
    const done = await commitRouterImport(
      f.deps,
      f.actor,
      f.router.id,
      { choices: { 'pppoe:dodi-lama': 'reactivate' } },
      TZ,
    )
    expect(done).toMatchObject({ services: 1, putus: { reactivate: 1 } })
    const now = await service('dodi-lama')
    expect(now).toMatchObject({ status: 'aktif', product: 'Rumah 20 Mbps', router_id: f.router.id })
    expect(done.activatedServiceIds).toEqual([now.id])
    const all = await f.db
      .selectFrom('services')
      .select(['status', 'pppoe_username'])
      .where('customer_id', '=', dodi.id)
      .orderBy('id')
      .execute()
    expect(all).toEqual([
      { status: 'putus', pppoe_username: null },
      { status: 'aktif', pppoe_username: 'dodi-lama' },
    ])
    const customer = await f.db
      .selectFrom('customers')
      .select('status')
      .where('id', '=', dodi.id)
      .executeTakeFirstOrThrow()
    expect(customer.status).toBe('aktif')
  })
})
