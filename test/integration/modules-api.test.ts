import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runDeviceQueue } from '@core/network'
import { startRouterSim } from '../sim/routeros'
import {
  apiCode,
  companyOwner,
  hotspotBatch,
  startTestHost,
  type TestHost,
  twoBilledCustomers,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

let host: TestHost
let owner: ReturnType<TestHost['client']>
let ownerToken: string
beforeEach(async () => {
  // Router jobs of the voucher batch stay queued: no router answers in this test.
  host = await startTestHost(undefined, undefined, { deviceWorker: false })
  ;({ owner, ownerToken } = await companyOwner(host))
})
afterEach(async () => {
  await host.stop()
})

/** 3 vouchers on a router never reached unless a port is given. */
const vouchers = (port?: number) => hotspotBatch(owner, { port, count: 3 })

describe('module switches over the HTTP API', () => {
  it('every module is on for a company that never saved them', async () => {
    expect(await owner.company.modules.query()).toEqual({
      hotspot: true,
      advancedReports: true,
      tickets: true,
      warehouse: true,
      oltAcs: true,
    })
    expect((await owner.auth.me.query()).modules).toEqual({
      hotspot: true,
      advancedReports: true,
      tickets: true,
      warehouse: true,
      oltAcs: true,
    })
  })

  it('hotspot off: its procedures answer MODULE_DISABLED; on again, the vouchers are all there', async () => {
    const { batch } = await vouchers()
    const before = await owner.hotspot.batch.query({ id: batch.id })

    expect(await owner.company.saveModules.mutate({ hotspot: false })).toEqual({
      hotspot: false,
      advancedReports: true,
      tickets: true,
      warehouse: true,
      oltAcs: true,
    })
    expect(await apiCode(owner.hotspot.batches.query())).toBe('MODULE_DISABLED')
    expect(await apiCode(owner.hotspot.profiles.query())).toBe('MODULE_DISABLED')
    expect(await apiCode(owner.hotspot.batch.query({ id: batch.id }))).toBe('MODULE_DISABLED')
    // The rest of the office works as before.
    expect(await apiCode(owner.customers.list.query({}))).toBe('ok')
    expect(await apiCode(owner.dashboard.summary.query())).toBe('ok')
    expect((await owner.auth.me.query()).modules.hotspot).toBe(false)

    await owner.company.saveModules.mutate({ hotspot: true })
    const batches = await owner.hotspot.batches.query()
    expect(batches.map((b) => b.id)).toEqual([batch.id])
    expect(await owner.hotspot.batch.query({ id: batch.id })).toEqual(before)
  })

  it('router jobs queued before hotspot was switched off still reach the router', async () => {
    const sim = await startRouterSim({ port: 0 })
    try {
      const { batch } = await vouchers(sim.port)
      await owner.company.saveModules.mutate({ hotspot: false })
      const run = await runDeviceQueue(host.services)
      expect(run.applied).toBeGreaterThan(0)
      expect(sim.state.table('/ip/hotspot/user')).toHaveLength(3)
      await owner.company.saveModules.mutate({ hotspot: true })
      expect((await owner.hotspot.batch.query({ id: batch.id })).batch.push).toBe('terkirim')
    } finally {
      await sim.close()
    }
  })

  it('advanced reports off: the analysis reports refuse, payments and receivables still answer', async () => {
    await twoBilledCustomers(owner)
    await owner.company.saveModules.mutate({ advancedReports: false })
    const month = { from: '2026-11', to: '2026-11' }
    expect(await apiCode(owner.reports.revenueTrend.query({}))).toBe('MODULE_DISABLED')
    expect(await apiCode(owner.reports.customers.query(month))).toBe('MODULE_DISABLED')
    expect(await apiCode(owner.reports.revenue.query(month))).toBe('MODULE_DISABLED')
    expect(await apiCode(owner.reports.invoices.query({ period: '2026-11' }))).toBe(
      'MODULE_DISABLED',
    )
    expect(
      await apiCode(
        owner.reports.export.mutate({
          request: { report: 'revenueTrend', params: {} },
          format: 'xlsx',
        }),
      ),
    ).toBe('MODULE_DISABLED')

    const payments = await owner.reports.payments.query({ from: '2026-11-01', to: '2026-11-22' })
    expect(payments).toBeTruthy()
    expect(await apiCode(owner.reports.receivables.query({}))).toBe('ok')
    expect(await apiCode(owner.reports.invoicedVsCollected.query(month))).toBe('ok')
    expect(
      await apiCode(
        owner.reports.export.mutate({
          request: { report: 'payments', params: { from: '2026-11-01', to: '2026-11-22' } },
          format: 'xlsx',
        }),
      ),
    ).toBe('ok')
    // The Dasbor is not part of the module.
    expect((await owner.dashboard.summary.query()).billing).toBeTruthy()

    await owner.company.saveModules.mutate({ advancedReports: true })
    expect(await apiCode(owner.reports.revenueTrend.query({}))).toBe('ok')
  })

  it('the error names the module in words the office reads', async () => {
    await owner.company.saveModules.mutate({ hotspot: false })
    try {
      await owner.hotspot.batches.query()
      expect.unreachable()
    } catch (error) {
      const data = (error as { data: { httpStatus: number; error: unknown } }).data
      expect(data.httpStatus).toBe(403)
      expect(data.error).toEqual({
        code: 'MODULE_DISABLED',
        messageKey: 'errors.MODULE_DISABLED',
        details: { module: 'hotspot', name: 'Hotspot', nameEn: 'Hotspot' },
      })
    }
  })

  it('a cashier or a technician reads the switches but cannot change them', async () => {
    const cashier = await signInAs(host, ownerToken, 'admin_billing', 'kasir')
    const tech = await signInAs(host, ownerToken, 'technician', 'teknisi')
    expect((await cashier.company.modules.query()).hotspot).toBe(true)
    expect(await apiCode(cashier.company.saveModules.mutate({ hotspot: false }))).toBe('FORBIDDEN')
    expect(await apiCode(tech.company.saveModules.mutate({ advancedReports: false }))).toBe(
      'FORBIDDEN',
    )
    expect(await owner.company.modules.query()).toEqual({
      hotspot: true,
      advancedReports: true,
      tickets: true,
      warehouse: true,
      oltAcs: true,
    })
  })

  it('each change is audited with its before and after; saving the same state adds nothing', async () => {
    await owner.company.saveModules.mutate({ hotspot: false })
    await owner.company.saveModules.mutate({ hotspot: false })
    await owner.company.saveModules.mutate({ hotspot: true, advancedReports: false })
    const { entries } = await owner.audit.list.query({ action: 'company.modules' })
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [
        { hotspot: false, advancedReports: true },
        { hotspot: true, advancedReports: false },
      ],
      [{ hotspot: true }, { hotspot: false }],
    ])
    expect(await apiCode(owner.company.saveModules.mutate({ tiket: true } as never))).toBe(
      'VALIDATION',
    )
  })
})
