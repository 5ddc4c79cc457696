import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createProduct } from '../catalog'
import { engineOf } from '../db'
import { changePackage, changeServiceStatus } from '../customers'
import { handleGatewayCallback, saveGatewaySettings, startGatewayPayment } from '../gateways'
import { RouterPool } from '../network'
import { recordPayment } from '../payments'
import { signTripay, startTripaySim } from '../../../../test/sim/gateways/tripay'
import {
  addCharge,
  createDraftInvoice,
  deleteDraft,
  issueInvoice,
  voidInvoice,
} from './invoice-actions'
import { createCreditNote } from './credit-notes'
import { billingFixture } from './testing'

/** BILLING.md, rule by rule, with its numbers (Asia/Jakarta; the clock is set per step). */

async function product(f: Awaited<ReturnType<typeof billingFixture>>, name: string, price: number) {
  return createProduct(
    f.deps,
    f.actor,
    {
      name,
      serviceType: 'pppoe',
      monthlyPrice: price,
      billingMode: 'prepaid',
      downloadMbps: 10,
      uploadMbps: 10,
      routerProfile: null,
      dataCapGb: null,
      fupNote: null,
      taxable: true,
    },
    f.tz,
  )
}

const billed = (f: Awaited<ReturnType<typeof billingFixture>>, serviceId: number) =>
  f.db
    .selectFrom('billed_periods')
    .select(['period_start', 'period_end'])
    .where('service_id', '=', serviceId)
    .orderBy('period_start')
    .execute()

describe('Periods and schedules', () => {
  it('rule 1: a period is half-open [start, nextStart) — the next start day is not in it', async () => {
    const f = await billingFixture()
    const a = await f.customer('Ani', { activation: '2025-12-01' })
    const b = await f.customer('Bayu', { activation: '2026-02-01' })
    await f.run('2026-01', '2026-01-01')
    expect(await billed(f, a.serviceId)).toEqual([
      { period_start: '2026-01-01', period_end: '2026-02-01' },
    ])
    // Active from 1 Feb: not in January's [1 Jan, 1 Feb).
    expect(await f.invoicesOf(b.customerId)).toEqual([])
  })

  it('rule 2: an anniversary on the 31st snaps to short months and back: 31 Jan → 28 Feb → 31 Mar → 30 Apr', async () => {
    const f = await billingFixture()
    const c = await f.customer('Citra', { activation: '2026-01-31', billingDay: 'anniversary' })
    for (const period of ['2026-02', '2026-03', '2026-04']) await f.run(period, `${period}-01`)
    expect(await billed(f, c.serviceId)).toEqual([
      { period_start: '2026-02-28', period_end: '2026-03-31' },
      { period_start: '2026-03-31', period_end: '2026-04-30' },
      { period_start: '2026-04-30', period_end: '2026-05-31' },
    ])
    const lines = await f.linesOf((await f.invoicesOf(c.customerId))[0]!.id)
    expect(lines[0]!.amount).toBe(150_000)
  })

  it('rule 2: in a leap year the 31 January anniversary falls on 29 February', async () => {
    const f = await billingFixture('2028-01-01T03:00:00Z')
    const c = await f.customer('Dewi', { activation: '2028-01-31', billingDay: 'anniversary' })
    await f.run('2028-02', '2028-02-01')
    expect((await billed(f, c.serviceId))[0]!.period_start).toBe('2028-02-29')
  })

  it('rule 2: a fixed billing day 15 bills [15th, next 15th)', async () => {
    const f = await billingFixture()
    const c = await f.customer('Eko', { activation: '2025-11-15', billingDay: 15 })
    await f.run('2026-03', '2026-03-01')
    expect(await billed(f, c.serviceId)).toEqual([
      { period_start: '2026-03-15', period_end: '2026-04-15' },
    ])
    // Dated at the period's start (rule 3), not the run day.
    expect((await f.invoicesOf(c.customerId))[0]!.issue_date).toBe('2026-03-15')
  })

  it('rule 3: prepaid bills the period that starts; postpaid the period that just ended', async () => {
    const f = await billingFixture()
    const post = await createProduct(
      f.deps,
      f.actor,
      {
        name: 'Kantor pascabayar',
        serviceType: 'dedicated',
        monthlyPrice: 1_000_000,
        billingMode: 'postpaid',
        downloadMbps: 50,
        uploadMbps: 50,
        routerProfile: null,
        dataCapGb: null,
        fupNote: null,
        taxable: false,
      },
      f.tz,
    )
    const pre = await f.customer('Prabayar', { activation: '2025-12-01' })
    const postpaid = await f.customer('Pascabayar', {
      activation: '2025-12-01',
      productId: post.id,
    })
    await f.run('2026-03', '2026-03-01')
    const [prepaidInvoice] = await f.invoicesOf(pre.customerId)
    const [postpaidInvoice] = await f.invoicesOf(postpaid.customerId)
    expect(prepaidInvoice!.issue_date).toBe('2026-03-01')
    expect(postpaidInvoice!.issue_date).toBe('2026-03-01')
    expect(await billed(f, pre.serviceId)).toEqual([
      { period_start: '2026-03-01', period_end: '2026-04-01' },
    ])
    expect(await billed(f, postpaid.serviceId)).toEqual([
      { period_start: '2026-02-01', period_end: '2026-03-01' },
    ])
  })

  it('rule 4: a run is idempotent, also when started twice at once', async () => {
    const f = await billingFixture()
    const customers = []
    for (let i = 0; i < 30; i++) customers.push(await f.customer(`Pelanggan ${i}`))
    const [first, second] = await Promise.all([
      f.run('2026-02', '2026-02-01'),
      f.run('2026-02', '2026-02-01'),
    ])
    expect(first.invoices + second.invoices).toBe(30)
    const again = await f.run('2026-02', '2026-02-01')
    expect(again.invoices).toBe(0)
    expect(again.skippedByReason.already_billed).toBe(30)
    const count = await f.db
      .selectFrom('invoices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(30)
  })

  it('rule 5: only active, not terminated services bill; zero price and missing activation are reported', async () => {
    const f = await billingFixture()
    const ok = await f.customer('Aktif')
    const free = await f.customer('Gratis', { price: 0 })
    const odd = await f.customer('Tanpa tanggal')
    await f.db
      .updateTable('services')
      .set({ activation_date: null })
      .where('id', '=', odd.serviceId)
      .execute()
    const gone = await f.customer('Putus')
    f.clock.set('2026-01-20T03:00:00Z')
    await changeServiceStatus(
      f.deps,
      f.actor,
      { serviceId: gone.serviceId, status: 'putus', reason: 'pindah rumah' },
      f.tz,
    )
    const r = await f.run('2026-02', '2026-02-01')
    expect(r.invoices).toBe(1)
    expect((await f.invoicesOf(ok.customerId)).length).toBe(1)
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { customer: free.code, service: expect.any(String), reason: 'zero_price' },
        { customer: odd.code, service: expect.any(String), reason: 'no_activation_date' },
      ]),
    )
    expect(await f.invoicesOf(gone.customerId)).toEqual([])
  })
})

describe('Proration by day', () => {
  it('rules 6–7: Rp150.000 active from 17 Jan, billing day 1: 15/31 × 150.000 = 72.580,6 → Rp72.581', async () => {
    const f = await billingFixture()
    const c = await f.customer('Budi', { activation: '2026-01-17' })
    await f.run('2026-01', '2026-01-01')
    const [invoice] = await f.invoicesOf(c.customerId)
    const [line] = await f.linesOf(invoice!.id)
    expect(line).toMatchObject({
      amount: 72_581,
      period_start: '2026-01-17',
      period_end: '2026-02-01',
    })
    expect(invoice!.total).toBe(72_581)
  })

  it('rule 8: the mid-period start policy can bill the full month or nothing until the next cycle', async () => {
    const f = await billingFixture()
    await f.settings({ proration: 'full' })
    const full = await f.customer('Penuh', { activation: '2026-01-17' })
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(full.customerId))[0]!.total).toBe(150_000)
    await f.settings({ proration: 'free' })
    const free = await f.customer('Gratis dulu', { activation: '2026-01-17' })
    await f.run('2026-01', '2026-01-01')
    expect(await f.invoicesOf(free.customerId)).toEqual([])
    await f.run('2026-02', '2026-02-01')
    expect((await f.invoicesOf(free.customerId))[0]!.total).toBe(150_000)
  })

  it('rule 9: upgrade Rp100.000 → Rp200.000 on 16 Apr in 1 Apr–1 May: −50.000 and +100.000', async () => {
    const f = await billingFixture('2026-04-01T03:00:00Z')
    const p100 = await product(f, 'Hemat 100', 100_000)
    const p200 = await product(f, 'Cepat 200', 200_000)
    const c = await f.customer('Fajar', { productId: p100.id, activation: '2026-01-01' })
    await f.run('2026-04', '2026-04-01')
    f.clock.set('2026-04-16T03:00:00Z')
    const change = await changePackage(
      f.deps,
      f.actor,
      { serviceId: c.serviceId, productId: p200.id, reason: null },
      f.tz,
    )
    expect(change).toMatchObject({
      direction: 'upgrade',
      pending: false,
      effectiveDate: '2026-04-16',
    })
    f.clock.set('2026-05-01T03:00:00Z')
    await f.run('2026-05', '2026-05-01')
    const may = (await f.invoicesOf(c.customerId))[1]!
    const lines = await f.linesOf(may.id)
    expect(lines.map((l) => [l.kind, l.amount])).toEqual([
      ['recurring', 200_000],
      ['upgrade_credit', -50_000],
      ['upgrade_charge', 100_000],
    ])
    expect(may.total).toBe(250_000)
    // Settled once: the June invoice does not repeat it.
    await f.run('2026-06', '2026-06-01')
    const june = (await f.invoicesOf(c.customerId))[2]!
    expect((await f.linesOf(june.id)).map((l) => l.amount)).toEqual([200_000])
  })

  it('rule 10: a downgrade waits for the next period (pending, visible on the service)', async () => {
    const f = await billingFixture('2026-04-01T03:00:00Z')
    const p100 = await product(f, 'Hemat 100', 100_000)
    const p200 = await product(f, 'Cepat 200', 200_000)
    const c = await f.customer('Gita', { productId: p200.id, activation: '2026-01-01' })
    await f.run('2026-04', '2026-04-01')
    f.clock.set('2026-04-16T03:00:00Z')
    const change = await changePackage(
      f.deps,
      f.actor,
      { serviceId: c.serviceId, productId: p100.id, reason: null },
      f.tz,
    )
    expect(change).toMatchObject({
      direction: 'downgrade',
      pending: true,
      effectiveDate: '2026-05-01',
    })
    await f.run('2026-05', '2026-05-01')
    const may = (await f.invoicesOf(c.customerId))[1]!
    expect((await f.linesOf(may.id)).map((l) => [l.kind, l.amount])).toEqual([
      ['recurring', 100_000],
    ])
  })

  it('rule 11: termination mid-period gives no credit by default, or credits the unused days', async () => {
    const f = await billingFixture('2026-04-01T03:00:00Z')
    const keep = await f.customer('Tanpa kredit')
    const credit = await f.customer('Dengan kredit')
    await f.run('2026-04', '2026-04-01')
    f.clock.set('2026-04-16T03:00:00Z')
    for (const c of [keep, credit]) {
      await changeServiceStatus(
        f.deps,
        f.actor,
        { serviceId: c.serviceId, status: 'putus', reason: 'berhenti' },
        f.tz,
      )
    }
    expect((await f.run('2026-05', '2026-05-01')).creditNotes).toBe(0)
    await f.settings({ termination: 'credit_unused' })
    const r = await f.run('2026-05', '2026-05-01')
    // Both ended on 16 Apr: 15 of April's 30 days unused → Rp75.000 each, once.
    expect(r.creditNotes).toBe(2)
    const notes = await f.db.selectFrom('credit_notes').selectAll().orderBy('id').execute()
    expect(notes.map((n) => [n.number, n.amount, n.kind])).toEqual([
      ['CN/2026/000001', 75_000, 'termination'],
      ['CN/2026/000002', 75_000, 'termination'],
    ])
    expect((await f.run('2026-05', '2026-05-01')).creditNotes).toBe(0)
    const [april] = await f.invoicesOf(credit.customerId)
    expect(april).toMatchObject({ total: 150_000, paid: 75_000, payment_status: 'sebagian' })
  })

  it('rule 12: isolir does not stop billing by default; a policy pauses charges while isolated', async () => {
    const f = await billingFixture()
    const iso = await f.customer('Isolir')
    f.clock.set('2026-01-20T03:00:00Z')
    await changeServiceStatus(
      f.deps,
      f.actor,
      { serviceId: iso.serviceId, status: 'isolir', reason: 'tunggakan' },
      f.tz,
    )
    expect((await f.run('2026-02', '2026-02-01')).invoices).toBe(1)
    await f.settings({ pauseWhileIsolated: true })
    const r = await f.run('2026-03', '2026-03-01')
    expect(r.invoices).toBe(0)
    expect(r.skipped).toEqual([
      { customer: iso.code, service: expect.any(String), reason: 'isolir_paused' },
    ])
    // Restored on 16 Mar: billed from then on, prorated 16/31 of March.
    f.clock.set('2026-03-16T03:00:00Z')
    await changeServiceStatus(
      f.deps,
      f.actor,
      { serviceId: iso.serviceId, status: 'aktif', reason: 'sudah bayar' },
      f.tz,
    )
    await f.run('2026-03', '2026-03-16')
    const march = (await f.invoicesOf(iso.customerId))[1]!
    expect(march.total).toBe(Math.round((150_000 * 16) / 31))
  })
})

describe('Invoices', () => {
  it('rule 13: drafts have no number; deleting one leaves no gap; numbers are gapless per year', async () => {
    const f = await billingFixture()
    const a = await f.customer('Hana')
    const draft = await createDraftInvoice(
      f.deps,
      f.actor,
      { customerId: a.customerId, lines: [{ description: 'Ganti router', amount: 250_000 }] },
      f.tz,
    )
    const row = await f.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', draft.invoiceId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ number: null, status: 'draft' })
    await deleteDraft(f.deps, f.actor, draft.invoiceId)
    const second = await createDraftInvoice(
      f.deps,
      f.actor,
      { customerId: a.customerId, lines: [{ description: 'Kabel', amount: 50_000 }] },
      f.tz,
    )
    expect((await issueInvoice(f.deps, f.actor, second.invoiceId, f.tz)).number).toBe(
      'INV/2026/000001',
    )
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(a.customerId)).map((i) => i.number)).toEqual([
      'INV/2026/000001',
      'INV/2026/000002',
    ])
  })

  it('rule 13: two drafts issued at once never get the same number', async () => {
    const f = await billingFixture()
    const a = await f.customer('Indra')
    const drafts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createDraftInvoice(
          f.deps,
          f.actor,
          { customerId: a.customerId, lines: [{ description: `Biaya ${i}`, amount: 10_000 }] },
          f.tz,
        ),
      ),
    )
    const issued = await Promise.all(
      drafts.map((d) => issueInvoice(f.deps, f.actor, d.invoiceId, f.tz)),
    )
    expect(new Set(issued.map((i) => i.number)).size).toBe(10)
    expect(issued.map((i) => i.number).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `INV/2026/${String(i + 1).padStart(6, '0')}`),
    )
  })

  it('rule 14: an issued invoice cannot change — the database refuses; corrections are credit notes or a void', async () => {
    const f = await billingFixture()
    const a = await f.customer('Joko')
    const b = await f.customer('Kartika')
    await f.run('2026-01', '2026-01-01')
    const [invoice] = await f.invoicesOf(a.customerId)
    await expect(
      f.db.updateTable('invoices').set({ total: 1 }).where('id', '=', invoice!.id).execute(),
    ).rejects.toThrow(/INVOICE_IMMUTABLE/)
    await expect(
      f.db
        .updateTable('invoice_lines')
        .set({ amount: 1 })
        .where('invoice_id', '=', invoice!.id)
        .execute(),
    ).rejects.toThrow(/INVOICE_IMMUTABLE/)
    await expect(
      f.db.deleteFrom('invoices').where('id', '=', invoice!.id).execute(),
    ).rejects.toThrow(/INVOICE_IMMUTABLE/)
    // The run writes invoices issued and adds their lines through a window that lives only in
    // its own transaction: afterwards no line can be added to them.
    expect(await f.db.selectFrom('invoice_write_window').selectAll().execute()).toEqual([])
    await expect(
      f.db
        .insertInto('invoice_lines')
        .values({ invoice_id: invoice!.id, kind: 'one_time', description: 'x', amount: 1, sort: 9 })
        .execute(),
    ).rejects.toThrow(/INVOICE_IMMUTABLE/)
    const cn = await createCreditNote(
      f.deps,
      f.actor,
      { invoiceId: invoice!.id, amount: 20_000, reason: 'gangguan 4 hari' },
      f.tz,
    )
    expect(cn.number).toBe('CN/2026/000001')
    const after = (await f.invoicesOf(a.customerId))[0]!
    expect(after).toMatchObject({ total: 150_000, paid: 20_000, payment_status: 'sebagian' })
    // Void: the number stays, the status is void, and the period can be billed again.
    const [other] = await f.invoicesOf(b.customerId)
    await voidInvoice(f.deps, f.actor, { invoiceId: other!.id, reason: 'harga salah' })
    const voided = (await f.invoicesOf(b.customerId))[0]!
    expect(voided).toMatchObject({ number: other!.number, status: 'void', payment_status: 'void' })
    expect((await f.run('2026-01', '2026-01-01')).invoices).toBe(1)
  })

  it('rule 15: one invoice per account per period, lines by product, with the NPWP', async () => {
    const f = await billingFixture()
    const corp = await f.customer('PT Maju Jaya')
    await f.db
      .updateTable('customers')
      .set({ npwp: '0123456789012345', category: 'corporate' })
      .where('id', '=', corp.customerId)
      .execute()
    const { addService } = await import('../customers')
    const { serviceInput } = await import('../customers/testing')
    for (const [i, productId] of [f.p20.id, f.p10.id, f.p20.id].entries()) {
      await addService(
        f.deps,
        f.actor,
        {
          ...serviceInput(corp.customerId, productId),
          activationDate: '2025-12-01',
          pppoeUsername: `majujaya-site${i + 2}`,
        },
        f.tz,
      )
    }
    await f.run('2026-01', '2026-01-01')
    const invoices = await f.invoicesOf(corp.customerId)
    expect(invoices).toHaveLength(1)
    expect(invoices[0]).toMatchObject({
      customer_name: 'PT Maju Jaya',
      customer_npwp: '0123456789012345',
      total: 150_000 * 2 + 200_000 * 2,
    })
    expect((await f.linesOf(invoices[0]!.id)).length).toBe(4)
    // The printed invoice groups the four lines by package, each group with its subtotal.
    const { invoiceDocument } = await import('./invoice-document')
    const doc = await invoiceDocument(f.db, f.companyId, invoices[0]!.id)
    expect(doc!.customer.npwp).toBe('0123456789012345')
    expect(doc!.groups.map((g) => [g.title, g.lines.length, g.subtotal])).toEqual([
      ['Rumah 10 Mbps', 2, 300_000],
      ['Rumah 20 Mbps', 2, 400_000],
    ])
  })

  it('rule 16: a one-time charge joins the next invoice, or gets an invoice of its own', async () => {
    const f = await billingFixture()
    const a = await f.customer('Lina')
    await addCharge(
      f.deps,
      f.actor,
      {
        customerId: a.customerId,
        serviceId: null,
        description: 'Biaya pasang',
        amount: 300_000,
        invoiceNow: false,
      },
      f.tz,
    )
    const own = await addCharge(
      f.deps,
      f.actor,
      {
        customerId: a.customerId,
        serviceId: null,
        description: 'Denda',
        amount: 25_000,
        invoiceNow: true,
      },
      f.tz,
    )
    expect(own.number).toBe('INV/2026/000001')
    await f.run('2026-01', '2026-01-01')
    const january = (await f.invoicesOf(a.customerId))[1]!
    expect((await f.linesOf(january.id)).map((l) => [l.kind, l.amount])).toEqual([
      ['recurring', 150_000],
      ['one_time', 300_000],
    ])
  })

  // Rule 17 (usage charges, 17a–17e of docs/billing-rules.md) has its cases in usage.test.ts.

  it('rule 18: cash rounding to Rp500 / Rp1.000 is its own line', async () => {
    const f = await billingFixture()
    await f.settings({ cashRounding: 500 })
    const a = await f.customer('Nina', { activation: '2026-01-17' })
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(a.customerId))[0]).toMatchObject({
      subtotal: 72_581,
      rounding: -81,
      total: 72_500,
    })
    await f.settings({ cashRounding: 1000 })
    const b = await f.customer('Oki', { activation: '2026-01-17' })
    await f.run('2026-01', '2026-01-02')
    expect((await f.invoicesOf(b.customerId))[0]).toMatchObject({ rounding: 419, total: 73_000 })
  })
})

describe('Tax (PPN)', () => {
  it('rule 19: off by default — a non-PKP invoice has no PPN', async () => {
    const f = await billingFixture()
    const p = await product(f, 'Kena pajak', 100_000)
    const a = await f.customer('Putri', { productId: p.id })
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(a.customerId))[0]).toMatchObject({
      tax_amount: 0,
      tax_label: null,
      total: 100_000,
    })
  })

  it('rule 19: exclusive Rp100.000 → base 91.666,67 → PPN 11.000 → total 111.000', async () => {
    const f = await billingFixture()
    await f.settings({ taxEnabled: true })
    const p = await product(f, 'Kena pajak', 100_000)
    const a = await f.customer('Rudi', { productId: p.id })
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(a.customerId))[0]).toMatchObject({
      subtotal: 100_000,
      tax_amount: 11_000,
      total: 111_000,
      tax_label: 'PPN 12% × 11/12',
    })
  })

  it('rule 19: inclusive prices hold the PPN inside: Rp111.000 contains Rp11.000', async () => {
    const f = await billingFixture()
    await f.settings({ taxEnabled: true, taxInclusive: true })
    const p = await product(f, 'Termasuk pajak', 111_000)
    const a = await f.customer('Sari', { productId: p.id })
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(a.customerId))[0]).toMatchObject({
      tax_amount: 11_000,
      total: 111_000,
    })
  })

  it('rule 20: PPN per invoice is rounded down: 11% of 72.581 = 7.983,91 → 7.983', async () => {
    const f = await billingFixture()
    await f.settings({ taxEnabled: true })
    const p = await product(f, 'Kena pajak', 150_000)
    const a = await f.customer('Tono', { productId: p.id, activation: '2026-01-17' })
    await f.run('2026-01', '2026-01-01')
    expect((await f.invoicesOf(a.customerId))[0]).toMatchObject({
      subtotal: 72_581,
      tax_amount: 7_983,
      total: 80_564,
    })
  })
})

describe('Payments', () => {
  async function twoMonths() {
    const f = await billingFixture()
    const p100 = await product(f, 'Hemat 100', 100_000)
    const c = await f.customer('Umar', { productId: p100.id })
    await f.run('2026-01', '2026-01-01')
    f.clock.set('2026-02-01T03:00:00Z')
    await f.run('2026-02', '2026-02-01')
    const pay = (amount: number, extra: Partial<Parameters<typeof recordPayment>[2]> = {}) =>
      recordPayment(
        f.deps,
        f.actor,
        {
          customerId: c.customerId,
          amount,
          method: 'cash',
          reference: null,
          invoiceId: null,
          notes: null,
          ...extra,
        },
        f.tz,
      )
    return { f, c, pay }
  }

  it('rule 21: statuses belum bayar / sebagian / lunas / void are derived from allocations', async () => {
    const { f, c, pay } = await twoMonths()
    const statuses = async () => (await f.invoicesOf(c.customerId)).map((i) => i.payment_status)
    expect(await statuses()).toEqual(['belum_bayar', 'belum_bayar'])
    await pay(40_000)
    expect(await statuses()).toEqual(['sebagian', 'belum_bayar'])
    await pay(60_000)
    expect(await statuses()).toEqual(['lunas', 'belum_bayar'])
    const feb = (await f.invoicesOf(c.customerId))[1]!
    await voidInvoice(f.deps, f.actor, { invoiceId: feb.id, reason: 'salah tagih' })
    expect(await statuses()).toEqual(['lunas', 'void'])
  })

  it('rule 22: each payment gets a gapless receipt number, its method, reference and who took it', async () => {
    const { f, pay } = await twoMonths()
    const first = await pay(50_000)
    const second = await pay(50_000, { method: 'transfer', reference: 'BCA-123' })
    expect([first.number, second.number]).toEqual(['KW/2026/000001', 'KW/2026/000002'])
    const rows = await f.db.selectFrom('payments').selectAll().orderBy('id').execute()
    expect(rows.map((r) => [r.method, r.reference, r.username])).toEqual([
      ['cash', null, 'owner'],
      ['transfer', 'BCA-123', 'owner'],
    ])
    await expect(pay(10_000, { method: 'transfer', reference: 'BCA-123' })).rejects.toMatchObject({
      code: 'REFERENCE_TAKEN',
    })
  })

  it('rule 23: Rp150.000 against Jan Rp100.000 and Feb Rp100.000 → Jan lunas, Feb sebagian with Rp50.000 left', async () => {
    const { f, c, pay } = await twoMonths()
    await pay(150_000)
    const [jan, feb] = await f.invoicesOf(c.customerId)
    expect(jan).toMatchObject({ payment_status: 'lunas', paid: 100_000 })
    expect(feb).toMatchObject({ payment_status: 'sebagian', paid: 50_000 })
    expect(feb!.total - feb!.paid).toBe(50_000)
  })

  it('rule 23: a payment aimed at one invoice pays that one first', async () => {
    const { f, c, pay } = await twoMonths()
    const feb = (await f.invoicesOf(c.customerId))[1]!
    await pay(100_000, { invoiceId: feb.id })
    expect((await f.invoicesOf(c.customerId)).map((i) => i.payment_status)).toEqual([
      'belum_bayar',
      'lunas',
    ])
  })

  it('rule 24: Rp120.000 on a Rp100.000 invoice → lunas + Rp20.000 credit, applied to the next invoice', async () => {
    const f = await billingFixture()
    const p100 = await product(f, 'Hemat 100', 100_000)
    const c = await f.customer('Vina', { productId: p100.id })
    await f.run('2026-01', '2026-01-01')
    const paid = await recordPayment(
      f.deps,
      f.actor,
      {
        customerId: c.customerId,
        amount: 120_000,
        method: 'cash',
        reference: null,
        invoiceId: null,
        notes: null,
      },
      f.tz,
    )
    expect(paid.toCredit).toBe(20_000)
    expect((await f.invoicesOf(c.customerId))[0]!.payment_status).toBe('lunas')
    await f.run('2026-02', '2026-02-01')
    const feb = (await f.invoicesOf(c.customerId))[1]!
    expect(feb).toMatchObject({ paid: 20_000, payment_status: 'sebagian' })
    const ledger = await f.db
      .selectFrom('customer_credits')
      .select(['amount', 'kind'])
      .orderBy('id')
      .execute()
    expect(ledger).toEqual([
      { amount: 20_000, kind: 'overpayment' },
      { amount: -20_000, kind: 'applied' },
    ])
  })

  it('rule 25: a payment is reversed (never deleted) with a reason; allocations undone, statuses recomputed, audited', async () => {
    const { f, c, pay } = await twoMonths()
    const { reversePayment } = await import('../payments')
    const p = await pay(150_000)
    await reversePayment(f.deps, f.actor, { paymentId: p.paymentId, reason: 'uang palsu' }, f.tz)
    expect((await f.invoicesOf(c.customerId)).map((i) => [i.payment_status, i.paid])).toEqual([
      ['belum_bayar', 0],
      ['belum_bayar', 0],
    ])
    const row = await f.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', p.paymentId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'reversed',
      reversal_reason: 'uang palsu',
      reversed_by: 'owner',
    })
    await expect(
      f.db.deleteFrom('payments').where('id', '=', p.paymentId).execute(),
    ).rejects.toThrow()
    const audit = await f.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'payments.reverse')
      .execute()
    expect(audit).toHaveLength(1)
    await expect(
      reversePayment(f.deps, f.actor, { paymentId: p.paymentId, reason: 'lagi' }, f.tz),
    ).rejects.toMatchObject({ code: 'PAYMENT_ALREADY_REVERSED' })
  })

  it('rule 25: reversing an overpayment whose credit was already spent un-spends it', async () => {
    const f = await billingFixture()
    const p100 = await product(f, 'Hemat 100', 100_000)
    const c = await f.customer('Wati', { productId: p100.id })
    await f.run('2026-01', '2026-01-01')
    const { reversePayment } = await import('../payments')
    const p = await recordPayment(
      f.deps,
      f.actor,
      {
        customerId: c.customerId,
        amount: 130_000,
        method: 'cash',
        reference: null,
        invoiceId: null,
        notes: null,
      },
      f.tz,
    )
    await f.run('2026-02', '2026-02-01')
    expect((await f.invoicesOf(c.customerId))[1]!.paid).toBe(30_000)
    await reversePayment(
      f.deps,
      f.actor,
      { paymentId: p.paymentId, reason: 'salah pelanggan' },
      f.tz,
    )
    expect((await f.invoicesOf(c.customerId)).map((i) => i.paid)).toEqual([0, 0])
    const balance = await f.db
      .selectFrom('customer_credits')
      .select((eb) => eb.fn.sum<number>('amount').as('s'))
      .executeTakeFirstOrThrow()
    expect(Number(balance.s)).toBe(0)
  })

  it('rule 26: an optional minimum payment; no more than is due unless credit is allowed', async () => {
    const { f, pay } = await twoMonths()
    await f.settings({ minimumPayment: 50_000, allowCredit: false })
    await expect(pay(20_000)).rejects.toMatchObject({ code: 'PAYMENT_BELOW_MINIMUM' })
    await expect(pay(250_000)).rejects.toMatchObject({
      code: 'PAYMENT_EXCEEDS_DUE',
      details: { due: 200_000 },
    })
    expect((await pay(200_000)).toCredit).toBe(0)
  })

  it('rule 27: a gateway payment is applied once per reference; bad signatures and wrong amounts change nothing', async () => {
    const { f, c } = await twoMonths()
    const [jan, feb] = await f.invoicesOf(c.customerId)
    const sim = await startTripaySim()
    try {
      const deps = { ...f.deps, routers: new RouterPool() }
      await saveGatewaySettings(deps, f.actor, {
        gateway: 'tripay',
        enabled: true,
        mode: 'sandbox',
        baseUrl: sim.baseUrl,
        keys: { ...sim.keys },
        feePolicy: 'company',
        expiryHours: 24,
        pollMinutes: 5,
        channels: null,
      })
      const ctx = { companyId: f.companyId, timeZone: f.tz, actor: f.actor, publicBaseUrl: null }
      const open = (invoiceId: number) =>
        startGatewayPayment(deps, ctx, {
          customerId: c.customerId,
          invoiceIds: [invoiceId],
          channel: 'BRIVA',
          via: 'staff',
        })
      /** Tripay's callback for a transaction, signed (or not) over its exact bytes. */
      const notice = (reference: string, key = sim.keys.privateKey) => {
        const raw = sim.callbackBody(reference)
        return handleGatewayCallback(deps, 'tripay', Buffer.from(raw), {
          'x-callback-event': 'payment_status',
          'x-callback-signature': signTripay(key, raw),
        })
      }
      const a = await open(jan!.id)
      const b = await open(feb!.id)
      sim.pay(a.reference)
      sim.pay(b.reference, { amount: 99_000 })
      expect((await notice(a.reference, 'forged-key')).outcome).toBe('bad_signature')
      expect((await notice(b.reference)).outcome).toBe('amount_mismatch')
      expect((await f.invoicesOf(c.customerId)).map((i) => i.paid)).toEqual([0, 0])
      const results = await Promise.all([1, 2, 3].map(() => notice(a.reference)))
      expect(results.map((r) => r.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate'])
      const after = await f.invoicesOf(c.customerId)
      expect(after.map((i) => i.payment_status)).toEqual(['lunas', 'belum_bayar'])
      const events = await f.db
        .selectFrom('gateway_events')
        .select('outcome')
        .orderBy('id')
        .execute()
      expect(events.map((e) => e.outcome).sort()).toEqual([
        'amount_mismatch',
        'applied',
        'bad_signature',
        'duplicate',
        'duplicate',
      ])
      const audited = await f.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['payments.gateway_rejected', 'gateways.held'])
        .orderBy('id')
        .execute()
      expect(audited.map((r) => r.action)).toEqual(['payments.gateway_rejected', 'gateways.held'])
    } finally {
      await sim.close()
    }
  })
})

describe('Collections', () => {
  it('rule 31: aging buckets current, 1–7, 8–14, 15–30, 31–60, over 60 days', async () => {
    const { agingBucket } = await import('@shared/billing')
    expect([0, 1, 7, 8, 14, 15, 30, 31, 60, 61].map(agingBucket)).toEqual([
      'current',
      'd1_7',
      'd1_7',
      'd8_14',
      'd8_14',
      'd15_30',
      'd15_30',
      'd31_60',
      'd31_60',
      'over_60',
    ])
  })
})

it('the database stays consistent: integrity_check ok after all of the above kinds of writes', async () => {
  const f = await billingFixture()
  await f.customer('Xena')
  await f.run('2026-01', '2026-01-01')
  // SQLite checks its own file; PostgreSQL has no such pragma (its pages are checksummed).
  if (engineOf(f.db) === 'postgres') return
  const rows = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(f.db)
  expect(rows.rows[0]!.integrity_check).toBe('ok')
})
