import { createSocket } from 'node:dgram'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client'
import type { AppRouter } from '@api/index'
import { ManualClock } from '@core/clock'
import { makeDataDir } from './data-dir'
import type { MdnsOptions } from '@core/mode'
import { startHost, type HostOptions, type RunningHost } from '../../src/main/host'

/**
 * mDNS on one free 127.0.0.1 port, unicast: tests never send to a LAN, and this sandbox's
 * loopback interface carries no multicast. Hosts and browsers given the same options meet there.
 */
export async function loopbackMdns(): Promise<MdnsOptions> {
  const socket = createSocket('udp4')
  socket.bind(0, '127.0.0.1')
  await once(socket, 'listening')
  const { port } = socket.address()
  socket.close()
  return { interface: '127.0.0.1', ip: '127.0.0.1', port, multicast: false, reuseAddr: true }
}

/** A real host (Fastify + SQLite in a temp data dir) on 127.0.0.1 with a random port. */
export async function startTestHost(
  clock = new ManualClock('2026-11-22T03:00:00Z'),
  webRoot?: string,
  options: Partial<HostOptions> = {},
) {
  const dataDir = await makeDataDir('loket-host-')
  // API tests drive jobs themselves: a real-time tick must not land inside one.
  const host: RunningHost = await startHost({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    clock,
    webRoot,
    scheduler: false,
    // "Cari host di jaringan" (mode.discover) browses loopback only.
    mdns: await loopbackMdns(),
    ...options,
  })
  return {
    ...host,
    clock,
    dataDir,
    async stop() {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
    client(token?: string | null, userAgent = 'vitest') {
      return createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${host.url}api/trpc`,
            headers: () => ({
              'user-agent': userAgent,
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            }),
          }),
        ],
      })
    },
  }
}

export type TestHost = Awaited<ReturnType<typeof startTestHost>>

/** The `{code, messageKey}` an API error carries, or 'ok'. */
export async function apiCode(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { error?: { code: string } } | undefined
      return data?.error?.code ?? `trpc:${error.message}`
    }
    throw error
  }
}

export const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }

export async function setupCompany(host: TestHost): Promise<string> {
  const { token } = await host.client().setup.complete.mutate({
    company: {
      name: 'Net Jaya',
      address: 'Jl. Raya Bogor 12',
      phone: '0812-3456-7890',
      timeZone: 'Asia/Jakarta',
    },
    admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
  })
  return token
}

type Api = ReturnType<TestHost['client']>

/** Company Net Jaya on `host` and its owner signed in: the owner's client and token. */
export async function companyOwner(host: TestHost): Promise<{ owner: Api; ownerToken: string }> {
  await setupCompany(host)
  const ownerToken = (await host.client().auth.login.mutate(OWNER)).token!
  return { owner: host.client(ownerToken), ownerToken }
}

/** Area CBG01 (Cibinong) and a Rp150.000 PPPoE package of 10 Mbps: what most API tests start from. */
export async function areaAndPackage(owner: Api) {
  const area = await owner.catalog.createArea.mutate({ code: 'CBG01', name: 'Cibinong' })
  const product = await owner.catalog.createProduct.mutate({
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 10,
    uploadMbps: 10,
  })
  return { area, product }
}

/**
 * Two customers on Rp150.000 in CBG01, aktif from 01/10/2026 and billed for November 2026 (the
 * test host's clock is 22/11/2026): what the dashboard and report API tests read.
 */
export async function twoBilledCustomers(owner: Api) {
  const { area, product } = await areaAndPackage(owner)
  const ids: number[] = []
  for (const [name, phone] of [
    ['Budi Santoso', '0812-3456-7890'],
    ['Siti Aminah', '0813-1111-2222'],
  ] as const) {
    const c = await owner.customers.create.mutate({ areaId: area.id, name, phone })
    await owner.customers.addService.mutate({
      customerId: c.id,
      productId: product.id,
      status: 'aktif',
      activationDate: '2026-10-01',
    })
    ids.push(c.id)
  }
  await owner.billing.runPeriod.mutate({ period: '2026-11', asOf: '2026-11-01' })
  return { area, product, ids: ids as [number, number] }
}

/**
 * Router "RB Pusat" (127.0.0.1:`port`, admin/admin; nobody answers on port 9), hotspot profile
 * "1hari" at Rp 5.000 and a batch of `count` upper-case vouchers with prefix NJ.
 */
export async function hotspotBatch(
  owner: Api,
  options: { port?: number; count: number; length?: number; mode?: 'userpass' | 'voucher' },
) {
  const router = await owner.network.createRouter.mutate({
    name: 'RB Pusat',
    host: '127.0.0.1',
    port: options.port ?? 9,
    username: 'admin',
    password: 'admin',
  })
  const profile = await owner.hotspot.saveProfile.mutate({
    routerId: router.id,
    name: '1hari',
    rateLimit: '2M/2M',
    validity: '1d',
    price: 5000,
    dnsName: 'wifi.net',
  })
  const batch = await owner.hotspot.createBatch.mutate({
    profileId: profile.id,
    count: options.count,
    prefix: 'NJ',
    length: options.length ?? 6,
    charset: 'upper',
    mode: options.mode ?? 'userpass',
  })
  return { router, profile, batch }
}
