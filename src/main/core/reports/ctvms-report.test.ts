import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { billingFixture } from '../billing/testing'
import { createProduct } from '../catalog'
import { pdfText } from '../documents'
import { recordPayment } from '../payments'
import { exportReport } from './export'
import { periodInvoices, type InvoiceSelection } from './invoices-report'

/** Ani (internet, 150.000) paid January in full; Dewi (TV kabel, 50.000) did not. */
async function internetAndTv() {
  const f = await billingFixture()
  const tv = await createProduct(
    f.deps,
    f.actor,
    {
      name: 'TV Kabel 80 Kanal',
      serviceType: 'cable_tv',
      monthlyPrice: 50_000,
      billingMode: 'prepaid',
      downloadMbps: null,
      uploadMbps: null,
      routerProfile: null,
      dataCapGb: null,
      fupNote: null,
      taxable: false,
    },
    f.tz,
  )
  const ani = await f.customer('Ani')
  await f.customer('Dewi', { productId: tv.id })
  await f.run('2026-01', '2026-01-01')
  f.clock.set('2026-01-05T03:00:00Z')
  await recordPayment(
    f.deps,
    f.actor,
    {
      customerId: ani.customerId,
      amount: 150_000,
      method: 'cash',
      reference: null,
      invoiceId: null,
      notes: null,
    },
    f.tz,
  )
  return f
}

const names = async (f: Awaited<ReturnType<typeof billingFixture>>, s: InvoiceSelection) =>
  (await periodInvoices(f.db, f.companyId, { period: '2026-01', ...s })).invoices.map(
    (i) => i.customerName,
  )

describe('the payment report by month, paid or unpaid, internet or TV kabel (seed 003)', () => {
  it('sorts the month’s invoices into paid and unpaid for each service type', async () => {
    const f = await internetAndTv()
    expect(await names(f, { paidFilter: 'paid', serviceGroup: 'broadband' })).toEqual(['Ani'])
    expect(await names(f, { paidFilter: 'unpaid', serviceGroup: 'cable_tv' })).toEqual(['Dewi'])
    expect(await names(f, { paidFilter: 'unpaid', serviceGroup: 'broadband' })).toEqual([])
    expect(await names(f, { paidFilter: 'paid', serviceGroup: 'cable_tv' })).toEqual([])
    expect((await names(f, {})).sort()).toEqual(['Ani', 'Dewi'])
  })

  it('prints to PDF saying which month, which payments and which service it lists', async () => {
    const f = await internetAndTv()
    const file = await exportReport(
      f.db,
      f.companyId,
      {
        report: 'invoices',
        params: { period: '2026-01', paidFilter: 'unpaid', serviceGroup: 'cable_tv' },
      },
      'pdf',
      { now: f.clock.now(), today: calendarDate('2026-01-05'), timeZone: f.tz },
    )
    const text = pdfText(file.data)
    expect(text).toContain('Periode Januari 2026')
    expect(text).toContain('Belum lunas')
    expect(text).toContain('TV kabel')
    expect(text).toContain('Dewi')
    expect(text).not.toContain('Ani')
  })
})
