import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  OWNER,
  apiCode,
  hotspotBatch,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'
import { startRouterSim, type RouterSim } from '../sim/routeros'
import { databaseHolds } from '../helpers/data-dir'

/**
 * Issue 13 #7: unsold voucher codes are money. Sealed at rest like PPPoE passwords, and shown
 * (batch page, print sheet, live status) only to roles that sell or manage vouchers.
 */
let host: TestHost
let sim: RouterSim
let ownerToken: string
let batchId: number
let codes: { username: string; password: string }[]

beforeAll(async () => {
  sim = await startRouterSim({ port: 0 })
  host = await startTestHost()
  await setupCompany(host)
  ownerToken = (await host.client().auth.login.mutate(OWNER)).token!
  const owner = host.client(ownerToken)
  batchId = (await hotspotBatch(owner, { port: sim.port, count: 5, length: 8, mode: 'voucher' }))
    .batch.id
  codes = (await owner.hotspot.batch.query({ id: batchId })).vouchers.map((v) => ({
    username: v.username!,
    password: v.password!,
  }))
})
afterAll(async () => {
  await host.stop()
  await sim.close()
})

describe('voucher codes', () => {
  it('are sealed at rest: neither the rows nor the database file hold them', async () => {
    expect(codes).toHaveLength(5)
    expect(codes[0]!.username).toMatch(/^NJ[A-Z2-9]{8}$/)
    const rows = await host.services.db.selectFrom('hotspot_vouchers').selectAll().execute()
    for (const r of rows) {
      expect(r.username).toMatch(/^v1:/)
      expect(r.password).toMatch(/^v1:/)
    }
    for (const c of codes) expect(await databaseHolds(host.dataDir, c.username)).toBe(false)
  })

  it('a viewer sees counts and statuses, never a code, and may not print', async () => {
    const viewer = await signInAs(host, ownerToken, 'viewer')
    const detail = await viewer.hotspot.batch.query({ id: batchId })
    expect(detail.batch).toMatchObject({ count: 5, sold: 0, disabled: 0 })
    expect(detail.vouchers).toHaveLength(5)
    expect(detail.vouchers[0]).toMatchObject({ username: null, password: null, sold: false })
    const text = JSON.stringify(detail)
    for (const c of codes) expect(text).not.toContain(c.username)
    expect(await apiCode(viewer.hotspot.printPdf.query({ batchId }))).toBe('FORBIDDEN')
    // The live status from the router names no code either.
    await host.client(ownerToken).hotspot.pushNow.mutate({ batchId })
    const live = await viewer.hotspot.status.query({ batchId })
    expect(live.vouchers.map((v) => v.username)).toEqual(Array(5).fill(null))
    expect(live.vouchers.map((v) => v.state)).toEqual(Array(5).fill('belum_dipakai'))
  })

  it('those who sell or manage vouchers get the codes and the print sheet', async () => {
    const support = await signInAs(host, ownerToken, 'admin_support')
    const detail = await support.hotspot.batch.query({ id: batchId })
    expect(detail.vouchers.map((v) => v.username)).toEqual(codes.map((c) => c.username))
    expect(await apiCode(support.hotspot.printPdf.query({ batchId }))).toBe('ok')
  })
})
