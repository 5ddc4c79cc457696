import { describe, expect, it } from 'vitest'
import {
  DEFAULT_COLLECTION_SETTINGS,
  collectionSettingsInput,
  reminderPreviewInput,
} from '@shared/schemas'
import { queueInvoiceNotices } from './invoice-notices'
import { queueReminders, reminderQueuePreview } from './reminder-queue'
import { getCollectionSettings } from './settings'
import { customerTemplateValues } from './template-values'
import { collectionsFixture } from './testing'

const filter = (o: Record<string, unknown> = {}) => reminderPreviewInput.parse(o)

async function threeCustomers() {
  const f = await collectionsFixture()
  const ani = await f.customer('Ani Rahayu')
  const budi = await f.customer('Budi Tanpa Nomor')
  const citra = await f.customer('Citra Menolak Pesan')
  await f.contact(ani.customerId, { phone: '081211112222' })
  await f.contact(citra.customerId, { phone: '081233334444', optOut: true })
  const run = await f.run('2026-01', '2026-01-01')
  return { f, ani, budi, citra, runId: run.runId! }
}

describe('the billing-reminder queue page', () => {
  it('shows who will be messaged over which channel and who is skipped and why', async () => {
    const { f, ani, budi, citra } = await threeCustomers()
    await f.whatsappOn()
    const preview = await reminderQueuePreview(f.deps, f.companyId, filter())
    expect(preview.totals).toEqual({
      customers: 3,
      send: 1,
      skip: 2,
      amount: 450_000,
      byReason: { no_number: 1, opted_out: 1 },
    })
    const byCode = Object.fromEntries(preview.rows.map((r) => [r.code, r]))
    expect(byCode[ani.code]).toMatchObject({
      send: true,
      channel: 'whatsapp',
      recipient: '6281211112222',
      periods: ['Januari 2026'],
      amount: 150_000,
    })
    expect(byCode[budi.code]).toMatchObject({ send: false, reason: 'no_number' })
    expect(byCode[citra.code]).toMatchObject({ send: false, reason: 'opted_out' })
    expect((await reminderQueuePreview(f.deps, f.companyId, filter({ view: 'skip' }))).total).toBe(
      2,
    )
    expect(
      (await reminderQueuePreview(f.deps, f.companyId, filter({ q: 'budi' }))).rows,
    ).toHaveLength(1)
  })

  it('without a channel switched on, everyone with a number is skipped as "no channel"', async () => {
    const { f } = await threeCustomers()
    const preview = await reminderQueuePreview(f.deps, f.companyId, filter())
    expect(preview.totals).toMatchObject({
      send: 0,
      byReason: { no_channel: 1, no_number: 1, opted_out: 1 },
    })
  })

  it('a paid customer drops out of the unpaid queue, the period filter narrows it', async () => {
    const { f, ani } = await threeCustomers()
    await f.pay(ani.customerId, 150_000, '2026-01-05')
    expect((await reminderQueuePreview(f.deps, f.companyId, filter())).totals.customers).toBe(2)
    expect(
      (await reminderQueuePreview(f.deps, f.companyId, filter({ period: '2026-02' }))).totals
        .customers,
    ).toBe(0)
    const all = await reminderQueuePreview(
      f.deps,
      f.companyId,
      filter({ period: '2026-01', status: 'all' }),
    )
    expect(all.totals.customers).toBe(3)
    await expect(
      reminderQueuePreview(f.deps, f.companyId, filter({ status: 'all' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    })
  })

  it('queues exactly what the preview showed, once per click, with an audit entry', async () => {
    const { f } = await threeCustomers()
    await f.whatsappOn()
    const input = { ...filter(), clientId: 'klik-0001' }
    expect(await queueReminders(f.deps, f.actor, input, f.tz)).toEqual({
      queued: 1,
      skipped: 2,
      duplicates: 0,
      byReason: { no_number: 1, opted_out: 1 },
    })
    expect(await queueReminders(f.deps, f.actor, input, f.tz)).toMatchObject({
      queued: 0,
      duplicates: 3,
    })
    const rows = await f.messages('reminder')
    expect(rows.map((m) => m.status).sort()).toEqual(['antri', 'dilewati', 'dilewati'])
    expect(rows[0]!.body).toContain('Total: Rp150.000')
    const audit = await f.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'reminders.queue')
      .execute()
    expect(audit).toHaveLength(1)
  })
})

describe('invoice notices, template values and the policy', () => {
  it('"tagihan terbit" goes once per invoice of the run', async () => {
    const { f, runId, ani } = await threeCustomers()
    await f.whatsappOn()
    expect(await queueInvoiceNotices(f.deps, f.ctx('2026-01-01'), runId)).toMatchObject({
      invoices: 3,
      queued: 1,
      skipped: 2,
    })
    expect(await queueInvoiceNotices(f.deps, f.ctx('2026-01-01'), runId)).toMatchObject({
      duplicates: 3,
      queued: 0,
    })
    const [inv] = await f.invoicesOf(ani.customerId)
    const sent = (await f.messages('invoice_issued')).find((m) => m.customer_id === ani.customerId)!
    expect(sent).toMatchObject({ dedupe_key: `invoice:${inv!.id}`, status: 'antri' })
    expect(sent.body).toContain(`No. tagihan: ${inv!.number}`)
    expect(sent.body).toContain('Jatuh tempo: 11 Januari 2026')
  })

  it('"tagihan terbit" waits for the invoice’s issue date: a service billed on the 20th hears on the 20th', async () => {
    const f = await collectionsFixture()
    const dewi = await f.customer('Dewi Tanggal Dua Puluh', { billingDay: 20 })
    await f.contact(dewi.customerId, { phone: '081255556666' })
    await f.whatsappOn()
    await f.run('2026-01', '2026-01-01')
    const [inv] = await f.invoicesOf(dewi.customerId)
    expect(inv!.issue_date).toBe('2026-01-20')
    expect(await queueInvoiceNotices(f.deps, f.ctx('2026-01-01'), null)).toMatchObject({
      invoices: 0,
    })
    expect(await queueInvoiceNotices(f.deps, f.ctx('2026-01-20'), null)).toMatchObject({
      invoices: 1,
      queued: 1,
    })
    // Days later (the host was off on the 20th) it still goes, once; a month later it does not.
    expect(await queueInvoiceNotices(f.deps, f.ctx('2026-01-22'), null)).toMatchObject({
      duplicates: 1,
      queued: 0,
    })
    expect(await queueInvoiceNotices(f.deps, f.ctx('2026-02-20'), null)).toMatchObject({
      invoices: 0,
    })
  })

  it('a customer’s template values come from their data', async () => {
    const { f, ani } = await threeCustomers()
    await f.policy({ paymentLinkBase: 'https://bayar.netjaya.id/' })
    const [inv] = await f.invoicesOf(ani.customerId)
    expect(
      await customerTemplateValues(f.db, f.companyId, ani.customerId, '2026-01-08', f.deps.secrets),
    ).toMatchObject({
      nama: 'Ani Rahayu',
      kode: ani.code,
      perusahaan: 'Net Jaya',
      periode: 'Januari 2026',
      jumlah: 'Rp150.000',
      jatuh_tempo: '11 Januari 2026',
      nomor_invoice: inv!.number,
      link_bayar: expect.stringMatching(
        new RegExp(
          `^https://bayar\\.netjaya\\.id/bayar/${f.companyId}\\.${ani.customerId}\\.${inv!.id}\\.20260210\\.`,
        ),
      ),
      paket: 'Rumah 10 Mbps',
      tanggal: '08 Januari 2026',
    })
  })

  it('the policy has BILLING.md’s defaults and refuses bad offsets', async () => {
    const f = await collectionsFixture()
    expect(await getCollectionSettings(f.db, f.companyId)).toEqual(DEFAULT_COLLECTION_SETTINGS)
    expect(DEFAULT_COLLECTION_SETTINGS).toMatchObject({
      reminderOffsets: [-3, 0, 3],
      graceDays: 7,
      restoreOn: 'zero_overdue',
    })
    const parse = (reminderOffsets: number[]) =>
      collectionSettingsInput.safeParse({ ...DEFAULT_COLLECTION_SETTINGS, reminderOffsets })
    expect(parse([3, -3, 0]).data?.reminderOffsets).toEqual([-3, 0, 3])
    expect(parse([-31]).success).toBe(false)
    expect(parse([61]).success).toBe(false)
    expect(parse([1, 1]).success).toBe(false)
    expect(
      collectionSettingsInput.safeParse({
        ...DEFAULT_COLLECTION_SETTINGS,
        paymentLinkBase: 'bayar.id',
      }).success,
    ).toBe(false)
    await f.policy({ graceDays: 10 })
    expect((await getCollectionSettings(f.db, f.companyId)).graceDays).toBe(10)
  })
})
