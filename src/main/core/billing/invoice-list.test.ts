import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { recordPayment } from '../payments'
import { receivablesByCustomer, receivablesByInvoice } from '../reports'
import { createDraftInvoice, voidInvoice } from './invoice-actions'
import { listInvoices } from './invoice-list'
import { billingFixture } from './testing'

const TODAY = calendarDate('2026-12-04')

/**
 * The report's situation: on 4 Dec the December run numbers every invoice of the period, and
 * anniversary billing dates them through the month. Ani (billing day 1) and Budi (anniversary
 * on the 2nd) are issued; Citra (10th) and Dedi (31st) are not yet. November is billed too:
 * Ani paid hers, Budi's was voided; Budi also has a one-time draft that was never issued.
 */
async function december() {
  const f = await billingFixture('2026-12-04T03:00:00Z')
  const ani = await f.customer('Ani', { activation: '2026-10-01', billingDay: 1 })
  const budi = await f.customer('Budi', { activation: '2026-10-02', billingDay: 'anniversary' })
  const citra = await f.customer('Citra', { activation: '2026-10-10', billingDay: 'anniversary' })
  const dedi = await f.customer('Dedi', { activation: '2026-10-31', billingDay: 'anniversary' })
  await f.run('2026-11', '2026-12-04')
  await f.run('2026-12', '2026-12-04')
  await recordPayment(
    f.deps,
    f.actor,
    {
      customerId: ani.customerId,
      amount: (await f.invoicesOf(ani.customerId))[0]!.total,
      method: 'cash',
      reference: null,
      invoiceId: null,
      notes: null,
    },
    f.tz,
  )
  const [budiNov] = await f.invoicesOf(budi.customerId)
  await voidInvoice(f.deps, f.actor, { invoiceId: budiNov!.id, reason: 'Salah paket' })
  await createDraftInvoice(
    f.deps,
    f.actor,
    { customerId: budi.customerId, lines: [{ description: 'Kabel tambahan', amount: 50_000 }] },
    f.tz,
  )
  const list = (filter: Partial<Parameters<typeof listInvoices>[2]> = {}) =>
    listInvoices(f.db, f.companyId, { cursor: 0, limit: 100, ...filter }, TODAY)
  return { f, ani, budi, citra, dedi, list }
}

describe('invoices dated after today are "terbit nanti"', () => {
  it('the list and its totals stop at today by default, and name what is left out', async () => {
    const { f, citra, dedi, list } = await december()
    const [citraDec] = (await f.invoicesOf(citra.customerId)).filter((i) => i.period === '2026-12')
    const [dediDec] = (await f.invoicesOf(dedi.customerId)).filter((i) => i.period === '2026-12')
    expect([citraDec!.issue_date, dediDec!.issue_date]).toEqual(['2026-12-10', '2026-12-31'])

    const shown = await list()
    expect(shown.issue).toBe('issued')
    expect(shown.rows.every((r) => r.issueDate <= TODAY && !r.upcoming)).toBe(true)
    expect(shown.rows.map((r) => r.id)).not.toContain(citraDec!.id)
    expect(shown.upcoming).toEqual({
      count: 2,
      total: citraDec!.total + dediDec!.total,
      balance: citraDec!.total + dediDec!.total,
    })
  })

  it('"terbit nanti" lists only those, flagged; "semua" lists everything, latest issue date first', async () => {
    const { f, citra, dedi, list } = await december()
    const upcoming = await list({ issue: 'upcoming' })
    expect(upcoming.rows.map((r) => [r.customerName, r.issueDate, r.upcoming])).toEqual([
      ['Dedi', '2026-12-31', true],
      ['Citra', '2026-12-10', true],
    ])
    expect({ count: upcoming.count, total: upcoming.total }).toEqual({
      count: upcoming.upcoming.count,
      total: upcoming.upcoming.total,
    })

    const all = await list({ issue: 'all' })
    const issuedOnly = await list()
    expect(all.rows.slice(0, 2).map((r) => r.customerName)).toEqual(['Dedi', 'Citra'])
    expect(all.total).toBe(issuedOnly.total + upcoming.total)
    expect(all.matched).toBe(issuedOnly.matched + upcoming.matched)
    // The other filters still apply: December only, and Citra alone.
    const citraOnly = await list({ issue: 'all', customerId: citra.customerId, period: '2026-12' })
    expect(citraOnly.rows).toHaveLength(1)
    expect(citraOnly.upcoming.count).toBe(1)
    expect((await f.invoicesOf(dedi.customerId)).map((i) => i.period)).toEqual([
      '2026-11',
      '2026-12',
    ])
  })

  it('drafts and void invoices are listed but not in the totals', async () => {
    const { list } = await december()
    const shown = await list()
    expect(shown.rows.find((r) => r.status === 'draft')).toMatchObject({ total: 50_000 })
    expect(shown.rows.find((r) => r.status === 'void')).toMatchObject({ customerName: 'Budi' })
    expect(shown.matched).toBe(shown.count + 2)
    const counted = shown.rows.filter((r) => r.status === 'issued')
    expect(shown.total).toBe(counted.reduce((s, r) => s + r.total, 0))
  })

  it('Tagihan without filters and Piutang as of today agree, and leave out the same invoices', async () => {
    const { f, list } = await december()
    const tagihan = await list()
    const params = { asOf: TODAY, today: TODAY }
    const piutang = await receivablesByCustomer(f.db, f.companyId, params)
    expect(tagihan.total - tagihan.paid).toBe(piutang.total)
    expect(piutang.upcoming).toEqual(tagihan.upcoming)
    expect((await receivablesByInvoice(f.db, f.companyId, params)).upcoming).toEqual(
      tagihan.upcoming,
    )
    // As of a day already past, the same invoices are still "terbit nanti" (after today).
    const earlier = await receivablesByCustomer(f.db, f.companyId, {
      asOf: calendarDate('2026-12-01'),
      today: TODAY,
    })
    expect(earlier.upcoming).toEqual(tagihan.upcoming)
  })
})
