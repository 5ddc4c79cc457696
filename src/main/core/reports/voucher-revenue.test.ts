import { describe, expect, it } from 'vitest'
import { companyFixture } from '../testing'
import { revenueReport } from '.'

/** A router, a Rp 5.000 profile and a batch of 20 vouchers, as the hotspot pages leave them. */
async function voucherBatch() {
  const f = await companyFixture()
  const at = '2026-11-22T03:00:00Z'
  const router = await f.db
    .insertInto('routers')
    .values({
      company_id: f.companyId,
      name: 'RB Pusat',
      host: '127.0.0.1',
      port: 8728,
      tls: 0,
      username: 'admin',
      password_sealed: 'x',
      area_id: null,
      pop_id: null,
      notes: null,
      identity: null,
      version: null,
      board: null,
      last_seen_at: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const profile = await f.db
    .insertInto('hotspot_profiles')
    .values({
      company_id: f.companyId,
      router_id: router.id,
      name: '1hari',
      rate_limit: '2M/2M',
      validity: '1d',
      price: 5000,
      dns_name: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const batch = await f.db
    .insertInto('hotspot_batches')
    .values({
      company_id: f.companyId,
      router_id: router.id,
      profile_id: profile.id,
      count: 20,
      length: 6,
      charset: 'numeric',
      mode: 'voucher',
      price: 5000,
      validity: '1d',
      note: null,
      created_by: f.ownerId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const sell = (date: string, count: number) =>
    f.db
      .insertInto('hotspot_sales')
      .values({
        company_id: f.companyId,
        batch_id: batch.id,
        count,
        unit_price: 5000,
        amount: count * 5000,
        sale_date: date,
        cashier_id: f.ownerId,
        cashier_name: 'Pemilik',
        note: null,
        created_at: at,
      })
      .execute()
  return { f, sell }
}

describe('revenue includes hotspot voucher sales', () => {
  it('10 + 4 vouchers sold in November at Rp 5.000 are Rp 70.000 of Voucher hotspot under Internet', async () => {
    const { f, sell } = await voucherBatch()
    await sell('2026-11-01', 10)
    await sell('2026-11-30', 4)
    await sell('2026-12-01', 6)
    const november = await revenueReport(f.db, f.companyId, { from: '2026-11', to: '2026-11' })
    expect(november.groups).toEqual([
      {
        group: 'broadband',
        rows: [
          {
            productId: null,
            name: 'Voucher hotspot',
            serviceType: 'hotspot',
            lines: 2,
            amount: 70_000,
          },
        ],
        subtotal: 70_000,
      },
    ])
    expect(november.total).toBe(70_000)
    const both = await revenueReport(f.db, f.companyId, { from: '2026-11', to: '2026-12' })
    expect(both.total).toBe(100_000)
  })

  it('no sale in the periods: no voucher row', async () => {
    const { f, sell } = await voucherBatch()
    await sell('2026-10-31', 3)
    const november = await revenueReport(f.db, f.companyId, { from: '2026-11', to: '2026-11' })
    expect(november.groups).toEqual([])
    expect(november.total).toBe(0)
  })
})
