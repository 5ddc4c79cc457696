import { describe, expect, it } from 'vitest'
import { MODULE_KEYS, MODULES, moduleOfCall, type ModuleDef } from '@shared/modules'
import { PERMISSION_KEYS } from '@shared/permissions'
import { appRouter, PUBLIC_PROCEDURES } from './router'

const paths = Object.keys(appRouter._def.procedures)
const routers = new Set(paths.map((p) => p.split('.')[0]))
/** The `report` kinds reports.export takes (src/main/api/routers/reports.ts). */
const exportKinds = [
  'revenueTrend',
  'receivables',
  'invoicedVsCollected',
  'payments',
  'revenue',
  'invoices',
  'customers',
  'tickets',
]

describe.each(MODULE_KEYS)('module %s', (key) => {
  const def: ModuleDef = MODULES[key]

  it('has an Indonesian and an English name and description', () => {
    for (const text of [def.label, def.description, def.en.label, def.en.description])
      expect(text.length).toBeGreaterThan(3)
  })

  it('names routers, procedures and permissions that exist', () => {
    for (const r of def.routers) expect(routers.has(r), r).toBe(true)
    for (const p of def.procedures) expect(paths, p).toContain(p)
    for (const p of def.permissions) expect(PERMISSION_KEYS, p).toContain(p)
    for (const e of def.reportExports) expect(exportKinds, e).toContain(e)
    expect(def.routers.length + def.procedures.length, 'owns no procedure').toBeGreaterThan(0)
  })

  it('never takes a procedure that must work before or without a company’s settings', () => {
    for (const p of [...PUBLIC_PROCEDURES, 'auth.me', 'company.modules', 'company.saveModules'])
      expect(moduleOfCall(p), p).toBeNull()
  })
})

it('every procedure of a module goes through procedure(), where the switch is checked', () => {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: { permission?: string; portal?: string } } }
  >
  const ofModules = paths.filter((p) => moduleOfCall(p) !== null || p === 'reports.export')
  expect(ofModules.length).toBeGreaterThan(10)
  for (const p of ofModules) {
    // The customer portal's own procedures check the switch of the portal's company themselves
    // (a customer has no staff session): with the portal session, or before a public one.
    if (procedures[p]!._def.meta?.portal) continue
    expect(procedures[p]!._def.meta?.permission, p).toBeTruthy()
  }
})

it('no procedure belongs to two modules', () => {
  const owners = new Map<string, string>()
  for (const key of MODULE_KEYS) {
    const def: ModuleDef = MODULES[key]
    for (const p of paths.filter(
      (path) => def.routers.includes(path.split('.')[0]!) || def.procedures.includes(path),
    )) {
      expect(owners.get(p), p).toBeUndefined()
      owners.set(p, key)
    }
  }
})

it('the daily reports stay outside Laporan lanjutan; the analysis ones are in it', () => {
  for (const p of ['reports.payments', 'reports.receivables', 'reports.invoicedVsCollected'])
    expect(moduleOfCall(p), p).toBeNull()
  expect(moduleOfCall('reports.customerPayments')).toBeNull()
  expect(moduleOfCall('dashboard.summary')).toBeNull()
  for (const p of ['reports.revenueTrend', 'reports.customers', 'reports.invoices'])
    expect(moduleOfCall(p), p).toBe('advancedReports')
  expect(moduleOfCall('reports.export', { request: { report: 'payments' } })).toBeNull()
  expect(moduleOfCall('reports.export', { request: { report: 'invoices' } })).toBe(
    'advancedReports',
  )
  expect(moduleOfCall('hotspot.sell')).toBe('hotspot')
})
