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

describe('the reports the seeds ask for, over the HTTP API', () => {
  it('customer counts of this month agree with the Dasbor when the history is complete', async () => {
    const { area } = await twoBilledCustomers(owner)
    const r = await owner.reports.customers.query({ from: '2026-10', to: '2026-11' })
    const s = await owner.dashboard.summary.query()
    expect(r.periods.map((p) => [p.period, p.aktif, p.new])).toEqual([
      ['2026-10', 2, 2],
      ['2026-11', 2, 0],
    ])
    expect(r.periods[1]).toMatchObject({
      aktif: s.customers!.aktif,
      isolir: s.customers!.isolir,
      putus: s.customers!.putus,
      estimated: 0,
    })
    const inArea = await owner.reports.customers.query({
      from: '2026-11',
      to: '2026-11',
      areaId: area.id,
    })
    expect(inArea.periods[0]!.aktif).toBe(2)
  })

  it('revenue trend, payment history and the filtered export answer on the same data', async () => {
    const { product, ids } = await twoBilledCustomers(owner)
    const trend = await owner.reports.revenueTrend.query({})
    const revenue = await owner.reports.revenue.query({ from: '2026-11', to: '2026-11' })
    expect(trend.to).toBe('2026-11')
    expect(trend.months.at(-1)).toMatchObject({ period: '2026-11', amount: revenue.total })
    const history = await owner.reports.customerPayments.query({ customerId: ids[0], year: 2026 })
    expect(history.months[10]!.invoices).toHaveLength(1)
    const file = await owner.reports.export.mutate({
      request: {
        report: 'customers',
        params: { from: '2026-11', to: '2026-11', productId: product.id },
      },
      format: 'xlsx',
    })
    expect(file.fileName).toBe('pelanggan-2026-11-2026-11.xlsx')
  })

  it('a technician without report or billing rights is refused the new reports', async () => {
    const { ids } = await twoBilledCustomers(owner)
    const tech = await signInAs(host, ownerToken, 'technician')
    expect(await apiCode(tech.reports.customers.query({ from: '2026-11', to: '2026-11' }))).toBe(
      'FORBIDDEN',
    )
    expect(await apiCode(tech.reports.revenueTrend.query({}))).toBe('FORBIDDEN')
    expect(
      await apiCode(tech.reports.customerPayments.query({ customerId: ids[0], year: 2026 })),
    ).toBe('FORBIDDEN')
  })
})
