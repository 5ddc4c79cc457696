import { afterEach, describe, expect, it } from 'vitest'
import { type RouterSim, startRouterSim } from '../../../../../test/sim/routeros/index'
import { companyFixture, testSecrets } from '../../testing'
import type { NetworkDeps } from '../deps'
import { createRouter, loadRouter, routerApi } from '../routers'
import { RouterPool } from '../routeros'
import { runDeviceQueue } from '../worker'
import {
  batchDetail,
  batchLiveStatus,
  createBatch,
  disableVouchers,
  hotspotJobHandlers,
  listBatches,
  pushBatchNow,
  saveProfile,
  sellVouchers,
} from '.'
import { sealStoredVouchers } from '../../secrets'
import { simRouterInput } from '../testing'

const sims: RouterSim[] = []
const pools: RouterPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.closeAll()))
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

/** A company, a router pointing at a fresh simulator over TCP, and a 1-day profile at Rp 5.000. */
async function setup() {
  const sim = await startRouterSim({ port: 0 })
  sims.push(sim)
  const f = await companyFixture()
  const routers = new RouterPool({ timeoutMs: 3000 })
  pools.push(routers)
  const deps: NetworkDeps = { db: f.db, clock: f.clock, secrets: testSecrets(), routers }
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: '127.0.0.1',
    userAgent: 'vitest',
  }
  const router = await createRouter(deps, actor, simRouterInput(sim.port, 'RB Pusat'))
  const profileInput = {
    routerId: router.id,
    name: '1hari',
    rateLimit: '2M/2M',
    validity: '1d',
    sharedUsers: 1,
    price: 5000,
    dnsName: null,
    active: true,
    quotaAmount: null,
    quotaUnit: 'GB' as const,
  }
  const profile = await saveProfile(deps, actor, profileInput)
  const run = () => runDeviceQueue(deps, { handlers: hotspotJobHandlers })
  const batch = (count: number) =>
    createBatch(deps, actor, {
      profileId: profile.id,
      count,
      prefix: 'HS',
      length: 6,
      charset: 'numeric',
      mode: 'voucher',
      note: null,
    })
  return { sim, f, deps, actor, router, profile, profileInput, run, batch }
}

describe('hotspot vouchers on the router', () => {
  it('a batch waits for the router, then push adds each voucher with profile, limit-uptime and comment', async () => {
    const s = await setup()
    const { id } = await s.batch(10)
    expect((await listBatches(s.f.db, s.f.companyId))[0]).toMatchObject({ push: 'menunggu' })
    expect(s.sim.state.table('/ip/hotspot/user')).toHaveLength(0)

    const report = await s.run()
    expect(report.jobs.filter((j) => !j.ok)).toEqual([])
    const users = s.sim.state.table('/ip/hotspot/user')
    const { vouchers } = await batchDetail(s.deps, s.f.companyId, id, { codes: true })
    expect(users.map((u) => u.name).sort()).toEqual(vouchers.map((v) => v.username).sort())
    expect(users[0]).toMatchObject({
      profile: '1hari',
      'limit-uptime': '1d',
      comment: `loket voucher batch ${id}`,
    })
    expect(users[0]!.password).toBe(users[0]!.name)
    expect(s.sim.state.find('/ip/hotspot/user/profile', { name: '1hari' })[0]).toMatchObject({
      'rate-limit': '2M/2M',
      'shared-users': '1',
    })
    expect((await listBatches(s.f.db, s.f.companyId))[0]).toMatchObject({ push: 'terkirim' })
  })

  it('pushing the batch again adds nothing', async () => {
    const s = await setup()
    const { id } = await s.batch(10)
    await s.run()
    const router = await loadRouter(s.f.db, s.f.companyId, s.router.id)
    const job = await hotspotJobHandlers['hotspot.push']!({
      deps: s.deps,
      api: routerApi(s.deps, router),
      router,
      job: await s.f.db
        .selectFrom('device_jobs')
        .selectAll()
        .where('kind', '=', 'hotspot.push')
        .where('target', '=', String(id))
        .executeTakeFirstOrThrow(),
      service: undefined,
    })
    expect(job).toEqual({ profile: 'unchanged', added: 0, skipped: 10 })
    expect(s.sim.state.table('/ip/hotspot/user')).toHaveLength(10)
  })

  it('codes of a new batch never repeat a name the router already has in Loket', async () => {
    const s = await setup()
    await s.batch(300)
    await s.batch(300)
    await s.run()
    const names = s.sim.state.table('/ip/hotspot/user').map((u) => u.name)
    expect(names).toHaveLength(600)
    expect(new Set(names).size).toBe(600)
  })

  it('disable sets disabled=yes and kicks the online session; live status follows', async () => {
    const s = await setup()
    const { id } = await s.batch(4)
    await s.run()
    const { vouchers } = await batchDetail(s.deps, s.f.companyId, id, { codes: true })
    const [a, b, c] = vouchers
    s.sim.state.setOnline([{ name: a!.username!, service: 'hotspot' }])
    const userB = s.sim.state.find('/ip/hotspot/user', { name: b!.username! })[0]!
    userB.uptime = '3h'
    userB['bytes-out'] = '1048576'
    s.sim.state.find('/ip/hotspot/user', { name: c!.username! })[0]!.uptime = '1d'

    const before = await batchLiveStatus(s.deps, s.f.companyId, id, { codes: true })
    expect(before.vouchers.map((v) => v.state)).toEqual([
      'aktif',
      'terpakai',
      'kadaluarsa',
      'belum_dipakai',
    ])
    expect(before.vouchers[1]).toMatchObject({ uptimeSeconds: 10_800, bytesOut: 1_048_576 })

    expect(await disableVouchers(s.deps, s.actor, { batchId: id, voucherIds: [a!.id] })).toEqual({
      disabled: 1,
    })
    const report = await s.run()
    expect(report.jobs.find((j) => j.kind === 'hotspot.disable')?.ok).toBe(true)
    expect(s.sim.state.find('/ip/hotspot/user', { name: a!.username! })[0]!.disabled).toBe('true')
    expect(s.sim.kicked).toContain(a!.username)
    expect(s.sim.state.table('/ip/hotspot/active')).toHaveLength(0)
    const after = await batchLiveStatus(s.deps, s.f.companyId, id, { codes: true })
    expect(after.vouchers[0]!.state).toBe('nonaktif')

    // The rest of the batch later: the job carries both disables, the first stays disabled.
    expect(await disableVouchers(s.deps, s.actor, { batchId: id })).toEqual({ disabled: 3 })
    await s.run()
    expect(s.sim.state.table('/ip/hotspot/user').every((u) => u.disabled === 'true')).toBe(true)
  })

  it('an unreachable router gives a clear error for the live status', async () => {
    const s = await setup()
    const { id } = await s.batch(2)
    await s.sim.down()
    await expect(batchLiveStatus(s.deps, s.f.companyId, id, { codes: true })).rejects.toMatchObject(
      {
        code: expect.stringMatching(/^ROUTER_/),
      },
    )
  })

  it('selling 3 vouchers at Rp 5.000 records Rp 15.000 and marks the first three sold', async () => {
    const s = await setup()
    const { id } = await s.batch(5)
    const sale = await sellVouchers(
      s.deps,
      s.actor,
      { batchId: id, count: 3, note: null },
      'Asia/Jakarta',
    )
    expect(sale).toMatchObject({ count: 3, amount: 15_000, date: '2026-11-22' })
    const detail = await batchDetail(s.deps, s.f.companyId, id, { codes: true })
    expect(detail.vouchers.map((v) => v.sold)).toEqual([true, true, true, false, false])
    expect(detail.batch.sold).toBe(3)
    expect(detail.sales[0]).toMatchObject({ amount: 15_000, cashier: 'Pemilik' })
    await expect(
      sellVouchers(s.deps, s.actor, { batchId: id, count: 3, note: null }, 'Asia/Jakarta'),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('send now: a push that failed (router refused it) is tried again and lands', async () => {
    const s = await setup()
    const { id } = await s.batch(3)
    s.sim.knobs.trapNext('/ip/hotspot/user/profile', 'not enough permissions (9)')
    s.sim.knobs.trapNext('/ip/hotspot/user/profile', 'not enough permissions (9)')
    await s.run()
    expect((await listBatches(s.f.db, s.f.companyId))[0]).toMatchObject({
      push: 'gagal',
      pushError: expect.stringContaining('not enough permissions'),
    })
    expect(await pushBatchNow(s.deps, s.actor, id)).toMatchObject({ failed: 0 })
    expect((await listBatches(s.f.db, s.f.companyId))[0]).toMatchObject({ push: 'terkirim' })
    expect(s.sim.state.table('/ip/hotspot/user')).toHaveLength(3)
  })
})

describe('voucher data quota (limit-bytes-total) and usage', () => {
  const GB = 1024 ** 3

  /** The 1-day profile given a quota; a batch made before keeps none. */
  async function withQuota(
    s: Awaited<ReturnType<typeof setup>>,
    amount: number,
    unit: 'MB' | 'GB',
  ) {
    return saveProfile(s.deps, s.actor, {
      ...s.profileInput,
      id: s.profile.id,
      quotaAmount: amount,
      quotaUnit: unit,
    })
  }

  it('vouchers of a 5 GB profile go to the router with limit-bytes-total; older vouchers stay as made', async () => {
    const s = await setup()
    const before = await s.batch(2)
    expect(await withQuota(s, 5, 'GB')).toMatchObject({ quotaBytes: 5 * GB })
    const after = await s.batch(3)
    expect(await s.run()).toMatchObject({ failed: 0 })

    const users = s.sim.state.table('/ip/hotspot/user')
    const ofBatch = (id: number) => users.filter((u) => u.comment === `loket voucher batch ${id}`)
    expect(ofBatch(after.id).map((u) => u['limit-bytes-total'])).toEqual([
      String(5 * GB),
      String(5 * GB),
      String(5 * GB),
    ])
    expect(ofBatch(before.id).map((u) => u['limit-bytes-total'])).toEqual([undefined, undefined])
    // The quota is the user's: the router's user profile carries none.
    expect(s.sim.state.find('/ip/hotspot/user/profile', { name: '1hari' })[0]).not.toHaveProperty(
      'limit-bytes-total',
    )
    const batches = await listBatches(s.f.db, s.f.companyId)
    expect(batches.map((b) => [b.id, b.quotaBytes])).toEqual([
      [after.id, 5 * GB],
      [before.id, null],
    ])

    // A later edit of the profile changes new batches only.
    await withQuota(s, 500, 'MB')
    expect(
      (await batchDetail(s.deps, s.f.companyId, after.id, { codes: false })).batch.quotaBytes,
    ).toBe(5 * GB)
  })

  it('the batch usage is read with one /ip/hotspot/user print, bytes in and out against the quota', async () => {
    const s = await setup()
    await withQuota(s, 1, 'GB')
    const { id } = await s.batch(20)
    await s.run()
    const { vouchers } = await batchDetail(s.deps, s.f.companyId, id, { codes: true })
    const [a, b] = vouchers
    s.sim.state.setOnline([{ name: a!.username!, service: 'hotspot' }])
    s.sim.state.addHotspotTraffic(a!.username!, 50 * 1024 ** 2, 300 * 1024 ** 2)
    s.sim.state.find('/ip/hotspot/user', { name: b!.username! })[0]!.uptime = '2h'
    s.sim.state.addHotspotTraffic(b!.username!, 100 * 1024 ** 2, 2 * GB)
    s.sim.commands.length = 0

    const live = await batchLiveStatus(s.deps, s.f.companyId, id, { codes: true })
    expect(s.sim.commands.filter((c) => c.command === '/ip/hotspot/user/print')).toHaveLength(1)
    expect(s.sim.commands.map((c) => c.command).sort()).toEqual([
      '/ip/hotspot/active/print',
      '/ip/hotspot/user/print',
    ])
    expect(live.vouchers[0]).toMatchObject({
      state: 'aktif',
      bytesIn: 50 * 1024 ** 2,
      bytesOut: 300 * 1024 ** 2,
      quotaBytes: GB,
    })
    // The router let the second one use its 1 GB and no more: used up.
    expect(live.vouchers[1]).toMatchObject({ state: 'kadaluarsa', quotaBytes: GB })
    expect(live.vouchers[1]!.bytesIn + live.vouchers[1]!.bytesOut).toBe(GB)
    expect(live.vouchers[2]).toMatchObject({ state: 'belum_dipakai', bytesIn: 0, quotaBytes: GB })
  })

  it('a router that does not answer: the usage read fails clearly, the batch page data still loads', async () => {
    const s = await setup()
    await withQuota(s, 2, 'GB')
    const { id } = await s.batch(2)
    await s.run()
    await s.sim.down()
    await expect(batchLiveStatus(s.deps, s.f.companyId, id, { codes: true })).rejects.toMatchObject(
      {
        code: expect.stringMatching(/^ROUTER_(REFUSED|UNREACHABLE|TIMEOUT|DISCONNECTED)$/),
      },
    )
    const detail = await batchDetail(s.deps, s.f.companyId, id, { codes: true })
    expect(detail.batch).toMatchObject({ quotaBytes: 2 * GB, push: 'terkirim' })
    expect(detail.vouchers).toHaveLength(2)
  })
})

describe('voucher codes at rest', () => {
  it('codes an older version kept in clear are sealed and keyed on start, once; pages and router still get them', async () => {
    const s = await setup()
    const { id } = await s.batch(3)
    const codes = (await batchDetail(s.deps, s.f.companyId, id, { codes: true })).vouchers
    // As an older version stored them: the code in clear, no lookup key.
    for (const v of codes)
      await s.f.db
        .updateTable('hotspot_vouchers')
        .set({ username: v.username!, password: v.password!, username_key: null })
        .where('id', '=', v.id)
        .execute()
    expect(await sealStoredVouchers(s.f.db, s.deps.secrets)).toBe(3)
    expect(await sealStoredVouchers(s.f.db, s.deps.secrets)).toBe(0)
    const rows = await s.f.db.selectFrom('hotspot_vouchers').selectAll().orderBy('id').execute()
    expect(rows.map((r) => r.username_key)).toEqual(
      codes.map((c) => s.deps.secrets.lookupKey(c.username!)),
    )
    for (const r of rows) expect(`${r.username} ${r.password}`).not.toMatch(/HS\d{6}/)
    expect((await batchDetail(s.deps, s.f.companyId, id, { codes: true })).vouchers).toEqual(codes)
    await s.run()
    expect(s.sim.state.table('/ip/hotspot/user').map((u) => u.name)).toEqual(
      codes.map((c) => c.username),
    )
  })
})
