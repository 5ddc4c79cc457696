import { describe, expect, it } from 'vitest'
import { addMonths, calendarDate } from '@shared/dates'
import type { CustomerImportRow } from '@shared/schemas/imports'
import { generateDemoData } from './index'

const asOf = '2026-05-15'
const { customers, areas } = generateDemoData({ customers: 10_000, seed: 'sebaran', asOf })

const share = (test: (c: CustomerImportRow) => boolean, among = customers) =>
  among.filter(test).length / among.length

describe('a demo customer base of 10,000 looks like an RT/RW-NET', () => {
  it('is about 85 % aktif, 5 % isolir, 8 % putus and 2 % still being connected', () => {
    expect(share((c) => c.status === 'aktif')).toBeCloseTo(0.85, 1)
    expect(share((c) => c.status === 'isolir')).toBeGreaterThan(0.035)
    expect(share((c) => c.status === 'isolir')).toBeLessThan(0.065)
    expect(share((c) => c.status === 'putus')).toBeGreaterThan(0.06)
    expect(share((c) => c.status === 'putus')).toBeLessThan(0.1)
    const connecting = share((c) => c.status === 'registrasi' || c.status === 'instalasi')
    expect(connecting).toBeGreaterThan(0.01)
    expect(connecting).toBeLessThan(0.03)
  })

  it('is about 91 % households, 8 % businesses and 1 % corporate accounts', () => {
    expect(share((c) => c.category === 'bisnis')).toBeGreaterThan(0.065)
    expect(share((c) => c.category === 'bisnis')).toBeLessThan(0.095)
    expect(share((c) => c.category === 'corporate')).toBeGreaterThan(0.005)
    expect(share((c) => c.category === 'corporate')).toBeLessThan(0.017)
    const companies = customers.filter((c) => c.category === 'corporate')
    expect(
      share((c) => /^(PT|Yayasan|SMK|SMP|Koperasi|Klinik|Pondok|Bimbel) /.test(c.name), companies),
    ).toBe(1)
  })

  it('puts most customers on the 10 and 20 Mbps home packages', () => {
    const homeBasics = share(
      (c) => c.productName === 'Rumah 10 Mbps' || c.productName === 'Rumah 20 Mbps',
    )
    expect(homeBasics).toBeGreaterThan(0.55)
    expect(share((c) => c.productName === 'Dedicated 100 Mbps')).toBeLessThan(0.01)
  })

  it('spreads customers unevenly over the areas, the home area largest', () => {
    const counts = areas.map((a) => customers.filter((c) => c.areaCode === a.code).length)
    expect(counts.every((n) => n > 0)).toBe(true)
    expect(Math.max(...counts)).toBe(counts[0])
    expect(counts[0]!).toBeGreaterThan(3 * counts[counts.length - 1]!)
  })

  it('bills about 70 % on day 1, the rest on other days or the anniversary', () => {
    const scheduled = customers.filter((c) => c.billingSchedule !== null)
    const onDay = (day: number) => (c: CustomerImportRow) =>
      c.billingSchedule?.kind === 'fixed' && c.billingSchedule.day === day
    expect(share(onDay(1), scheduled)).toBeCloseTo(0.7, 1)
    for (const day of [5, 10, 15, 20]) expect(share(onDay(day), scheduled)).toBeGreaterThan(0.01)
    expect(share((c) => c.billingSchedule?.kind === 'anniversary', scheduled)).toBeGreaterThan(0.08)
  })

  it('grows: more activations in the last year than in the first, and leavers skew old', () => {
    const start = addMonths(calendarDate(asOf), -36)
    const firstYearEnd = addMonths(calendarDate(asOf), -24)
    const lastYearStart = addMonths(calendarDate(asOf), -12)
    const dated = customers.filter((c) => c.activationDate !== null)
    const inFirst = dated.filter(
      (c) => c.activationDate! >= start && c.activationDate! < firstYearEnd,
    )
    const inLast = dated.filter((c) => c.activationDate! >= lastYearStart)
    expect(inLast.length).toBeGreaterThan(2 * inFirst.length)
    const meanAge = (rows: CustomerImportRow[]) =>
      rows.reduce((sum, c) => sum + Date.parse(asOf) - Date.parse(c.activationDate!), 0) /
      rows.length
    const leavers = dated.filter((c) => c.status === 'putus')
    const active = dated.filter((c) => c.status === 'aktif')
    expect(meanAge(leavers)).toBeGreaterThan(1.5 * meanAge(active))
  })

  it('has a NIK for about 70 %, a phone for nearly all, an e-mail for some', () => {
    expect(share((c) => c.nik !== null)).toBeCloseTo(0.7, 1)
    expect(share((c) => c.phone === null)).toBeGreaterThan(0.01)
    expect(share((c) => c.phone === null)).toBeLessThan(0.05)
    expect(share((c) => c.email !== null)).toBeGreaterThan(0.2)
    expect(share((c) => c.email !== null)).toBeLessThan(0.6)
    expect(share((c) => c.nik?.startsWith('3201') === true)).toBeGreaterThan(0.4)
  })

  it('gives about 3 % a lower price, and a few titles, single names and notes', () => {
    expect(share((c) => c.priceOverride !== null)).toBeGreaterThan(0.015)
    expect(share((c) => c.priceOverride !== null)).toBeLessThan(0.045)
    const hajj = share((c) => /^Hj?\. /.test(c.name))
    expect(hajj).toBeGreaterThan(0.002)
    expect(hajj).toBeLessThan(0.03)
    const households = customers.filter((c) => c.category === 'rumah')
    expect(share((c) => !c.name.includes(' '), households)).toBeGreaterThan(0.05)
    expect(share((c) => c.notes !== null)).toBeGreaterThan(0.05)
  })

  it('leaves registrations without activation, schedule or credentials', () => {
    const registrations = customers.filter((c) => c.status === 'registrasi')
    expect(registrations.length).toBeGreaterThan(0)
    for (const c of registrations) {
      expect([c.activationDate, c.billingSchedule, c.pppoeUsername, c.staticIp]).toEqual([
        null,
        null,
        null,
        null,
      ])
    }
  })
})
