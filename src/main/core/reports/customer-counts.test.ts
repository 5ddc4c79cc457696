import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { billingFixture } from '../billing/testing'
import { addService, changeServiceStatus, createCustomer } from '../customers'
import { customerInput, serviceInput } from '../customers/testing'
import { customerCounts, type CustomerCountRow } from './customer-counts'
import { exportReport } from './export'

type Fixture = Awaited<ReturnType<typeof billingFixture>>

async function join(f: Fixture, name: string, areaId: number, productId: number, day: string) {
  const c = await createCustomer(f.deps, f.actor, customerInput(areaId, name))
  const s = await addService(
    f.deps,
    f.actor,
    { ...serviceInput(c.id, productId), activationDate: day },
    f.tz,
  )
  return { customerId: c.id, serviceId: s.id }
}

const status = (f: Fixture, serviceId: number, to: 'isolir' | 'putus' | 'aktif', day: string) =>
  changeServiceStatus(
    f.deps,
    f.actor,
    { serviceId, status: to, effectiveDate: day, reason: 'uji' },
    f.tz,
  )

/**
 * Budi (Cibinong, 10 Mbps) aktif from 05/01; Sari (Cibinong, 20 Mbps) aktif from 10/02, isolir
 * from 15/03; Joko (Bojonggede, 10 Mbps) aktif from 20/01, putus from 02/03.
 */
async function threeCustomers() {
  const f = await billingFixture('2026-04-01T03:00:00Z')
  await join(f, 'Budi', f.cbg.id, f.p10.id, '2026-01-05')
  const sari = await join(f, 'Sari', f.cbg.id, f.p20.id, '2026-02-10')
  const joko = await join(f, 'Joko', f.bjg.id, f.p10.id, '2026-01-20')
  await status(f, sari.serviceId, 'isolir', '2026-03-15')
  await status(f, joko.serviceId, 'putus', '2026-03-02')
  return f
}

const counts = (f: Fixture, filters: { areaId?: number; productId?: number } = {}) =>
  customerCounts(f.db, f.companyId, { from: '2026-01', to: '2026-03', timeZone: f.tz, ...filters })

const pick = (r: CustomerCountRow) => ({
  aktif: r.aktif,
  isolir: r.isolir,
  putus: r.putus,
  new: r.new,
  terminated: r.terminated,
})

describe('customer counts per month (seed 000)', () => {
  it('counts status at each month end and the new and terminated customers of the month', async () => {
    const f = await threeCustomers()
    const r = await counts(f)
    expect(r.periods.map(pick)).toEqual([
      { aktif: 2, isolir: 0, putus: 0, new: 2, terminated: 0 },
      { aktif: 3, isolir: 0, putus: 0, new: 1, terminated: 0 },
      { aktif: 1, isolir: 1, putus: 1, new: 0, terminated: 1 },
    ])
    expect(r.periods.every((p) => p.estimated === 0)).toBe(true)
  })

  it("each month's total is the previous month's total plus the month's new customers", async () => {
    const f = await threeCustomers()
    const r = await counts(f)
    let prev = 0
    for (const p of r.periods) {
      expect(p.total).toBe(p.aktif + p.isolir + p.putus + p.pending)
      expect(p.total).toBe(prev + p.new)
      prev = p.total
    }
  })

  it('an area filter counts only that area: Cibinong + Bojonggede = all, field by field', async () => {
    const f = await threeCustomers()
    const [all, cbg, bjg] = await Promise.all([
      counts(f),
      counts(f, { areaId: f.cbg.id }),
      counts(f, { areaId: f.bjg.id }),
    ])
    expect(cbg.periods.map(pick)[2]).toEqual({
      aktif: 1,
      isolir: 1,
      putus: 0,
      new: 0,
      terminated: 0,
    })
    expect(bjg.periods.map(pick)[2]).toEqual({
      aktif: 0,
      isolir: 0,
      putus: 1,
      new: 0,
      terminated: 1,
    })
    all.periods.forEach((p, i) => {
      for (const k of [
        'aktif',
        'isolir',
        'putus',
        'pending',
        'total',
        'new',
        'terminated',
      ] as const)
        expect(cbg.periods[i]![k] + bjg.periods[i]![k]).toBe(p[k])
    })
  })

  it('a package filter counts customers through their services of that package only', async () => {
    const f = await threeCustomers()
    const p10 = await counts(f, { productId: f.p10.id })
    const p20 = await counts(f, { productId: f.p20.id })
    expect(p10.periods.map(pick)).toEqual([
      { aktif: 2, isolir: 0, putus: 0, new: 2, terminated: 0 },
      { aktif: 2, isolir: 0, putus: 0, new: 0, terminated: 0 },
      { aktif: 1, isolir: 0, putus: 1, new: 0, terminated: 1 },
    ])
    expect(p20.periods.map((p) => p.isolir)).toEqual([0, 0, 1])
  })

  it('a service without history counts as it is now from the day it was entered, marked estimated', async () => {
    const f = await threeCustomers()
    // Data imported without its history: the service's rows in service_history are gone.
    const budi = await f.db
      .selectFrom('services')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await f.db.deleteFrom('service_history').where('service_id', '=', budi.id).execute()
    const r = await counts(f)
    // Entered on 01/04 (the fixture's clock): not known at the end of January–March.
    expect(r.periods.map((p) => p.aktif)).toEqual([1, 2, 0])
    const april = await customerCounts(f.db, f.companyId, {
      from: '2026-04',
      to: '2026-04',
      timeZone: f.tz,
    })
    expect(april.periods[0]).toMatchObject({ aktif: 1, isolir: 1, putus: 1, estimated: 1, new: 1 })
  })

  it('exports to Excel with the month-end figures and how they are derived', async () => {
    const f = await threeCustomers()
    const file = await exportReport(
      f.db,
      f.companyId,
      { report: 'customers', params: { from: '2026-01', to: '2026-03', areaId: f.bjg.id } },
      'xlsx',
      { now: f.clock.now(), today: calendarDate('2026-04-01'), timeZone: f.tz },
    )
    expect(file.fileName).toBe('pelanggan-2026-01-2026-03.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.data as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('Jumlah pelanggan per bulan')
    expect(String(sheet.getCell('A2').value)).toContain('riwayat status layanan')
    const cells: unknown[] = []
    sheet.eachRow((row) => cells.push(...(row.values as unknown[])))
    expect(cells).toContain('Maret 2026')
  })
})
