import { afterEach, describe, expect, it } from 'vitest'
import { changePackage, changeServiceStatus, terminateCustomer } from '@core/customers'
import { listDeviceJobs } from '@core/device-jobs'
import { applyIsolir, customerServiceIds, previewIsolir } from '@core/network'
import { networkFixture } from '../helpers/network-fixture'

let f: Awaited<ReturnType<typeof networkFixture>>
afterEach(async () => {
  await f?.close()
})

const openJobs = () => listDeviceJobs(f.db, f.companyId, { status: 'open' })

describe('router changes go through the durable queue', () => {
  it('provisions a new PPPoE service: secret with password, profile, comment = customer code', async () => {
    f = await networkFixture()
    const c = await f.customer('Budi Santoso')
    expect(f.secret(c.login)).toBeUndefined()
    expect(await openJobs()).toHaveLength(1)
    const report = await f.drain()
    expect(report).toMatchObject({ applied: 1, failed: 0, retrying: 0 })
    expect(f.secret(c.login)).toMatchObject({
      name: c.login,
      profile: '10M',
      service: 'pppoe',
      comment: c.code,
      disabled: 'false',
    })
    expect(f.secret(c.login)!.password).toMatch(/^[a-z0-9]{8}$/)
    expect(await openJobs()).toHaveLength(0)
    // Applying again changes nothing on the router.
    const before = f.sim.commands.length
    await f.drain()
    expect(f.sim.commands.length).toBe(before)
  })

  it('isolir sets the ISOLIR profile and kicks the session; restore puts the package back and kicks again', async () => {
    f = await networkFixture()
    const c = await f.customer('Siti Aminah')
    await f.drain()
    f.sim.state.setOnline([{ name: c.login, address: '10.10.10.7', callerId: 'AA:BB:CC:00:11:22' }])
    const ids = await customerServiceIds(f.deps, f.companyId, c.code)
    const preview = await previewIsolir(f.deps, f.companyId, 'isolir', ids)
    expect(preview).toMatchObject({ changes: 1, skipped: 0 })
    const done = await applyIsolir(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: ids, reason: 'Tunggakan 2 bulan' },
      f.tz,
    )
    expect(done).toMatchObject({ changed: 1, onRouter: 1 })
    // The database says isolir at once; the router follows when the job runs.
    expect(f.secret(c.login)!.profile).toBe('10M')
    expect((await openJobs())[0]).toMatchObject({ service_status: 'isolir', status: 'pending' })
    await f.drain()
    expect(f.secret(c.login)!.profile).toBe('ISOLIR')
    expect(f.sim.kicked).toEqual([c.login])
    expect(f.sim.state.table('/ppp/active')).toHaveLength(0)

    const again = await applyIsolir(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: ids, reason: 'lagi' },
      f.tz,
    )
    expect(again).toMatchObject({ changed: 0, skipped: 1 })

    f.sim.state.setOnline([{ name: c.login, address: '10.255.255.9' }])
    await applyIsolir(
      f.deps,
      f.actor,
      { action: 'restore', serviceIds: ids, reason: 'Lunas' },
      f.tz,
    )
    await f.drain()
    expect(f.secret(c.login)!.profile).toBe('10M')
    expect(f.sim.kicked).toEqual([c.login, c.login])
  })

  it('a router that is down keeps the job pending with its error, and the job applies when it is back', async () => {
    f = await networkFixture()
    const c = await f.customer('Agus Salim')
    await f.sim.down()
    const first = await f.drain()
    expect(first).toMatchObject({ applied: 0, retrying: 1 })
    const [job] = await openJobs()
    expect(job).toMatchObject({ status: 'pending', attempts: 1 })
    expect(job!.last_error).toMatch(/ditolak|terjangkau|terputus|tidak menjawab/)
    expect(job!.next_attempt_at > f.clock.now().toISOString()).toBe(true)
    const router = await f.db.selectFrom('routers').select('last_error').executeTakeFirstOrThrow()
    expect(router.last_error).not.toBeNull()

    await f.sim.up()
    // Not due yet: the worker waits for the retry time…
    const { runDeviceQueue } = await import('@core/network')
    expect(await runDeviceQueue(f.deps)).toMatchObject({ applied: 0 })
    // …which comes.
    f.clock.advanceMinutes(1)
    await new Promise((r) => setTimeout(r, 250)) // past the pool's reconnect backoff
    expect(await runDeviceQueue(f.deps)).toMatchObject({ applied: 1 })
    expect(f.secret(c.login)).toBeDefined()
    expect(await openJobs()).toHaveLength(0)
  })

  it('"apply now" right after the router is back does not wait for the connection’s backoff', async () => {
    f = await networkFixture()
    // A backoff long enough that only a fresh connection can reach the router within this test.
    const { RouterPool, runDeviceQueue } = await import('@core/network')
    const deps = {
      ...f.deps,
      routers: new RouterPool({ backoff: { minMs: 60_000, maxMs: 60_000 } }),
    }
    const c = await f.customer('Rudi Hartono')
    await f.sim.down()
    expect(await runDeviceQueue(deps, { ignoreBackoff: true })).toMatchObject({ retrying: 1 })
    await f.sim.up()
    expect(await runDeviceQueue(deps, { ignoreBackoff: true })).toMatchObject({ retrying: 1 })
    expect(
      await runDeviceQueue(deps, { ignoreBackoff: true, freshConnections: true }),
    ).toMatchObject({
      applied: 1,
    })
    expect(f.secret(c.login)).toBeDefined()
    await deps.routers.closeAll()
  })

  it('a refusal by the router fails the job at once with the router message (no pointless retries)', async () => {
    f = await networkFixture()
    const c = await f.customer('Rina Wati')
    f.sim.knobs.trapNext('/ppp/secret/add', 'input does not match any value of profile')
    expect(await f.drain()).toMatchObject({ failed: 1 })
    const [job] = await openJobs()
    expect(job).toMatchObject({ status: 'failed', customer_code: c.code })
    expect(job!.last_error).toContain('input does not match any value of profile')
  })

  it('package change sets the new profile and kicks; termination disables the secret, never deletes it', async () => {
    f = await networkFixture()
    const c = await f.customer('Dewi Lestari')
    await f.drain()
    f.sim.state.setOnline([{ name: c.login }])
    await changePackage(
      f.deps,
      f.actor,
      { serviceId: c.serviceId, productId: f.p20.id, reason: 'upgrade' },
      f.tz,
    )
    await f.drain()
    expect(f.secret(c.login)!.profile).toBe('20M')
    expect(f.sim.kicked).toEqual([c.login])

    await terminateCustomer(
      f.deps,
      f.actor,
      { customerId: c.customerId, reason: 'pindah rumah' },
      f.tz,
    )
    await f.drain()
    expect(f.secret(c.login)).toMatchObject({ disabled: 'true', profile: '20M' })
  })

  it('many changes before the router answers leave one job that applies the newest state', async () => {
    f = await networkFixture()
    const c = await f.customer('Joko Widodo')
    await f.drain()
    for (const status of ['isolir', 'aktif', 'isolir'] as const)
      await changeServiceStatus(
        f.deps,
        f.actor,
        { serviceId: c.serviceId, status, reason: 'uji' },
        f.tz,
      )
    expect(await openJobs()).toHaveLength(1)
    await f.drain()
    expect(f.secret(c.login)!.profile).toBe('ISOLIR')
  })

  it('a static-IP service is isolated through the isolir address-list', async () => {
    f = await networkFixture()
    const { createProduct } = await import('@core/catalog')
    const product = await createProduct(
      f.deps,
      f.actor,
      {
        name: 'Dedicated 50',
        serviceType: 'static_ip',
        monthlyPrice: 1_000_000,
        billingMode: 'postpaid',
        downloadMbps: 50,
        uploadMbps: 50,
        routerProfile: null,
        dataCapGb: null,
        fupNote: null,
        taxable: false,
      },
      f.tz,
    )
    const c = await f.customer('PT Maju', { productId: product.id, staticIp: '10.20.0.5' })
    await f.drain()
    expect(f.sim.state.table('/ip/firewall/address-list')).toHaveLength(0)
    await applyIsolir(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: [c.serviceId], reason: 'tunggakan' },
      f.tz,
    )
    await f.drain()
    expect(f.sim.state.table('/ip/firewall/address-list')).toMatchObject([
      { list: 'isolir', address: '10.20.0.5', comment: c.code },
    ])
    await applyIsolir(
      f.deps,
      f.actor,
      { action: 'restore', serviceIds: [c.serviceId], reason: 'lunas' },
      f.tz,
    )
    await f.drain()
    expect(f.sim.state.table('/ip/firewall/address-list')).toHaveLength(0)
  })
})

describe('a big batch reads the router once', () => {
  it('60 isolations: one print of secrets and one of sessions, then one set and one kick naming all 60', async () => {
    f = await networkFixture()
    const customers = []
    for (let i = 0; i < 60; i++) customers.push(await f.customer(`Pelanggan ${i + 1}`))
    await f.drain()
    f.sim.state.setOnline(customers.map((c) => ({ name: c.login })))
    const before = f.sim.commands.length
    await applyIsolir(
      f.deps,
      f.actor,
      { action: 'isolir', serviceIds: customers.map((c) => c.serviceId), reason: 'tunggakan' },
      f.tz,
    )
    expect(await f.drain()).toMatchObject({ applied: 60, failed: 0 })
    const sent = f.sim.commands.slice(before).map((c) => c.command)
    expect(sent.filter((c) => c.endsWith('/print'))).toEqual([
      '/ppp/secret/print',
      '/ppp/active/print',
    ])
    // RouterOS takes a list of ids in one command (`=.id=*1,*2,…`).
    const named = (command: string) =>
      f.sim.commands
        .slice(before)
        .filter((c) => c.command === command)
        .map((c) => c.attrs['.id']!.split(',').length)
    expect(named('/ppp/secret/set')).toEqual([60])
    expect(named('/ppp/active/remove')).toEqual([60])
    expect(f.sim.kicked).toHaveLength(60)
    expect(customers.every((c) => f.secret(c.login)!.profile === 'ISOLIR')).toBe(true)
  })
})
