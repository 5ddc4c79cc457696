import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  apiCode,
  companyOwner,
  startTestHost,
  type TestHost,
  twoBilledCustomers,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

let host: TestHost
let owner: ReturnType<TestHost['client']>
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost()
  ;({ owner, ownerToken } = await companyOwner(host))
})
afterEach(async () => {
  await host.stop()
})

describe('dashboard over the HTTP API: what each role is sent', () => {
  it('the owner gets every card, and the figures of the reports', async () => {
    await twoBilledCustomers(owner)
    const s = await owner.dashboard.summary.query()
    expect(s.asOf).toBe('2026-11-22')
    expect(s.customers).toMatchObject({ aktif: 2, isolir: 0, putus: 0, newThisMonth: 2 })
    const report = await owner.reports.invoicedVsCollected.query({
      from: '2026-11',
      to: '2026-11',
    })
    expect(s.billing).toMatchObject({ invoiced: report.totals.invoiced, invoices: 2 })
    const aging = await owner.reports.receivables.query({})
    expect(s.receivables).toMatchObject({ total: aging.total, customers: 2 })
    expect(Object.keys(s).sort()).toEqual([
      'asOf',
      'billing',
      'collections',
      'customers',
      'messages',
      'period',
      'receivables',
      'routerJobs',
      'takings',
    ])
    const chart = await owner.dashboard.payments.query({ range: 'year' })
    expect(chart.points).toHaveLength(12)
    expect(await owner.dashboard.routers.query()).toEqual([])
  })

  it('a cashier is sent only their own takings of today, and no chart', async () => {
    const [budi, siti] = (await twoBilledCustomers(owner)).ids
    // A cashier: the counter and the dashboard, nothing of billing or reports.
    await owner.roles.update.mutate({
      role: 'viewer',
      permissions: ['dashboard.view', 'payments.record', 'cash.close'],
    })
    const cashier = await signInAs(host, ownerToken, 'viewer', 'kasir')
    await owner.payments.record.mutate({
      customerId: budi,
      amount: 150_000,
      method: 'cash',
      invoiceId: null,
    })
    await cashier.payments.record.mutate({
      customerId: siti,
      amount: 100_000,
      method: 'cash',
      invoiceId: null,
    })
    const s = await cashier.dashboard.summary.query()
    expect(s).toEqual({
      asOf: '2026-11-22',
      period: '2026-11',
      takings: {
        scope: 'own',
        total: { count: 1, amount: 100_000 },
        byMethod: [{ method: 'cash', count: 1, amount: 100_000 }],
      },
    })
    expect((await owner.dashboard.summary.query()).takings).toMatchObject({
      scope: 'all',
      total: { count: 2, amount: 250_000 },
    })
    expect(await apiCode(cashier.dashboard.payments.query({ range: 'month' }))).toBe('FORBIDDEN')
    expect(await apiCode(cashier.dashboard.routers.query())).toBe('FORBIDDEN')
  })

  it('a technician gets customers and the router queue, no money', async () => {
    await twoBilledCustomers(owner)
    const tech = await signInAs(host, ownerToken, 'technician')
    const s = await tech.dashboard.summary.query()
    expect(Object.keys(s).sort()).toEqual(['asOf', 'customers', 'period', 'routerJobs'])
    expect(s.customers).toMatchObject({ aktif: 2 })
    expect(await apiCode(tech.dashboard.payments.query({ range: 'week' }))).toBe('FORBIDDEN')
    expect(await apiCode(tech.dashboard.routers.query())).toBe('ok')
  })
})
