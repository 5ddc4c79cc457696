import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { createProduct } from '../catalog'
import { pdfText, renderInvoicePdf } from '../documents'
import { addService, changePackage, changeServiceStatus } from '../customers'
import { serviceInput } from '../customers/testing'
import { getBillingSettings } from '../settings'
import { usageReport } from '../usage'
import { createCreditNote } from './credit-notes'
import { invoiceDocument } from './invoice-document'
import { voidInvoice } from './invoice-actions'
import { planRun } from './run-plan'
import { runBilling } from './run'
import { billingFixture } from './testing'
import { usageCharge, usageMonth, type UsageService } from './usage'

/**
 * BILLING.md rule 17 in Loket (docs/billing-rules.md 17a–17e): usage is billed in arrears, the
 * run for December bills November's usage (1–30 Nov, the usage report's month), 1 GB = 10^9
 * bytes to the nearest 0.01 GB, GB × price to whole rupiah half up.
 */

type Fixture = Awaited<ReturnType<typeof billingFixture>>

const GB = 1_000_000_000

async function usagePackage(
  f: Fixture,
  name: string,
  o: {
    price: number
    quotaGb?: number
    extraGbPrice?: number
    usageGbPrice?: number
    taxable?: boolean
  },
) {
  return createProduct(
    f.deps,
    f.actor,
    {
      name,
      serviceType: 'pppoe',
      monthlyPrice: o.price,
      billingMode: 'prepaid',
      downloadMbps: 20,
      uploadMbps: 20,
      routerProfile: null,
      dataCapGb: o.quotaGb ?? null,
      fupNote: null,
      taxable: o.taxable ?? false,
      extraGbPrice: o.extraGbPrice ?? null,
      usageGbPrice: o.usageGbPrice ?? null,
    },
    f.tz,
  )
}

/** What the collector stores: bytes per service per day (company time zone). */
async function used(f: Fixture, serviceId: number, day: string, down: number, up = 0) {
  await f.db
    .insertInto('usage_daily')
    .values({
      service_id: serviceId,
      day,
      company_id: f.companyId,
      download_bytes: down,
      upload_bytes: up,
    })
    .execute()
}

const usageLines = async (f: Fixture, customerId: number) => {
  const out = []
  for (const invoice of await f.invoicesOf(customerId)) {
    for (const l of await f.linesOf(invoice.id)) {
      if (l.kind === 'usage') out.push({ invoice: invoice.number, ...l })
    }
  }
  return out
}

/** 100 GB quota, Rp2.000 per GB past it, Rp150.000 a month; customer Budi on it since 2025. */
async function quotaCustomer() {
  const f = await billingFixture('2026-11-01T03:00:00Z')
  const pkg = await usagePackage(f, 'Kuota 100', {
    price: 150_000,
    quotaGb: 100,
    extraGbPrice: 2000,
  })
  const budi = await f.customer('Budi', { productId: pkg.id })
  return { f, pkg, budi }
}

describe('rule 17: usage is billed in arrears from collected counters', () => {
  it('the run for a period bills the calendar month before it, as the usage report counts it', () => {
    expect(usageMonth('2026-12')).toEqual({
      month: '2026-11',
      from: '2026-11-01',
      to: '2026-12-01',
    })
    expect(usageMonth('2027-01')).toEqual({
      month: '2026-12',
      from: '2026-12-01',
      to: '2027-01-01',
    })
  })

  it('17a: 112,35 GB on a 100 GB quota at Rp2.000 → 12,35 GB × Rp2.000 = Rp24.700', async () => {
    const { f, budi } = await quotaCustomer()
    // 112.345.678.901 bytes in November; 31 Oct and 1 Dec belong to other months.
    await used(f, budi.serviceId, '2026-10-31', 50 * GB)
    await used(f, budi.serviceId, '2026-11-01', 60 * GB, 2_345_678_901)
    await used(f, budi.serviceId, '2026-11-30', 50 * GB)
    await used(f, budi.serviceId, '2026-12-01', 70 * GB)
    f.clock.set('2026-12-01T03:00:00Z')
    const r = await f.run('2026-12', '2026-12-01')
    expect(r.total).toBe(174_700)
    const [december] = await f.invoicesOf(budi.customerId)
    expect((await f.linesOf(december!.id)).map((l) => [l.kind, l.description, l.amount])).toEqual([
      ['recurring', 'Kuota 100', 150_000],
      ['usage', 'Kelebihan pemakaian 12,35 GB × Rp2.000 — November 2026', 24_700],
    ])
    expect((await usageLines(f, budi.customerId))[0]).toMatchObject({
      period_start: '2026-11-01',
      period_end: '2026-12-01',
    })
    // The same 112,35 GB the usage report shows for November.
    const report = await usageReport(f.db, f.companyId, '2026-11')
    expect(report.totals.totalBytes).toBe(112_345_678_901)
  })

  it('17a: within the quota there is no usage line', async () => {
    const { f, budi } = await quotaCustomer()
    await used(f, budi.serviceId, '2026-11-15', 100 * GB)
    f.clock.set('2026-12-01T03:00:00Z')
    expect((await f.run('2026-12', '2026-12-01')).total).toBe(150_000)
    expect(await usageLines(f, budi.customerId)).toEqual([])
  })

  it('17b: pay-as-you-go 12,35 GB × Rp1.250 = 15.437,5 → Rp15.438, an invoice of its own at Rp0 a month', async () => {
    const f = await billingFixture('2026-11-01T03:00:00Z')
    const payg = await usagePackage(f, 'Bayar per GB', { price: 0, usageGbPrice: 1250 })
    const sari = await f.customer('Sari', { productId: payg.id })
    await used(f, sari.serviceId, '2026-11-10', 12_345_000_000)
    f.clock.set('2026-12-01T03:00:00Z')
    // Two runs at once: one invoice of usage alone, its usage month checked again under the lock.
    const runs = await Promise.all([f.run('2026-12', '2026-12-01'), f.run('2026-12', '2026-12-01')])
    // Rp0 a month is the package, not an anomaly to report.
    expect(runs.flatMap((r) => r.skipped.filter((s) => s.reason !== 'already_billed'))).toEqual([])
    expect(runs[0].invoices + runs[1].invoices).toBe(1)
    const [invoice] = await f.invoicesOf(sari.customerId)
    expect(invoice).toMatchObject({ total: 15_438, period: '2026-12', issue_date: '2026-12-01' })
    expect((await f.linesOf(invoice!.id)).map((l) => [l.kind, l.description, l.amount])).toEqual([
      ['usage', 'Pemakaian 12,35 GB × Rp1.250 — November 2026', 15_438],
    ])
  })

  it('17b: GB to the nearest 0.01 GB half up, rupiah half up', () => {
    const payg = { dataCapGb: null, extraGbPrice: null, usageGbPrice: 1250, taxable: false }
    // 12.344.999.999 bytes = 12,344999… GB → 12,34 GB; 12.345.000.000 → 12,35 GB.
    expect(usageCharge(12_344_999_999, payg, '2026-11')?.amount).toBe(15_425)
    expect(usageCharge(12_345_000_000, payg, '2026-11')?.amount).toBe(15_438)
    // 0,01 GB × Rp10 = Rp0,1 → nothing owed, no line.
    expect(usageCharge(10_000_000, { ...payg, usageGbPrice: 10 }, '2026-11')).toBeNull()
    expect(usageCharge(0, payg, '2026-11')).toBeNull()
    const quota = { dataCapGb: 100, extraGbPrice: 2000, usageGbPrice: null, taxable: false }
    expect(usageCharge(1_234_567_000_000, quota, '2026-11')).toEqual({
      description: 'Kelebihan pemakaian 1.134,57 GB × Rp2.000 — November 2026',
      amount: 2_269_140,
    })
  })

  it('17c: tax follows the package: PPN on a taxable package counts its usage line', async () => {
    const f = await billingFixture('2026-11-01T03:00:00Z')
    await f.settings({ taxEnabled: true })
    const taxed = await usagePackage(f, 'Kuota PKP', {
      price: 100_000,
      quotaGb: 100,
      extraGbPrice: 2000,
      taxable: true,
    })
    const free = await usagePackage(f, 'Kuota non-PPN', {
      price: 100_000,
      quotaGb: 100,
      extraGbPrice: 2000,
    })
    const a = await f.customer('Ani', { productId: taxed.id })
    const b = await f.customer('Bayu', { productId: free.id })
    await used(f, a.serviceId, '2026-11-20', 150 * GB)
    await used(f, b.serviceId, '2026-11-20', 150 * GB)
    f.clock.set('2026-12-01T03:00:00Z')
    await f.run('2026-12', '2026-12-01')
    // 100.000 + 50 GB × 2.000 = 200.000 → base 183.333,33 → PPN 22.000.
    expect((await f.invoicesOf(a.customerId))[0]).toMatchObject({
      subtotal: 200_000,
      tax_amount: 22_000,
      total: 222_000,
    })
    expect((await f.invoicesOf(b.customerId))[0]).toMatchObject({
      subtotal: 200_000,
      tax_amount: 0,
      total: 200_000,
    })
  })
})

describe('rule 17: each usage month of a service is billed once', () => {
  it('17d: a rerun, two runs at once, a credit note and a rerun bill November once', async () => {
    const { f, budi } = await quotaCustomer()
    await used(f, budi.serviceId, '2026-11-15', 112_345_678_901)
    f.clock.set('2026-12-01T03:00:00Z')
    const [one, two] = await Promise.all([
      f.run('2026-12', '2026-12-01'),
      f.run('2026-12', '2026-12-01'),
    ])
    expect(one.invoices + two.invoices).toBe(1)
    expect((await f.run('2026-12', '2026-12-02')).invoices).toBe(0)
    const [december] = await f.invoicesOf(budi.customerId)
    await createCreditNote(
      f.deps,
      f.actor,
      { invoiceId: december!.id, amount: 24_700, reason: 'kuota tidak dipakai' },
      f.tz,
    )
    expect((await f.run('2026-12', '2026-12-03')).invoices).toBe(0)
    expect((await usageLines(f, budi.customerId)).map((l) => l.amount)).toEqual([24_700])
  })

  it('17d: a second run billing the customer’s new service leaves November’s usage alone', async () => {
    const { f, pkg, budi } = await quotaCustomer()
    await used(f, budi.serviceId, '2026-11-15', 112_345_678_901)
    f.clock.set('2026-12-01T03:00:00Z')
    await f.run('2026-12', '2026-12-01')
    // A second line for Budi, billed from its anniversary (10 Dec) by a later run of December.
    f.clock.set('2026-12-10T03:00:00Z')
    const extra = await addService(
      f.deps,
      f.actor,
      {
        ...serviceInput(budi.customerId, pkg.id),
        activationDate: '2026-12-10',
        pppoeUsername: 'budi-kantor',
        billingSchedule: { kind: 'anniversary' as const },
      },
      f.tz,
    )
    expect((await f.run('2026-12', '2026-12-10')).invoices).toBe(1)
    const invoices = await f.invoicesOf(budi.customerId)
    expect(invoices).toHaveLength(2)
    expect((await f.linesOf(invoices[1]!.id)).map((l) => [l.kind, l.service_id])).toEqual([
      ['recurring', extra.id],
    ])
    expect(await usageLines(f, budi.customerId)).toHaveLength(1)
  })

  it('17d: a voided invoice frees its usage: the next run bills November again, once', async () => {
    const { f, budi } = await quotaCustomer()
    await used(f, budi.serviceId, '2026-11-15', 112_345_678_901)
    f.clock.set('2026-12-01T03:00:00Z')
    await f.run('2026-12', '2026-12-01')
    const [december] = await f.invoicesOf(budi.customerId)
    await voidInvoice(f.deps, f.actor, { invoiceId: december!.id, reason: 'salah kuota' })
    expect((await f.run('2026-12', '2026-12-02')).total).toBe(174_700)
    expect((await f.run('2026-12', '2026-12-03')).invoices).toBe(0)
    const live = (await usageLines(f, budi.customerId)).filter((l) => l.invoice_id !== december!.id)
    expect(live.map((l) => l.amount)).toEqual([24_700])
  })
})

describe('rule 17: package changes and terminated services', () => {
  it('17e: a package changed mid-month bills the whole month at the package of its last day', async () => {
    const { f, budi } = await quotaCustomer()
    const payg = await usagePackage(f, 'Bayar per GB', { price: 200_000, usageGbPrice: 500 })
    await used(f, budi.serviceId, '2026-11-05', 80 * GB)
    f.clock.set('2026-11-20T03:00:00Z')
    await changePackage(
      f.deps,
      f.actor,
      { serviceId: budi.serviceId, productId: payg.id, reason: null },
      f.tz,
    )
    await used(f, budi.serviceId, '2026-11-25', 40 * GB)
    f.clock.set('2026-12-01T03:00:00Z')
    await f.run('2026-12', '2026-12-01')
    // 120 GB in November, all at the pay-as-you-go price of 30 Nov: 120 × Rp500.
    expect((await usageLines(f, budi.customerId)).map((l) => [l.description, l.amount])).toEqual([
      ['Pemakaian 120,00 GB × Rp500 — November 2026', 60_000],
    ])
  })

  it('17e: a terminated service’s last usage is billed by the next run, on an invoice of usage alone', async () => {
    const { f, budi } = await quotaCustomer()
    f.clock.set('2026-12-01T03:00:00Z')
    await f.run('2026-12', '2026-12-01')
    await used(f, budi.serviceId, '2026-12-05', 130 * GB)
    f.clock.set('2026-12-10T03:00:00Z')
    await changeServiceStatus(
      f.deps,
      f.actor,
      { serviceId: budi.serviceId, status: 'putus', reason: 'pindah rumah' },
      f.tz,
    )
    f.clock.set('2027-01-01T03:00:00Z')
    expect((await f.run('2027-01', '2027-01-01')).invoices).toBe(1)
    const [, january] = await f.invoicesOf(budi.customerId)
    expect(january).toMatchObject({ period: '2027-01', total: 60_000 })
    expect((await f.linesOf(january!.id)).map((l) => [l.kind, l.description])).toEqual([
      ['usage', 'Kelebihan pemakaian 30,00 GB × Rp2.000 — Desember 2026'],
    ])
    // February: nothing left to bill for a service gone since December.
    f.clock.set('2027-02-01T03:00:00Z')
    expect((await f.run('2027-02', '2027-02-01')).invoices).toBe(0)
  })
})

describe('rule 17: the run costs nothing without usage prices', () => {
  it('no package with a usage price: the usage source is never asked; then only priced services', async () => {
    const f = await billingFixture('2026-11-01T03:00:00Z')
    await f.customer('Tono')
    const asked: number[][] = []
    const usage = {
      linesFor: async (services: UsageService[]) => {
        asked.push(services.map((s) => s.serviceId))
        return []
      },
    }
    const plan = () =>
      getBillingSettings(f.db, f.companyId).then((settings) =>
        planRun(f.db, f.companyId, {
          period: '2026-12',
          asOf: calendarDate('2026-12-01'),
          settings,
          usage,
        }),
      )
    await plan()
    expect(asked).toEqual([])
    // A priced package nobody is on yet: still nothing to ask.
    const pkg = await usagePackage(f, 'Kuota 100', {
      price: 150_000,
      quotaGb: 100,
      extraGbPrice: 2000,
    })
    await plan()
    expect(asked).toEqual([])
    const budi = await f.customer('Budi', { productId: pkg.id })
    await runBilling(
      f.deps,
      f.actor,
      { period: '2026-12', asOf: calendarDate('2026-12-01'), dryRun: true, usage },
      f.tz,
    )
    expect(asked).toEqual([[budi.serviceId]])
  })
})

describe('rule 17 on paper: the invoice shows the usage line', () => {
  it('the invoice document and its PDF group it under Pemakaian with its service and month', async () => {
    const { f, budi } = await quotaCustomer()
    await used(f, budi.serviceId, '2026-11-15', 112_345_678_901)
    f.clock.set('2026-12-01T03:00:00Z')
    await f.run('2026-12', '2026-12-01')
    const [december] = await f.invoicesOf(budi.customerId)
    const doc = await invoiceDocument(f.db, f.companyId, december!.id)
    expect(doc!.groups.map((g) => [g.title, g.subtotal])).toEqual([
      ['Kuota 100', 150_000],
      ['Pemakaian', 24_700],
    ])
    expect(doc!.groups[1]!.lines).toEqual([
      {
        description: 'Kelebihan pemakaian 12,35 GB × Rp2.000 — November 2026',
        sid: expect.any(String),
        detail: null,
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        amount: 24_700,
      },
    ])
    expect(doc!.total).toBe(174_700)
    // The description wraps in its column: read the lines as one text.
    const text = (await pdfText(await renderInvoicePdf(doc!))).replace(/ ?\n/g, ' ')
    expect(text).toContain('Kelebihan pemakaian 12,35 GB × Rp2.000 — November 2026')
    expect(text).toContain('01/11/2026 – 30/11/2026')
    expect(text).toContain('Subtotal Pemakaian')
  })
})
