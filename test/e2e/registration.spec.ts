import { mkdirSync, readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

/**
 * Registrasi → Aktif (seed 001) in the browser: a prospective customer walks the six columns
 * through each step's form, the BAST is signed on two signature pads, and the activation puts
 * the PPPoE secret on the RouterOS simulator, bills the first invoice and keeps the signed PDF.
 * Screenshots of the board and each form at 1366×768 go to /tmp/shots-reg/.
 */
const SHOTS = '/tmp/shots-reg'

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
  sim.state.add('/ppp/profile', { name: '10M', 'rate-limit': '10M/10M' })
  sim.state.add('/ppp/profile', { name: 'ISOLIR', 'rate-limit': '256k/256k' })
  mkdirSync(SHOTS, { recursive: true })
})
test.afterEach(async () => {
  await sim.close()
})

async function sign(page: Page, pad: Locator) {
  const box = (await pad.boundingBox())!
  await page.mouse.move(box.x + 30, box.y + box.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25), {
      steps: 2,
    })
  await page.mouse.up()
}

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option }).click()
}

test('six steps from registration to an active service with a signed BAST and a first invoice', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  const token = await setUpCompany(request, host)
  await call(request, host, token, 'catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  await call(request, host, token, 'catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 10,
    uploadMbps: 10,
    routerProfile: '10M',
  })
  await addSimRouter(request, host, token, sim.port)
  await signIn(page, host, OWNER, 'Registrasi')

  await page.getByRole('link', { name: 'Registrasi' }).click()
  await expect(page.getByText('Belum ada calon pelanggan.')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/board-empty.png` })

  // 1. Registrasi: the prospective customer's data.
  await page.getByRole('button', { name: 'Registrasi baru' }).click()
  let dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Simpan registrasi' }).click()
  await expect(dialog.getByText('Wajib diisi.').first()).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Nama', exact: true }).fill('Gilang Anugrah')
  await choose(page, dialog, 'Area', 'CBG01 — Cibinong')
  await dialog.getByLabel('No. telepon / WhatsApp').fill('0813-1111-2222')
  await dialog.getByLabel('No. identitas (NIK)').fill('3201010101010001')
  await dialog.getByLabel('Pemasaran').fill('Sales Rina')
  await dialog.getByLabel('Lintang').fill('-6,4815')
  await dialog.getByLabel('Bujur').fill('106,854')
  await dialog.getByLabel('Alamat lengkap').fill('Jl. Mawar 5, Cibinong')
  await page.screenshot({ path: `${SHOTS}/1-registrasi.png` })
  await dialog.getByRole('button', { name: 'Simpan registrasi' }).click()
  const card = page.getByTestId('column-registrasi').getByText('Gilang Anugrah')
  await expect(card).toBeVisible()

  // 2. Survei: schedule, then the report (layak).
  await page.getByRole('button', { name: 'Jadwalkan survei' }).click()
  dialog = page.getByRole('dialog')
  await choose(page, dialog, 'Prioritas', 'Tinggi')
  await dialog.getByLabel('Jam').fill('9.30')
  await dialog.getByRole('button', { name: 'Simpan dan lanjutkan' }).click()
  await expect(dialog.getByText('Jam tidak valid, tulis seperti 09:30.')).toBeVisible()
  await dialog.getByLabel('Jam').fill('09:30')
  await page.screenshot({ path: `${SHOTS}/2-survei-jadwal.png` })
  await dialog.getByRole('button', { name: 'Simpan dan lanjutkan' }).click()
  await expect(page.getByTestId('column-survei').getByText('Gilang Anugrah')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/board-survei.png` })

  await page.getByRole('button', { name: 'Isi laporan survei' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByLabel('Topologi').fill('ODP-07 → tiang 3 → rumah, 120 m')
  await dialog.getByLabel('Catatan').fill('Sinyal ODP bagus')
  await page.screenshot({ path: `${SHOTS}/2-survei-laporan.png` })
  await dialog.getByRole('button', { name: 'Simpan laporan survei' }).click()
  await expect(page.getByTestId('column-akun').getByText('Gilang Anugrah')).toBeVisible()

  // 3. Akun: the login by the company rule.
  await page.getByRole('button', { name: 'Buat akun' }).click()
  dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('combobox', { name: 'Area', exact: true })).toHaveValue(
    'CBG01 — Cibinong',
  )
  await page.screenshot({ path: `${SHOTS}/3-akun.png` })
  await dialog.getByRole('button', { name: 'Simpan dan lanjutkan' }).click()
  await expect(page.getByText('Akun cbg01-0001 dibuat.')).toBeVisible()

  // 4. Produk: the package; the service is created.
  await page.getByRole('button', { name: 'Atur produk' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Simpan' }).click()
  await expect(
    dialog.getByText('Wajib diisi.').or(dialog.getByText(/tidak valid|Pilih/)),
  ).not.toHaveCount(0)
  await choose(page, dialog, 'Produk (paket)', 'Rumah 10 Mbps')
  await expect(dialog.getByLabel('Kecepatan unduh (Mbps)')).toHaveValue('10')
  await expect(dialog.getByLabel('Nama pengguna PPPoE')).toHaveValue('cbg01-0001')
  await page.screenshot({ path: `${SHOTS}/4-produk.png` })
  await dialog.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByTestId('column-instalasi').getByText('Gilang Anugrah')).toBeVisible()

  // Back with a reason, then forward again through the same form.
  await page.getByRole('button', { name: 'Mundurkan' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Mundurkan' }).click()
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible()
  await dialog.getByLabel('Alasan').fill('Paket salah, cek ulang')
  await dialog.getByRole('button', { name: 'Mundurkan' }).click()
  await expect(page.getByTestId('column-produk').getByText('Gilang Anugrah')).toBeVisible()
  await page.getByRole('button', { name: 'Atur produk' }).click()
  dialog = page.getByRole('dialog')
  await choose(page, dialog, 'Produk (paket)', 'Rumah 10 Mbps')
  await dialog.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByTestId('column-instalasi').getByText('Gilang Anugrah')).toBeVisible()

  // 5. Instalasi: schedule with the fee and items, then the report.
  await page.getByRole('button', { name: 'Jadwalkan instalasi' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByLabel('Biaya instalasi (Rp)').fill('150.000')
  await dialog.getByRole('button', { name: 'Tambah barang' }).click()
  await dialog.getByLabel('Nama / jenis barang').fill('ONT ZTE F609')
  await dialog.getByLabel('Satuan').fill('unit')
  await dialog.getByLabel('Lokasi gudang').fill('Gudang Cibinong')
  await page.screenshot({ path: `${SHOTS}/5-instalasi-jadwal.png` })
  await dialog.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('button', { name: 'Isi laporan instalasi' })).toBeVisible()

  await page.getByRole('button', { name: 'Isi laporan instalasi' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByLabel('Serial ONU').fill('ZTEGC8A1B2C3')
  await dialog.getByLabel('Daya RX (dBm)').fill('-19,5')
  await dialog.getByLabel('Panjang kabel (meter)').fill('118')
  await dialog.getByLabel('Catatan operasional').fill('Modem di ruang tamu')
  await page.screenshot({ path: `${SHOTS}/5-instalasi-laporan.png` })
  await dialog.getByRole('button', { name: 'Simpan dan ajukan laporan instalasi' }).click()
  await expect(page.getByTestId('column-finalisasi').getByText('Gilang Anugrah')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/board-finalisasi.png` })

  // 6. Finalisasi: both signatures drawn on screen, then the activation.
  await page.getByRole('button', { name: 'BAST & aktivasi' }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Simpan & aktifkan' }).click()
  await expect(dialog.getByText('Tanda tangan TTD. Pelanggan belum dibuat.')).toBeVisible()
  await sign(page, dialog.getByTestId('signature-customer'))
  await sign(page, dialog.getByTestId('signature-technician'))
  await page.screenshot({ path: `${SHOTS}/6-finalisasi.png` })
  await dialog.getByRole('button', { name: 'Simpan & aktifkan' }).click()
  await expect(
    page.getByText(/Layanan aktif\. Tagihan pertama INV\/\d{4}\/\d{6} dibuat\./),
  ).toBeVisible()

  // The router got the secret with the package's profile.
  await expect
    .poll(() => sim.state.find('/ppp/secret', { name: 'cbg01-0001' })[0]?.profile, {
      timeout: 30_000,
    })
    .toBe('10M')

  // The card is on the "Sudah aktif" tab; its BAST downloads as a PDF with both signatures.
  await page.getByText('Sudah aktif').click()
  await page.getByText('Gilang Anugrah').click()
  const drawer = page.getByRole('dialog')
  await expect(drawer.getByText('BAST ditandatangani')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/detail-aktif.png` })
  const download = page.waitForEvent('download')
  await drawer.getByRole('button', { name: 'Unduh BAST' }).click()
  const pdf = readFileSync((await (await download).path())!)
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  // Two signature images (a canvas PNG has transparency: each brings its soft mask as well).
  const latin = pdf.toString('latin1')
  const images = latin.match(/\/Subtype \/Image/g)?.length ?? 0
  const masks = latin.match(/\/SMask \d+ 0 R/g)?.length ?? 0
  expect(images - masks).toBe(2)

  // The first invoice: the prorated month and the installation fee.
  const [board] = await call<{ id: number }[]>(
    request,
    host,
    token,
    'registrations.list',
    { status: 'aktif' },
    'query',
  )
  const detail = await call<{ finalisation: { firstInvoiceId: number | null } }>(
    request,
    host,
    token,
    'registrations.get',
    { registrationId: board!.id },
    'query',
  )
  const invoice = await call<{ total: number; lines: { description: string; amount: number }[] }>(
    request,
    host,
    token,
    'billing.invoice',
    { id: detail.finalisation.firstInvoiceId },
    'query',
  )
  expect(invoice.lines.map((l) => l.description)).toContain('Biaya instalasi')
  expect(invoice.total).toBeGreaterThan(150_000)
})

test('a tidak layak survey needs its reason, closes the card and can message the customer', async ({
  page,
  request,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const token = await setUpCompany(request, host)
  const area = await call<{ id: number }>(request, host, token, 'catalog.createArea', {
    code: 'CBG01',
    name: 'Cibinong',
  })
  const customer = await call<{ id: number }>(request, host, token, 'customers.create', {
    areaId: area.id,
    name: 'Siti Aminah',
    phone: '0813-3333-4444',
  })
  const card = await call<{ id: number }>(request, host, token, 'registrations.open', {
    customerId: customer.id,
  })
  await call(request, host, token, 'registrations.scheduleSurvey', {
    registrationId: card.id,
    priority: 'rendah',
    date: '2026-12-20',
  })
  await signIn(page, host, OWNER, 'Registrasi')
  await page.getByRole('link', { name: 'Registrasi' }).click()
  await page.getByRole('button', { name: 'Isi laporan survei' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByText('Tidak layak').click()
  await dialog.getByRole('button', { name: 'Simpan laporan survei' }).click()
  await expect(dialog.getByText('Tulis alasannya.')).toBeVisible()
  await dialog.getByLabel('Alasan tidak layak').fill('Tidak ada ODP dalam 300 m')
  await dialog.getByLabel('Kirim pesan ke calon pelanggan').check()
  await page.screenshot({ path: `${SHOTS}/2-survei-tidak-layak.png` })
  await dialog.getByRole('button', { name: 'Simpan laporan survei' }).click()
  await expect(page.getByText('Kartu ditutup: survei tidak layak.')).toBeVisible()
  await expect(page.getByText('Belum ada calon pelanggan.')).toBeVisible()
  await page.getByText('Tidak layak', { exact: true }).click()
  await expect(page.getByText('Tidak ada ODP dalam 300 m')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/board-tidak-layak.png` })
})
