import type { APIRequestContext, Page } from '@playwright/test'
import { pickMonth } from './date-fields'
import { expect, test, type Host } from './fixtures'

const OWNER = { username: 'pemilik', password: 'Tagihan-Rahasia-77' }
const PRICE = 175_000

/** A tRPC mutation over HTTP, as the LAN browser client makes it; returns `result.data`. */
async function call(
  request: APIRequestContext,
  host: Host,
  path: string,
  input: unknown,
  token?: string,
): Promise<Record<string, unknown>> {
  const answer = await request.post(`${host.url}api/trpc/${path}`, {
    data: input,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  expect(answer.ok(), `${path}: ${await answer.text()}`).toBe(true)
  return (await answer.json()).result.data
}

/**
 * The company, an area, a package and one customer with an active service since the first
 * day of `period`, made through the API (the UI for each is covered by its own spec).
 */
async function seedCustomer(request: APIRequestContext, host: Host, period: string) {
  const { token } = (await call(request, host, 'setup.complete', {
    company: {
      name: 'Net Tagih',
      address: 'Jl. Sudirman 1',
      phone: '081299990000',
      timeZone: 'Asia/Jakarta',
    },
    admin: { name: 'Pemilik', ...OWNER },
  })) as { token: string }
  const area = await call(
    request,
    host,
    'catalog.createArea',
    { code: 'BGR', name: 'Bogor' },
    token,
  )
  const product = await call(
    request,
    host,
    'catalog.createProduct',
    { name: 'Rumah 30 Mbps', serviceType: 'pppoe', monthlyPrice: PRICE },
    token,
  )
  const customer = await call(
    request,
    host,
    'customers.create',
    { areaId: area.id, name: 'Dewi Lestari', phone: '081311112222' },
    token,
  )
  await call(
    request,
    host,
    'customers.addService',
    {
      customerId: customer.id,
      productId: product.id,
      status: 'aktif',
      activationDate: `${period}-01`,
      billingSchedule: { kind: 'fixed', day: 1 },
    },
    token,
  )
  return { customerId: customer.id as number }
}

async function signInAs(page: Page, host: Host): Promise<void> {
  await page.goto(host.url)
  await page.getByLabel('Nama pengguna').fill(OWNER.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(OWNER.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page.getByRole('link', { name: 'Tagihan' })).toBeVisible()
}

function thisMonth(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
}

const rupiah = (n: number) => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`

test('run billing for a period → open the invoice → see it on the customer statement', async ({
  page,
  host,
}) => {
  // One long journey on a host started for this test alone; a shared machine needs the margin.
  test.setTimeout(180_000)
  const period = thisMonth()
  const { customerId } = await seedCustomer(page.request, host, period)
  await signInAs(page, host)

  // 1. Nothing billed yet.
  await page.getByRole('link', { name: 'Tagihan' }).click()
  await expect(page.getByRole('heading', { name: 'Tagihan', level: 1 })).toBeVisible()
  await expect(page.getByTestId('invoices-empty')).toContainText('Belum ada tagihan')

  // 2. The run: preview first, then issue.
  await page.getByRole('button', { name: 'Jalankan penagihan' }).click()
  const dialog = page.getByRole('dialog')
  await pickMonth(page, dialog, 'Periode tagihan', period)
  await dialog.getByRole('button', { name: 'Pratinjau' }).click()
  await expect(dialog.getByTestId('preview-invoices')).toHaveText('1')
  await expect(dialog.getByTestId('preview-total')).toHaveText(rupiah(PRICE))
  await expect(dialog.getByTestId('preview-sample')).toContainText('Dewi Lestari')
  await dialog.getByRole('button', { name: 'Terbitkan 1 tagihan' }).click()
  await expect(dialog.getByTestId('run-done')).toContainText('1 tagihan terbit')
  await dialog.getByRole('button', { name: 'Lihat tagihan periode ini' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`period=${period}`))

  // 3. The list: one unpaid invoice, totals below; the run is in the history.
  const row = page.getByTestId('invoice-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Dewi Lestari')
  await expect(row.getByTestId('invoice-status')).toHaveText('Belum bayar')
  await expect(page.getByTestId('invoice-totals')).toContainText('Total 1 tagihan')
  await expect(page.getByTestId('run-history')).toContainText('Selesai')

  // 4. A second run of the same period bills nobody twice.
  await page.getByRole('button', { name: 'Jalankan penagihan' }).click()
  await pickMonth(page, dialog, 'Periode tagihan', period)
  await dialog.getByRole('button', { name: 'Pratinjau' }).click()
  await expect(dialog.getByTestId('preview-invoices')).toHaveText('0')
  await expect(dialog.getByTestId('skip-reason')).toContainText('Sudah ditagih')
  await expect(dialog.getByRole('button', { name: 'Terbitkan 0 tagihan' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Kembali' }).click()
  await dialog.getByRole('button', { name: 'Batal' }).click()
  await expect(dialog).toBeHidden()

  // 5. The invoice itself.
  await row.click()
  await expect(page.getByTestId('invoice-number')).toHaveText(/^INV\/\d{4}\/\d+$/)
  const number = await page.getByTestId('invoice-number').innerText()
  await expect(page.getByTestId('invoice-total')).toContainText(rupiah(PRICE))
  await expect(page.getByTestId('invoice-balance')).toContainText(rupiah(PRICE))
  await expect(page.getByTestId('invoice-line')).toContainText('Rumah 30 Mbps')
  await expect(page.getByRole('button', { name: 'Batalkan tagihan' })).toBeVisible()

  // 6. The customer's statement lists it, linked back to the invoice.
  await page.getByRole('link', { name: /Dewi Lestari/ }).click()
  await expect(page).toHaveURL(new RegExp(`/customers/${customerId}$`))
  const statement = page.getByTestId('customer-billing')
  await expect(statement.getByTestId('statement-row')).toHaveCount(1)
  await expect(statement.getByTestId('statement-row')).toContainText(number)
  await expect(statement.getByTestId('statement-balance')).toHaveText(rupiah(PRICE))
  await statement.getByRole('link', { name: number }).click()
  await expect(page.getByTestId('invoice-number')).toHaveText(number)

  // 7. Billing settings: a pattern without a sequence is refused, a bank account is kept.
  await page.getByRole('link', { name: 'Pengaturan Perusahaan' }).click()
  const settings = page.getByTestId('billing-settings')
  await expect(settings.getByLabel('Nomor tagihan')).toHaveValue('INV/{YYYY}/{000000}')
  await settings.getByLabel('Nomor tagihan').fill('INV')
  await settings.getByRole('button', { name: 'Tambah rekening' }).click()
  await settings.getByLabel('Bank', { exact: true }).fill('BCA')
  await settings.getByLabel('Nomor rekening').fill('1234567890')
  await settings.getByLabel('Atas nama').fill('Net Tagih')
  await settings.getByRole('button', { name: 'Simpan' }).click()
  await expect(settings).toContainText('Pola harus memuat nomor urut')
  await settings.getByLabel('Nomor tagihan').fill('TAG/{YYYY}/{00000}')
  await settings.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Pengaturan tagihan tersimpan.')).toBeVisible()
  await page.reload()
  await expect(settings.getByLabel('Nomor tagihan')).toHaveValue('TAG/{YYYY}/{00000}')
  await expect(settings.getByLabel('Nomor rekening')).toHaveValue('1234567890')
})

test('one-time charges, a credit note and a void, from the customer page', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  const { customerId } = await seedCustomer(page.request, host, thisMonth())
  await signInAs(page, host)
  await page.goto(`${host.url}customers/${customerId}`)
  const section = page.getByTestId('customer-billing')
  await expect(section.getByText('Belum ada tagihan atau pembayaran.')).toBeVisible()
  const dialog = page.getByRole('dialog')

  // 1. A charge billed at once gets its own invoice; an empty form says what is missing.
  await section.getByRole('button', { name: 'Tambah biaya' }).click()
  await dialog.getByRole('button', { name: 'Simpan biaya' }).click()
  await expect(dialog).toContainText('Wajib diisi.')
  await dialog.getByLabel('Uraian').fill('Sewa router')
  await dialog.getByLabel('Jumlah').fill('50.000')
  await dialog.getByLabel('Tagih sekarang (tagihan tersendiri)').check()
  await dialog.getByRole('button', { name: 'Simpan biaya' }).click()
  await expect(dialog).toBeHidden()
  await expect(section.getByTestId('statement-row')).toHaveCount(1)
  await expect(section.getByTestId('statement-balance')).toHaveText(rupiah(50_000))

  // 2. A charge for the next invoice waits, and can be cancelled after a confirmation.
  await section.getByRole('button', { name: 'Tambah biaya' }).click()
  await dialog.getByLabel('Uraian').fill('Biaya pemasangan')
  await dialog.getByLabel('Jumlah').fill('250000')
  await dialog.getByRole('button', { name: 'Simpan biaya' }).click()
  await expect(dialog).toBeHidden()
  await expect(section.getByTestId('pending-charge')).toContainText(rupiah(250_000))
  await section.getByRole('button', { name: 'Batalkan biaya Biaya pemasangan' }).click()
  await dialog.getByRole('button', { name: 'Batalkan biaya' }).click()
  await expect(dialog).toBeHidden()
  await expect(section.getByTestId('pending-charge')).toHaveCount(0)

  // 3. A credit note cannot exceed the invoice; a smaller one lowers the balance.
  await section.getByTestId('statement-row').getByRole('link').click()
  await expect(page.getByTestId('invoice-total')).toContainText(rupiah(50_000))
  await page.getByRole('button', { name: 'Nota kredit' }).click()
  await dialog.getByLabel('Jumlah').fill('60.000')
  await dialog.getByLabel('Alasan').fill('Kompensasi gangguan')
  await dialog.getByRole('button', { name: 'Buat nota kredit' }).click()
  await expect(dialog).toContainText('Nota kredit melebihi nilai tagihan')
  await dialog.getByLabel('Jumlah').fill('20.000')
  await dialog.getByRole('button', { name: 'Buat nota kredit' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('invoice-credit-notes')).toContainText('CN/')
  await expect(page.getByTestId('invoice-balance')).toContainText(rupiah(30_000))
  await expect(page.getByTestId('invoice-status')).toHaveText('Dibayar sebagian')
  await expect(page.getByRole('button', { name: 'Batalkan tagihan' })).toHaveCount(0)

  // 4. An unpaid invoice is voided only with a reason.
  await page.getByRole('link', { name: /Dewi Lestari/ }).click()
  await section.getByRole('button', { name: 'Tambah biaya' }).click()
  await dialog.getByLabel('Uraian').fill('Denda keterlambatan')
  await dialog.getByLabel('Jumlah').fill('10.000')
  await dialog.getByLabel('Tagih sekarang (tagihan tersendiri)').check()
  await dialog.getByRole('button', { name: 'Simpan biaya' }).click()
  await expect(dialog).toBeHidden()
  const second = section.getByTestId('statement-row').filter({ hasText: 'Tagihan' }).nth(1)
  await second.getByRole('link').click()
  await expect(page.getByTestId('invoice-total')).toContainText(rupiah(10_000))
  await page.getByRole('button', { name: 'Batalkan tagihan' }).click()
  await dialog.getByRole('button', { name: 'Batalkan tagihan' }).click()
  await expect(dialog).toContainText('Wajib diisi.')
  await dialog.getByLabel('Alasan pembatalan').fill('Salah tagih')
  await dialog.getByRole('button', { name: 'Batalkan tagihan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('invoice-status')).toHaveText('Batal')
  await expect(page.getByText('Tagihan ini dibatalkan')).toBeVisible()
})

/** The month after `period` (YYYY-MM). */
function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

const ddmmyyyy = (date: string) => date.split('-').reverse().join('/')

test('invoices dated after today are badged "Terbit", left out of the totals, and both pages say so', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000)
  const period = thisMonth()
  const later = nextPeriod(period)
  await seedCustomer(page.request, host, period)
  // This month's invoice is dated the 1st (issued); next month's, run ahead, is dated later.
  const { token } = (await call(page.request, host, 'auth.login', OWNER)) as { token: string }
  await call(page.request, host, 'billing.runPeriod', { period }, token)
  await call(page.request, host, 'billing.runPeriod', { period: later }, token)
  await signInAs(page, host)

  // 1. Tagihan by default: issued up to today, the later one named in words, not counted.
  await page.getByRole('link', { name: 'Tagihan' }).click()
  const rows = page.getByTestId('invoice-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.getByTestId('invoice-upcoming')).toHaveCount(0)
  const summary = page.getByTestId('invoice-summary')
  await expect(summary).toContainText(
    `Total tagihan terbit s.d. hari ini (${await todayOnPage(page)}): ${rupiah(PRICE)}, sisa ${rupiah(PRICE)}.`,
  )
  await expect(summary).toContainText(`1 tagihan terbit nanti (${rupiah(PRICE)}) tidak termasuk.`)
  await expect(summary).toContainText('sama dengan Total piutang per hari ini')
  await expect(page.getByTestId('invoice-totals')).toContainText('Total 1 tagihan')

  // 2. "Tampilkan": the filter in the URL, the row badged with its issue date.
  await summary.getByRole('button', { name: 'Tampilkan' }).click()
  await expect(page).toHaveURL(/issue=upcoming/)
  await expect(rows).toHaveCount(1)
  await expect(rows.getByTestId('invoice-upcoming')).toHaveText(`Terbit ${ddmmyyyy(`${later}-01`)}`)
  await expect(summary).toContainText('Total tagihan terbit nanti')
  await expect(summary).toContainText('Belum dihitung di Piutang.')

  // 3. "Semua" lists both, the later first, and says what the totals include.
  await page.getByTestId('invoice-issue-filter').click()
  await page.getByRole('option', { name: 'Semua' }).click()
  await expect(page).toHaveURL(/issue=all/)
  await expect(rows).toHaveCount(2)
  await expect(rows.first().getByTestId('invoice-upcoming')).toBeVisible()
  await expect(summary).toContainText(`Termasuk 1 tagihan terbit nanti (${rupiah(PRICE)}).`)
  await expect(page.getByTestId('invoice-totals')).toContainText('Total 2 tagihan')

  // 4. Piutang as of today: the same invoice counted, the later one named, the same words.
  await page.getByRole('link', { name: 'Laporan' }).click()
  await expect(page.getByTestId('receivables-summary')).toContainText(rupiah(PRICE))
  const note = page.getByTestId('receivables-note')
  await expect(note).toContainText(
    `Piutang per ${await todayOnPage(page)}: sisa tagihan yang sudah terbit s.d. tanggal itu`,
  )
  await expect(note).toContainText(`1 tagihan terbit nanti (sisa ${rupiah(PRICE)}) tidak termasuk.`)
  await expect(note).toContainText('Total ini sama dengan sisa di Tagihan')
  await note.getByRole('link', { name: 'Lihat di Tagihan' }).click()
  await expect(page).toHaveURL(/\/billing\?issue=upcoming/)
  await expect(rows.getByTestId('invoice-upcoming')).toBeVisible()
})

/** Today in the company's zone (Asia/Jakarta, as the browser's here) as dd/mm/yyyy. */
async function todayOnPage(page: Page): Promise<string> {
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()),
  )
  return ddmmyyyy(today)
}
