import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { addCharge } from '../billing'
import { billingFixture } from '../billing/testing'
import { createProduct } from '../catalog'
import { pdfText } from '../documents'
import { recordPayment, reversePayment } from '../payments'
import {
  exportReport,
  invoicedVsCollected,
  paymentsReport,
  periodInvoices,
  receivablesByCustomer,
  receivablesByInvoice,
  revenueReport,
} from '.'

type Fixture = Awaited<ReturnType<typeof billingFixture>>
const d = calendarDate
/** 10:00 WIB on a day: what the cashier's clock says when a payment is taken. */
const on = (f: Fixture, date: string) => f.clock.set(`${date}T03:00:00Z`)

const pay = (
  f: Fixture,
  customerId: number,
  amount: number,
  method: 'cash' | 'transfer' = 'cash',
) =>
  recordPayment(
    f.deps,
    f.actor,
    {
      customerId,
      amount,
      method,
      reference:
        method === 'cash' ? null : `TRF-${customerId}-${amount}-${f.clock.now().getTime()}`,
      invoiceId: null,
      notes: null,
    },
    f.tz,
  )

/** Receivables of `asOf` with today = the clock's day (as the API and CLI call it). */
const aging = (f: Fixture, asOf: string, today = '2026-03-31') =>
  receivablesByCustomer(f.db, f.companyId, { asOf: d(asOf), today: d(today) })

/** One customer on Rumah 10 Mbps billed for January 2026: INV issued 01-01, due 01-11. */
async function januaryInvoice() {
  const f = await billingFixture()
  const c = await f.customer('Budi Santoso')
  await f.run('2026-01', '2026-01-01')
  const [invoice] = await f.invoicesOf(c.customerId)
  return { f, c, invoice: invoice! }
}

describe('receivables as of a date (BILLING.md rule 31)', () => {
  it('puts an invoice due 2026-01-11, unpaid on 2026-01-20, in 8–14 days (9 days overdue)', async () => {
    const { f, invoice } = await januaryInvoice()
    expect(invoice.due_date).toBe('2026-01-11')
    expect(invoice.total).toBe(150_000)
    const detail = await receivablesByInvoice(f.db, f.companyId, {
      asOf: d('2026-01-20'),
      today: d('2026-01-20'),
    })
    expect(detail.invoices).toEqual([
      expect.objectContaining({
        number: invoice.number,
        daysOverdue: 9,
        bucket: 'd8_14',
        balance: 150_000,
      }),
    ])
    expect(detail.buckets).toEqual({
      current: 0,
      d1_7: 0,
      d8_14: 150_000,
      d15_30: 0,
      d31_60: 0,
      over_60: 0,
    })
  })

  it('moves the invoice through the buckets at their edges (0, 7, 8, 14, 15, 30, 31, 60, 61 days)', async () => {
    const { f } = await januaryInvoice()
    const bucketOn = async (asOf: string) => {
      const r = await aging(f, asOf)
      return Object.entries(r.buckets).find(([, v]) => v > 0)?.[0]
    }
    expect(await bucketOn('2026-01-11')).toBe('current')
    expect(await bucketOn('2026-01-18')).toBe('d1_7')
    expect(await bucketOn('2026-01-19')).toBe('d8_14')
    expect(await bucketOn('2026-01-25')).toBe('d8_14')
    expect(await bucketOn('2026-01-26')).toBe('d15_30')
    expect(await bucketOn('2026-02-10')).toBe('d15_30')
    expect(await bucketOn('2026-02-11')).toBe('d31_60')
    expect(await bucketOn('2026-03-12')).toBe('d31_60')
    expect(await bucketOn('2026-03-13')).toBe('over_60')
  })

  it('does not list an invoice issued after the as-of date', async () => {
    const { f } = await januaryInvoice()
    const r = await aging(f, '2025-12-31')
    expect(r.customers).toEqual([])
    expect(r.total).toBe(0)
  })

  it('leaves the remainder of a partial payment in the bucket of its due date', async () => {
    const { f, c } = await januaryInvoice()
    on(f, '2026-01-05')
    await pay(f, c.customerId, 50_000)
    const r = await aging(f, '2026-01-20')
    expect(r.customers).toEqual([
      expect.objectContaining({ code: c.code, invoices: 1, total: 100_000 }),
    ])
    expect(r.customers[0]!.buckets.d8_14).toBe(100_000)
    expect(r.total).toBe(100_000)
  })

  it('does not reduce the balance as of a date by a payment received after it', async () => {
    const { f, c } = await januaryInvoice()
    on(f, '2026-01-25')
    await pay(f, c.customerId, 150_000)
    expect((await aging(f, '2026-01-20')).total).toBe(150_000)
    expect((await aging(f, '2026-01-24')).total).toBe(150_000)
    expect((await aging(f, '2026-01-25')).customers).toEqual([])
    // As of today (the fast path on invoices_open_idx) it is paid too.
    expect((await aging(f, '2026-01-25', '2026-01-25')).customers).toEqual([])
  })

  it('counts a reversed payment until its reversal date, not from it', async () => {
    const { f, c } = await januaryInvoice()
    on(f, '2026-01-05')
    const p = await pay(f, c.customerId, 150_000)
    on(f, '2026-01-15')
    await reversePayment(f.deps, f.actor, { paymentId: p.paymentId, reason: 'Salah input' }, f.tz)
    expect((await aging(f, '2026-01-04')).total).toBe(150_000)
    expect((await aging(f, '2026-01-10')).total).toBe(0)
    expect((await aging(f, '2026-01-14')).total).toBe(0)
    const onReversal = await aging(f, '2026-01-15')
    expect(onReversal.total).toBe(150_000)
    expect(onReversal.buckets.d1_7).toBe(150_000)
    expect((await aging(f, '2026-01-20', '2026-01-20')).buckets.d8_14).toBe(150_000)
  })

  it('answers as of today the same from the cached state as from the allocations', async () => {
    const f = await billingFixture()
    const a = await f.customer('Ani')
    const b = await f.customer('Bayu', { productId: f.p20.id })
    await f.customer('Citra')
    await f.run('2026-01', '2026-01-01')
    await f.run('2026-02', '2026-02-01')
    on(f, '2026-02-03')
    await pay(f, a.customerId, 200_000)
    const p = await pay(f, b.customerId, 200_000)
    on(f, '2026-02-20')
    await reversePayment(f.deps, f.actor, { paymentId: p.paymentId, reason: 'Cek kosong' }, f.tz)
    const fast = await aging(f, '2026-02-20', '2026-02-20')
    const replayed = await aging(f, '2026-02-20', '2026-02-21')
    expect(fast).toEqual(replayed)
    // Bayu owes two months of Rp200.000, Citra two of Rp150.000, Ani Rp100.000 of February.
    expect(fast.customers.map((c) => [c.name, c.invoices, c.total])).toEqual([
      ['Bayu', 2, 400_000],
      ['Citra', 2, 300_000],
      ['Ani', 1, 100_000],
    ])
    expect(fast.buckets).toMatchObject({ d8_14: 450_000, d31_60: 350_000 })
    expect(fast.total).toBe(800_000)
    expect(fast.invoices).toBe(5)
  })
})

describe('invoiced vs collected per period', () => {
  it('sums each period’s invoices with what was paid on them, and the collection rate', async () => {
    const f = await billingFixture()
    const a = await f.customer('Ani')
    await f.customer('Bayu', { productId: f.p20.id })
    await f.run('2026-01', '2026-01-01')
    await f.run('2026-02', '2026-02-01')
    on(f, '2026-02-05')
    // Oldest first: January's Rp150.000 and Rp50.000 of February.
    await pay(f, a.customerId, 200_000)
    const r = await invoicedVsCollected(f.db, f.companyId, { from: '2025-12', to: '2026-02' })
    expect(r.periods).toEqual([
      { period: '2025-12', invoices: 0, invoiced: 0, collected: 0, outstanding: 0, rate: null },
      {
        period: '2026-01',
        invoices: 2,
        invoiced: 350_000,
        collected: 150_000,
        outstanding: 200_000,
        rate: 42.9,
      },
      {
        period: '2026-02',
        invoices: 2,
        invoiced: 350_000,
        collected: 50_000,
        outstanding: 300_000,
        rate: 14.3,
      },
    ])
    expect(r.totals).toEqual({
      invoices: 4,
      invoiced: 700_000,
      collected: 200_000,
      outstanding: 500_000,
      rate: 28.6,
    })
  })

  it('refuses a range that ends before it starts', async () => {
    const f = await billingFixture()
    await expect(
      invoicedVsCollected(f.db, f.companyId, { from: '2026-03', to: '2026-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('payments by method and cashier', () => {
  it('sums kept payments per method and cashier and lists reversed ones apart', async () => {
    const f = await billingFixture()
    const a = await f.customer('Ani')
    const b = await f.customer('Bayu')
    await f.run('2026-01', '2026-01-01')
    on(f, '2026-01-03')
    await pay(f, a.customerId, 150_000)
    on(f, '2026-01-04')
    await pay(f, b.customerId, 100_000, 'transfer')
    const wrong = await pay(f, b.customerId, 50_000)
    await reversePayment(f.deps, f.actor, { paymentId: wrong.paymentId, reason: 'Dobel' }, f.tz)
    on(f, '2026-01-09')
    await pay(f, b.customerId, 50_000)

    const r = await paymentsReport(f.db, f.companyId, {
      from: d('2026-01-01'),
      to: d('2026-01-04'),
    })
    expect(r.byMethod).toEqual([
      { method: 'cash', count: 1, amount: 150_000 },
      { method: 'transfer', count: 1, amount: 100_000 },
    ])
    expect(r.byCashier).toEqual([
      { userId: f.actor.userId, username: 'owner', name: 'Pemilik', count: 2, amount: 250_000 },
    ])
    expect(r.total).toEqual({ count: 2, amount: 250_000 })
    expect(r.reversed).toEqual({ count: 1, amount: 50_000 })
    const all = await paymentsReport(f.db, f.companyId, {
      from: d('2026-01-01'),
      to: d('2026-01-31'),
    })
    expect(all.total).toEqual({ count: 3, amount: 300_000 })
  })
})

describe('revenue by product and service type', () => {
  it('reports internet and cable TV apart, and lines without a product as Biaya lain', async () => {
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
    const a = await f.customer('Ani')
    await f.customer('Bayu', { productId: f.p20.id })
    await f.customer('Citra', { productId: tv.id })
    await addCharge(
      f.deps,
      f.actor,
      {
        customerId: a.customerId,
        serviceId: null,
        description: 'Pindah lokasi',
        amount: 75_000,
        invoiceNow: false,
      },
      f.tz,
    )
    await f.run('2026-01', '2026-01-01')
    await f.run('2026-02', '2026-02-01')
    const r = await revenueReport(f.db, f.companyId, { from: '2026-01', to: '2026-02' })
    expect(r.groups).toEqual([
      {
        group: 'broadband',
        rows: [
          expect.objectContaining({
            name: 'Rumah 20 Mbps',
            serviceType: 'pppoe',
            lines: 2,
            amount: 400_000,
          }),
          expect.objectContaining({
            name: 'Rumah 10 Mbps',
            serviceType: 'pppoe',
            lines: 2,
            amount: 300_000,
          }),
        ],
        subtotal: 700_000,
      },
      {
        group: 'cable_tv',
        rows: [expect.objectContaining({ name: 'TV Kabel 80 Kanal', lines: 2, amount: 100_000 })],
        subtotal: 100_000,
      },
      {
        group: 'other',
        rows: [expect.objectContaining({ productId: null, name: 'Biaya lain', amount: 75_000 })],
        subtotal: 75_000,
      },
    ])
    expect(r.total).toBe(875_000)
    const january = await revenueReport(f.db, f.companyId, { from: '2026-01', to: '2026-01' })
    expect(january.total).toBe(475_000)
  })
})

describe('invoices of a period', () => {
  it('lists each invoice with what was paid, what is left and its payment status', async () => {
    const { f, c, invoice } = await januaryInvoice()
    const other = await f.customer('Bayu', { productId: f.p20.id })
    on(f, '2026-01-02')
    await f.run('2026-01', '2026-01-02')
    on(f, '2026-01-05')
    await pay(f, c.customerId, 40_000)
    const r = await periodInvoices(f.db, f.companyId, { period: '2026-01' })
    expect(r.invoices.map((i) => [i.customerCode, i.total, i.paid, i.balance, i.status])).toEqual([
      [c.code, 150_000, 40_000, 110_000, 'sebagian'],
      [other.code, 200_000, 0, 200_000, 'belum_bayar'],
    ])
    expect(r.invoices[0]!.number).toBe(invoice.number)
    expect(r).toMatchObject({ total: 350_000, paid: 40_000, balance: 310_000 })
  })
})

describe('report export', () => {
  it('writes receivables to Excel with buckets as money columns and a totals row', async () => {
    const { f, c } = await januaryInvoice()
    on(f, '2026-01-05')
    await pay(f, c.customerId, 50_000)
    const file = await exportReport(
      f.db,
      f.companyId,
      { report: 'receivables', params: { asOf: d('2026-01-20') } },
      'xlsx',
      { now: f.clock.now(), today: d('2026-01-20'), timeZone: f.tz },
    )
    expect(file.fileName).toBe('piutang-2026-01-20.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.data as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('Piutang per pelanggan')
    expect(sheet.getCell('A2').value).toBe('Per 20 Jan 2026')
    const header = (sheet.getRow(5).values as unknown[]).slice(1)
    expect(header).toEqual([
      'ID pelanggan',
      'Nama',
      'Area',
      'Telepon',
      'Tagihan',
      'Belum jatuh tempo',
      '1–7 hari',
      '8–14 hari',
      '15–30 hari',
      '31–60 hari',
      '> 60 hari',
      'Total',
    ])
    expect(sheet.getRow(6).getCell(1).value).toBe(c.code)
    expect(sheet.getRow(6).getCell(8).value).toBe(100_000)
    expect(sheet.getRow(7).getCell(1).value).toBe('Total')
    expect(sheet.getRow(7).getCell(12).value).toBe(100_000)
  })

  it('prints the invoices of a period to PDF with their totals', async () => {
    const { f, invoice } = await januaryInvoice()
    const file = await exportReport(
      f.db,
      f.companyId,
      { report: 'invoices', params: { period: '2026-01' } },
      'pdf',
      { now: f.clock.now(), today: d('2026-01-20'), timeZone: f.tz },
    )
    expect(file.fileName).toBe('tagihan-2026-01.pdf')
    const text = pdfText(file.data)
    expect(text).toContain('Daftar tagihan')
    expect(text).toContain('Periode Januari 2026')
    expect(text).toContain(invoice.number!)
    expect(text).toContain(formatRupiah(150_000))
    expect(text).toContain('Belum bayar')
  })
})
