import { rmSync } from 'node:fs'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppRouter } from '@api/index'
import { ManualClock } from '@core/clock'
import { pdfText } from '@core/documents'
import { runDeviceQueue } from '@core/network'
import { hotspotJobHandlers } from '../../src/main/core/network/hotspot'
import { startHost, type RunningHost } from '../../src/main/host'
import { OWNER, apiCode, hotspotBatch } from '../helpers/http-host'
import { type RouterSim, startRouterSim } from '../sim/routeros'
import { makeDataDir } from '../helpers/data-dir'

let host: RunningHost
let dataDir: string
let sim: RouterSim
const clock = new ManualClock('2026-11-22T03:00:00Z')

const client = (token?: string | null) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${host.url}api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  })
let owner: ReturnType<typeof client>

beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
  dataDir = await makeDataDir('loket-hotspot-')
  // The queue is run by hand below, with the hotspot handlers (the host's worker stays off).
  host = await startHost({ dataDir, port: 0, clock, deviceWorker: false, scheduler: false })
  const { token } = await client().setup.complete.mutate({
    company: {
      name: 'Net Jaya',
      address: 'Jl. Raya Bogor 12',
      phone: '0812-3456-7890',
      timeZone: 'Asia/Jakarta',
    },
    admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
  })
  owner = client(token)
})
afterEach(async () => {
  await host.close()
  await sim.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const runQueue = () => runDeviceQueue(host.services, { handlers: hotspotJobHandlers })

const profileAndBatch = (count: number) => hotspotBatch(owner, { port: sim.port, count })

describe('hotspot vouchers over the HTTP API', () => {
  it('generate → queued → pushed → print → disable → sell → revenue', async () => {
    const preview = await owner.hotspot.preview.query({
      prefix: 'NJ',
      length: 6,
      charset: 'upper',
      mode: 'voucher',
    })
    expect(preview).toHaveLength(5)
    expect(preview[0]!.username).toMatch(/^NJ[A-HJ-NP-Z2-9]{6}$/)

    const { batch } = await profileAndBatch(10)
    expect((await owner.hotspot.batches.query())[0]).toMatchObject({
      count: 10,
      push: 'menunggu',
      profileName: '1hari',
      routerName: 'RB Pusat',
      price: 5000,
    })
    expect(sim.state.table('/ip/hotspot/user')).toHaveLength(0) // nothing inline in the request

    await runQueue()
    const detail = await owner.hotspot.batch.query({ id: batch.id })
    expect(detail.batch.push).toBe('terkirim')
    expect(sim.state.table('/ip/hotspot/user').map((u) => u.name)).toEqual(
      detail.vouchers.map((v) => v.username),
    )

    const status = await owner.hotspot.status.query({ batchId: batch.id })
    expect(status.vouchers.every((v) => v.state === 'belum_dipakai')).toBe(true)

    for (const paper of ['a4', '58mm'] as const) {
      const file = await owner.hotspot.printPdf.query({ batchId: batch.id, paper })
      expect(file.fileName).toMatch(/\.pdf$/)
      const text = pdfText(Buffer.from(file.contentBase64, 'base64'))
      for (const v of detail.vouchers) {
        expect(text).toContain(v.username!)
        expect(text).toContain(v.password!)
      }
    }

    const first = detail.vouchers[0]!
    sim.state.setOnline([{ name: first.username!, service: 'hotspot' }])
    await owner.hotspot.disable.mutate({ batchId: batch.id, voucherIds: [first.id] })
    await runQueue()
    expect(sim.state.find('/ip/hotspot/user', { name: first.username! })[0]!.disabled).toBe('true')
    expect(sim.kicked).toEqual([first.username])

    const sale = await owner.hotspot.sell.mutate({ batchId: batch.id, count: 4 })
    expect(sale).toMatchObject({ count: 4, amount: 20_000, date: '2026-11-22' })
    // The disabled voucher is not sold: 9 usable, 4 sold, 5 left.
    expect(await apiCode(owner.hotspot.sell.mutate({ batchId: batch.id, count: 6 }))).toBe(
      'VALIDATION',
    )

    const revenue = await owner.reports.revenue.query({ from: '2026-11', to: '2026-11' })
    expect(revenue.groups).toEqual([
      expect.objectContaining({
        group: 'broadband',
        rows: [expect.objectContaining({ name: 'Voucher hotspot', lines: 1, amount: 20_000 })],
        subtotal: 20_000,
      }),
    ])
    expect(revenue.total).toBe(20_000)
  })

  it('a viewer sees batches but may not make, disable or sell vouchers', async () => {
    const { batch } = await profileAndBatch(2)
    await owner.users.create.mutate({
      name: 'Lihat',
      username: 'lihat1',
      role: 'viewer',
      password: 'Awal-Pemantau-2026',
    })
    const { token } = await client().auth.login.mutate({
      username: 'lihat1',
      password: 'Awal-Pemantau-2026',
    })
    await client(token).auth.changePassword.mutate({
      currentPassword: 'Awal-Pemantau-2026',
      newPassword: 'Pemantau-Baru-2026',
    })
    const viewer = client(token)
    expect(await apiCode(viewer.hotspot.batches.query())).toBe('ok')
    expect(await apiCode(viewer.hotspot.disable.mutate({ batchId: batch.id }))).toBe('FORBIDDEN')
    expect(await apiCode(viewer.hotspot.sell.mutate({ batchId: batch.id, count: 1 }))).toBe(
      'FORBIDDEN',
    )
  })

  it('the live status says in words when the router cannot be reached', async () => {
    const { batch } = await profileAndBatch(2)
    await sim.down()
    expect(await apiCode(owner.hotspot.status.query({ batchId: batch.id }))).toMatch(/^ROUTER_/)
  })
})
