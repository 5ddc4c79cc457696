import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { billingFixture } from '../billing/testing'
import { engineOf } from './engine'

// Migration 202612050101: on PostgreSQL the foreign keys of invoices, invoice_lines and
// billed_periods are checked once per statement by triggers, not row by row. The rules stay
// those of a foreign key, on either engine (SQLite keeps its declared ones).
const refused = /FOREIGN KEY constraint failed|names a missing|still named by/

async function billed() {
  const f = await billingFixture('2026-12-01T03:00:00Z')
  const a = await f.customer('Ani Lestari')
  const b = await f.customer('Budi Santoso')
  await f.run('2026-12', '2026-12-01')
  const [invoice] = await f.invoicesOf(a.customerId)
  return { ...f, a, b, invoice: invoice! }
}

describe('the invoice tables keep their references', () => {
  it('refuses a line that names a missing invoice', async () => {
    const f = await billed()
    await expect(
      f.db
        .insertInto('invoice_lines')
        .values({
          invoice_id: 999_999,
          kind: 'recurring',
          description: 'Paket 10 Mbps',
          amount: 150_000,
          sort: 0,
        })
        .execute(),
    ).rejects.toThrow(refused)
  })

  it('refuses a whole statement of many rows when one names a missing service', async () => {
    const f = await billed()
    await expect(
      f.db
        .insertInto('billed_periods')
        .values([
          {
            service_id: f.b.serviceId,
            period_start: '2027-01-01',
            period_end: '2027-01-31',
            invoice_id: f.invoice.id,
          },
          {
            service_id: 999_999,
            period_start: '2027-01-01',
            period_end: '2027-01-31',
            invoice_id: f.invoice.id,
          },
        ])
        .execute(),
    ).rejects.toThrow(refused)
    const rows = await f.db
      .selectFrom('billed_periods')
      .select('service_id')
      .where('period_start', '=', '2027-01-01')
      .execute()
    expect(rows).toEqual([])
  })

  it('refuses changing a reference to a row that does not exist', async () => {
    const f = await billed()
    await expect(
      f.db
        .updateTable('billed_periods')
        .set({ invoice_id: 999_999 })
        .where('invoice_id', '=', f.invoice.id)
        .execute(),
    ).rejects.toThrow(refused)
  })

  it('refuses deleting a billing run its invoices still name', async () => {
    const f = await billed()
    await expect(
      f.db.deleteFrom('billing_runs').where('id', '=', f.invoice.run_id!).execute(),
    ).rejects.toThrow(refused)
    const runs = await f.db.selectFrom('billing_runs').select('id').execute()
    expect(runs).toHaveLength(1)
  })

  it('lets a run write rows that name what exists, and an unreferenced row go', async () => {
    const f = await billed()
    const lines = await f.linesOf(f.invoice.id)
    expect(lines).toHaveLength(1)
    const run = await f.db
      .insertInto('billing_runs')
      .values({
        company_id: f.companyId,
        period: '2027-01',
        as_of: '2027-01-01',
        status: 'failed',
        invoices: 0,
        total: 0,
        skipped_json: '[]',
        started_at: '2027-01-01T03:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await f.db.deleteFrom('billing_runs').where('id', '=', run.id).execute()
  })

  it('on PostgreSQL, leaves these rules to the statement triggers alone (no row-by-row keys)', async () => {
    const f = await billed()
    if (engineOf(f.db) !== 'postgres') return
    const declared = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_constraint
      WHERE contype = 'f'
        AND conrelid IN ('invoices'::regclass, 'invoice_lines'::regclass, 'billed_periods'::regclass)`.execute(
      f.db,
    )
    expect(declared.rows[0]!.n).toBe(0)
  })
})
