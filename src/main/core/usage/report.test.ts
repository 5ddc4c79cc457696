import { describe, expect, it } from 'vitest'
import { addService, createCustomer } from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { usageReport, usageTable, usageTrend } from './index'

const GB = 1_000_000_000

async function fixture() {
  const f = await catalogFixture()
  const service = async (name: string, productId: number) => {
    const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, name))
    const s = await addService(f.deps, f.actor, serviceInput(c.id, productId), f.tz)
    return { serviceId: s.id, code: c.code }
  }
  const used = (serviceId: number, day: string, up: number, down: number) =>
    f.deps.db
      .insertInto('usage_daily')
      .values({
        service_id: serviceId,
        day,
        company_id: f.companyId,
        upload_bytes: up,
        download_bytes: down,
      })
      .execute()
  return { ...f, service, used }
}

describe('usage report', () => {
  it('sums each service over the month, heaviest first, per package, with the twelve-month trend', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', f.p10.id)
    const siti = await f.service('Siti Rahmawati', f.p10.id)
    const agus = await f.service('Agus Salim', f.p20.id)
    await f.used(budi.serviceId, '2026-11-01', 1 * GB, 10 * GB)
    await f.used(budi.serviceId, '2026-11-30', 1 * GB, 20 * GB)
    await f.used(siti.serviceId, '2026-11-15', 2 * GB, 5 * GB)
    await f.used(agus.serviceId, '2026-11-20', 5 * GB, 60 * GB)
    // Outside the month: in the trend, not in the month's tables.
    await f.used(budi.serviceId, '2026-10-31', 3 * GB, 30 * GB)
    await f.used(budi.serviceId, '2026-12-01', 9 * GB, 90 * GB)

    const r = await usageReport(f.deps.db, f.companyId, '2026-11')

    expect(r.services.map((s) => [s.customerCode, s.uploadBytes, s.downloadBytes])).toEqual([
      [agus.code, 5 * GB, 60 * GB],
      [budi.code, 2 * GB, 30 * GB],
      [siti.code, 2 * GB, 5 * GB],
    ])
    expect(r.totals).toEqual({
      services: 3,
      uploadBytes: 9 * GB,
      downloadBytes: 95 * GB,
      totalBytes: 104 * GB,
    })
    expect(r.packages.map((p) => [p.product, p.services, p.totalBytes, p.averageBytes])).toEqual([
      ['Rumah 20 Mbps', 1, 65 * GB, 65 * GB],
      ['Rumah 10 Mbps', 2, 39 * GB, 19.5 * GB],
    ])
    expect(r.top[0]!.customerCode).toBe(agus.code)
    expect(r.trend).toHaveLength(12)
    expect(r.trend[0]!.period).toBe('2025-12')
    expect(r.trend.at(-2)).toEqual({
      period: '2026-10',
      uploadBytes: 3 * GB,
      downloadBytes: 30 * GB,
      totalBytes: 33 * GB,
    })
    expect(r.trend.at(-1)!.totalBytes).toBe(104 * GB)
    expect(r.trend[5]!.totalBytes).toBe(0)

    expect(usageTable(r).rows[0]).toMatchObject({ customer: agus.code, download: 60, total: 65 })
    expect(usageTable(r).totals).toMatchObject({ total: 104 })
  })

  it('gives one service its own trend (the customer page)', async () => {
    const f = await fixture()
    const budi = await f.service('Budi Santoso', f.p10.id)
    const siti = await f.service('Siti Rahmawati', f.p10.id)
    await f.used(budi.serviceId, '2026-11-02', 1 * GB, 4 * GB)
    await f.used(siti.serviceId, '2026-11-02', 7 * GB, 7 * GB)

    const trend = await usageTrend(f.deps.db, f.companyId, '2026-11', budi.serviceId)

    expect(trend.at(-1)).toEqual({
      period: '2026-11',
      uploadBytes: 1 * GB,
      downloadBytes: 4 * GB,
      totalBytes: 5 * GB,
    })
  })

  it('is empty for a month without usage', async () => {
    const f = await fixture()
    const r = await usageReport(f.deps.db, f.companyId, '2026-11')
    expect(r.services).toEqual([])
    expect(r.totals.totalBytes).toBe(0)
    expect(r.trend.every((m) => m.totalBytes === 0)).toBe(true)
  })
})
