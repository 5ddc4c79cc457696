import { createTRPCClient, httpLink } from '@trpc/client'
import type { AppRouter } from '@api/index'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  areaAndPackage,
  OWNER,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'

/**
 * Two cashiers on two browsers recording payments for the same customer at the same moment,
 * through the real HTTP API: no invoice is paid twice, receipt numbers stay unique and gapless.
 */
let host: TestHost
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
}, 120_000)
afterEach(async () => {
  await host.stop()
})

/** One HTTP request per call (no batching): two browsers send their requests separately. */
async function signIn(username: string, password: string) {
  const { token } = await host.client().auth.login.mutate({ username, password })
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${host.url}api/trpc`,
        headers: () => ({ authorization: `Bearer ${token}` }),
      }),
    ],
  })
}

type Api = Awaited<ReturnType<typeof signIn>>

/** A second member of staff (admin_billing) on a browser of their own, past the first-password change. */
async function secondStaff(owner: Api, username: string, name: string): Promise<Api> {
  await owner.users.create.mutate({
    name,
    username,
    password: 'Sementara-Awal-77',
    role: 'admin_billing',
  })
  const temporary = await signIn(username, 'Sementara-Awal-77')
  await temporary.auth.changePassword.mutate({
    currentPassword: 'Sementara-Awal-77',
    newPassword: 'Kedua-Rahasia-88',
  })
  return signIn(username, 'Kedua-Rahasia-88')
}

describe('two cashiers at once', () => {
  it(
    'never pay an invoice twice and never share a receipt number',
    { timeout: 120_000 },
    async () => {
      const owner = await signIn(OWNER.username, OWNER.password)
      const second = await secondStaff(owner, 'kasir2', 'Kasir Dua')
      const { area, product } = await areaAndPackage(owner)
      const customer = await owner.customers.create.mutate({
        areaId: area.id,
        name: 'Budi Santoso',
      })
      await owner.customers.addService.mutate({
        customerId: customer.id,
        productId: product.id,
        status: 'aktif',
        activationDate: '2026-01-01',
      })
      for (const period of ['2026-09', '2026-10', '2026-11']) {
        await owner.billing.runPeriod.mutate({ period, asOf: `${period}-01` })
      }
      const due = await owner.payments.due.query({ customerId: customer.id })
      expect(due.totalDue).toBe(450_000)

      // 20 payments of Rp150.000 from both cashiers at once: three pay the invoices, the rest is credit.
      const pay = (api: typeof owner) =>
        api.payments.record.mutate({
          customerId: customer.id,
          amount: 150_000,
          method: 'cash',
          invoiceId: null,
        })
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => pay(i % 2 === 0 ? owner : second)),
      )
      const numbers = results.map((r) => r.number).sort()
      expect(new Set(numbers).size).toBe(20)
      expect(numbers).toEqual(
        Array.from({ length: 20 }, (_, i) => `KW/2026/${String(i + 1).padStart(6, '0')}`),
      )
      // Each invoice paid exactly once: every allocation lands on a different invoice or on credit.
      const allocated = results.flatMap((r) => r.allocations)
      expect(allocated).toHaveLength(3)
      expect(new Set(allocated.map((a) => a.invoiceId)).size).toBe(3)
      expect(results.reduce((sum, r) => sum + r.toCredit, 0)).toBe(17 * 150_000)
      const after = await owner.payments.due.query({ customerId: customer.id })
      expect(after).toMatchObject({ totalDue: 0, credit: 17 * 150_000 })
      const invoices = await owner.billing.invoices.query({ customerId: customer.id })
      expect(invoices.rows.map((i) => [i.paid, i.paymentStatus])).toEqual([
        [150_000, 'lunas'],
        [150_000, 'lunas'],
        [150_000, 'lunas'],
      ])
    },
  )

  it('a retried request with the same client id records the payment once', async () => {
    const owner = await signIn(OWNER.username, OWNER.password)
    const { area, product } = await areaAndPackage(owner)
    const customer = await owner.customers.create.mutate({ areaId: area.id, name: 'Sari' })
    await owner.customers.addService.mutate({
      customerId: customer.id,
      productId: product.id,
      status: 'aktif',
      activationDate: '2026-01-01',
    })
    await owner.billing.runPeriod.mutate({ period: '2026-11', asOf: '2026-11-01' })
    const clientId = '2f1c8f1e-8a53-4c53-9a55-3f0c1a6a9b11'
    const input = {
      customerId: customer.id,
      amount: 150_000,
      method: 'cash' as const,
      invoiceId: null,
      clientId,
    }
    const [a, b] = await Promise.all([
      owner.payments.record.mutate(input),
      owner.payments.record.mutate(input),
    ])
    expect(a.number).toBe(b.number)
    expect([a.replayed, b.replayed].sort()).toEqual([false, true])
    const list = await owner.payments.list.query({ customerId: customer.id })
    expect(list.rows).toHaveLength(1)
  })
})

describe('forty new customers at once, from two admins', () => {
  it('each gets its own customer code and SID, gapless, and one search entry', async () => {
    const owner = await signIn(OWNER.username, OWNER.password)
    const second = await secondStaff(owner, 'admin2', 'Admin Dua')
    const { area, product } = await areaAndPackage(owner)

    const made = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const api = i % 2 === 0 ? owner : second
        const customer = await api.customers.create.mutate({
          areaId: area.id,
          name: `Pelanggan Serentak ${i + 1}`,
        })
        const service = await api.customers.addService.mutate({
          customerId: customer.id,
          productId: product.id,
          status: 'aktif',
          activationDate: '2026-11-01',
        })
        return { code: customer.code, sid: service.sid }
      }),
    )
    const codes = made.map((m) => m.code).sort()
    expect(codes).toEqual(
      Array.from({ length: 40 }, (_, i) => `CBG01-${String(i + 1).padStart(4, '0')}`),
    )
    const sids = made.map((m) => Number(m.sid.replace(/\D/g, ''))).sort((a, b) => a - b)
    expect(new Set(sids).size).toBe(40)
    expect(sids.at(-1)! - sids[0]!).toBe(39)
    const found = await owner.customers.list.query({ q: 'Serentak', limit: 100 })
    expect(found.total).toBe(40)
  })
})
