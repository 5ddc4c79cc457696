import { describe, expect, it } from 'vitest'
import { CUSTOMER_CATEGORIES, SERVICE_STATUSES, SERVICE_TYPES } from '@shared/catalog'
import { addMonths, calendarDate, isCalendarDate } from '@shared/dates'
import { normalisePhone } from '@shared/phone'
import type { CustomerImportRow } from '@shared/schemas/imports'
import { DEMO_PRODUCT_NAMES, generateDemoData, type DemoData } from './index'

const asOf = '2026-05-15'
const data = generateDemoData({ customers: 3000, seed: 'uji-coba', asOf })

/** Every check a committer would make on one row, with the data set it belongs to. */
function rowProblems(row: CustomerImportRow, set: DemoData, day = asOf): string[] {
  const threeYearsBefore = addMonths(calendarDate(day), -36)
  const problems: string[] = []
  const fail = (what: string) => problems.push(`${row.name}: ${what}`)
  const area = set.areas.find((a) => a.code === row.areaCode)
  const product = set.products.find((p) => p.name === row.productName)
  if (row.code !== null) fail('code should be left to the app')
  if (!row.name.trim()) fail('empty name')
  if (!area) fail(`unknown area ${row.areaCode}`)
  else if (!row.address.endsWith(area.name)) fail(`address outside ${area.name}: ${row.address}`)
  if (!product) fail(`unknown product ${row.productName}`)
  if (row.phone !== null) {
    if (!row.phone.startsWith('628') || normalisePhone(row.phone) !== row.phone) fail(row.phone)
    if (row.phone.length < 11 || row.phone.length > 14) fail(`phone length ${row.phone}`)
  }
  if (row.email !== null && !/^[a-z0-9._]+@[a-z0-9-]+(\.[a-z]+)+$/.test(row.email)) fail(row.email)
  if (!CUSTOMER_CATEGORIES.includes(row.category)) fail(row.category)
  if (row.nik !== null && !/^3\d{15}$/.test(row.nik)) fail(`nik ${row.nik}`)
  if (row.npwp !== null && !/^\d{15}$/.test(row.npwp)) fail(`npwp ${row.npwp}`)
  if (row.category === 'rumah' && row.npwp !== null) fail('a household with an NPWP')
  if (row.category === 'corporate' && row.npwp === null) fail('a company without NPWP')
  if (row.priceOverride !== null) {
    const ok = Number.isSafeInteger(row.priceOverride) && row.priceOverride > 0
    if (!ok || !product || row.priceOverride >= product.monthlyPrice) fail('override')
  }
  if (row.status === null || !SERVICE_STATUSES.includes(row.status)) fail(`status ${row.status}`)
  if (row.activationDate !== null) {
    const d = row.activationDate
    if (!isCalendarDate(d) || d > day || d < threeYearsBefore) fail(`activation ${d}`)
  } else if (row.status !== 'registrasi') fail('activated service without a date')
  const schedule = row.billingSchedule
  if (schedule?.kind === 'fixed' && !(schedule.day >= 1 && schedule.day <= 28)) fail('day')
  if ((schedule === null) !== (row.status === 'registrasi')) fail('schedule vs status')
  if ((row.pppoeUsername === null) !== (row.pppoePassword === null)) fail('half a login')
  if (row.pppoeUsername !== null && !/^[a-z0-9][a-z0-9.]{2,31}$/.test(row.pppoeUsername)) {
    fail(`username ${row.pppoeUsername}`)
  }
  if (row.pppoePassword !== null && !/^[A-Za-z0-9]{8}$/.test(row.pppoePassword)) fail('password')
  const needsIp = product && ['static_ip', 'dedicated'].includes(product.serviceType)
  if (row.staticIp !== null) {
    const octets = row.staticIp.split('.').map(Number)
    const ok = octets.length === 4 && octets[0] === 10 && octets.every((o) => o >= 0 && o <= 255)
    if (!ok || !needsIp) fail(`static IP ${row.staticIp}`)
  } else if (needsIp && row.status !== 'registrasi') fail('static service without an IP')
  return problems
}

describe('generateDemoData', () => {
  it('gives byte-identical output for the same options, and a number seed equals its text', () => {
    const again = generateDemoData({ customers: 3000, seed: 'uji-coba', asOf })
    expect(JSON.stringify(again)).toBe(JSON.stringify(data))
    const a = generateDemoData({ customers: 200, seed: 7, asOf })
    expect(generateDemoData({ customers: 200, seed: '7', asOf })).toEqual(a)
  })

  it('gives other customers for another seed or another asOf, with the same price list', () => {
    const other = generateDemoData({ customers: 3000, seed: 'uji-coba-2', asOf })
    expect(other.products).toEqual(data.products)
    expect(other.areas).toEqual(data.areas)
    const names = (d: DemoData) => d.customers.map((c) => c.name).join('|')
    expect(names(other)).not.toBe(names(data))
    const later = generateDemoData({ customers: 3000, seed: 'uji-coba', asOf: '2026-06-15' })
    expect(later.customers[0]!.activationDate).not.toBe(data.customers[0]!.activationDate)
  })

  it('makes exactly the customers asked for, in 4 to 6 areas', () => {
    const areaCounts = [0, 1, 499, 500, 4999, 5000].map((customers) => {
      const d = generateDemoData({ customers, seed: 1, asOf })
      expect(d.customers).toHaveLength(customers)
      return d.areas.length
    })
    expect(areaCounts).toEqual([4, 4, 4, 5, 5, 6])
    expect(data.areas.map((a) => a.code)).toEqual(['CBG01', 'BJG02', 'CLG03', 'GNP04', 'SWG05'])
  })

  it('offers the ten packages of the price list', () => {
    expect(data.products.map((p) => p.name)).toEqual(DEMO_PRODUCT_NAMES)
    expect(new Set(DEMO_PRODUCT_NAMES).size).toBe(10)
    const price = (name: string) => data.products.find((p) => p.name === name)?.monthlyPrice
    expect(price('Rumah 10 Mbps')).toBe(150_000)
    expect(price('Rumah 50 Mbps')).toBe(350_000)
    expect(price('Bisnis 100 Mbps')).toBe(1_500_000)
    expect(price('TV Kabel Basic')).toBe(60_000)
    expect(price('Dedicated 100 Mbps')).toBe(7_500_000)
    for (const p of data.products) {
      expect(SERVICE_TYPES).toContain(p.serviceType)
      expect(Number.isSafeInteger(p.monthlyPrice) && p.monthlyPrice > 0).toBe(true)
      expect(p.prepaid).toBe(p.name.startsWith('Rumah') || /Hotspot|TV Kabel/.test(p.name))
    }
    expect(new Set(data.products.map((p) => p.serviceType))).toEqual(new Set(SERVICE_TYPES))
  })

  it('writes every row as the import types want it', () => {
    const problems = data.customers.flatMap((row) => rowProblems(row, data))
    for (let seed = 0; seed < 20; seed++) {
      const few = generateDemoData({ customers: 60, seed, asOf: '2024-02-29' })
      problems.push(...few.customers.flatMap((row) => rowProblems(row, few, '2024-02-29')))
    }
    expect(problems).toEqual([])
  })

  it('never repeats a phone, NIK, NPWP, e-mail, PPPoE username or static IP', () => {
    const big = generateDemoData({ customers: 20_000, seed: 'padat', asOf })
    const keys = ['phone', 'nik', 'npwp', 'email', 'pppoeUsername', 'staticIp'] as const
    for (const key of keys) {
      const values = big.customers.map((c) => c[key]).filter((v) => v !== null)
      expect(values.length, key).toBeGreaterThan(0)
      expect(new Set(values).size, key).toBe(values.length)
    }
  })

  it('lists the oldest activation first and registrations last', () => {
    const dates = data.customers.map((c) => c.activationDate ?? '9999-99-99')
    expect(dates).toEqual([...dates].sort())
  })

  it('refuses a count that is not a whole number or a date that is not YYYY-MM-DD', () => {
    expect(() => generateDemoData({ customers: -1, seed: 1, asOf })).toThrow(RangeError)
    expect(() => generateDemoData({ customers: 2.5, seed: 1, asOf })).toThrow(RangeError)
    expect(() => generateDemoData({ customers: 10, seed: 1, asOf: '15/05/2026' })).toThrow(
      RangeError,
    )
    expect(() => generateDemoData({ customers: 10, seed: 1, asOf: '2026-02-30' })).toThrow(
      RangeError,
    )
  })
})
