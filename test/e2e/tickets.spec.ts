import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

/** Where the screenshots of the Tiket pages go when asked (TICKET_SHOTS=/tmp/shots-tickets). */
const SHOTS = process.env.TICKET_SHOTS

let wa: MessageSim
test.beforeEach(async () => {
  wa = await startMessageSim()
})
test.afterEach(async () => {
  await wa.close()
})

/** A 2×2 PNG: a photo the browser can draw as a thumbnail. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
)

/**
 * Budi Santoso in Cibinong with an active service and a WhatsApp number; WhatsApp goes through
 * Fonnte, pointed at the simulator. A technician who can be given tickets.
 */
async function seed(request: APIRequestContext, host: Host, token: string) {
  const api = <T>(procedure: string, input: unknown, kind?: 'query') =>
    call<T>(request, host, token, procedure, input, kind)
  const area = await api<{ id: number }>('catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  const product = await api<{ id: number }>('catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
  })
  // A long-connected customer: the welcome message of the first activation is not this test's.
  const policy = await api<Record<string, unknown>>('collections.settings', undefined, 'query')
  await api('collections.setSettings', { ...policy, sendWelcome: false })
  const budi = await api<{ id: number; code: string }>('customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
    phone: '081211112222',
  })
  await api('customers.addService', {
    customerId: budi.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-01-01',
    billingSchedule: { kind: 'fixed', day: 1 },
  })
  await api('channels.set', { provider: 'fonnte', token: wa.tokens.fonnte, baseUrl: wa.url })
  await api('users.create', {
    name: 'Teknisi Lapangan',
    username: 'teknisi',
    password: 'Lapangan-Rahasia-77',
    role: 'technician',
  })
  return budi
}

/** The WhatsApp message that went out with `text` in it (the simulator's inbox). */
async function whatsappWith(text: RegExp) {
  let found = ''
  await expect
    .poll(
      () => {
        found = wa.received.find((m) => text.test(m.message))?.message ?? ''
        return found
      },
      { timeout: 20_000 },
    )
    .not.toBe('')
  return found
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

/** The button of the open dialog (the page may have a button of the same name behind it). */
const dialogButton = (page: Page, name: string) =>
  page.getByRole('dialog').getByRole('button', { name, exact: true })

test('a complaint from the customer page to selesai: assigned, worked, both WhatsApp messages sent, reopened with a reason', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(120_000)
  const token = await setUpCompany(request, host)
  const budi = await seed(request, host, token)
  await signIn(page, host, OWNER, 'Tiket')

  // The customer page: no tickets yet, "Buat tiket" with Budi already chosen.
  await page.goto(`${host.url}customers/${budi.id}`)
  const section = page.getByTestId('customer-tickets')
  await expect(section.getByTestId('customer-tickets-empty')).toBeVisible()
  await section.getByRole('button', { name: 'Buat tiket' }).click()
  const dialog = page.getByRole('dialog', { name: 'Tiket baru' })
  await expect(dialog.getByLabel('Pelanggan')).toHaveValue(`${budi.code} — Budi Santoso`)

  // Nothing filled: the form says what is missing, in Indonesian.
  await dialogButton(page, 'Buat tiket').click()
  await expect(dialog.getByText('Wajib diisi.').first()).toBeVisible()

  await dialog.getByRole('combobox', { name: 'Kategori', exact: true }).click()
  await page.getByRole('option', { name: 'Gangguan' }).click()
  await dialog.getByRole('combobox', { name: 'Prioritas', exact: true }).click()
  await page.getByRole('option', { name: 'Tinggi' }).click()
  await dialog.getByRole('combobox', { name: 'Diterima lewat', exact: true }).click()
  await page.getByRole('option', { name: 'WhatsApp' }).click()
  await dialog.getByLabel('Judul').fill('Internet mati sejak pagi')
  await dialog.getByLabel('Keterangan').fill('Lampu LOS merah. Sudah restart modem.')
  await dialog.getByLabel('SN perangkat').fill('ZTEG1A2B3C4D')
  await shot(page, 'new-ticket-form')
  await dialogButton(page, 'Buat tiket').click()

  // The ticket's page: TKT/<year>/000001, baru, and "keluhan diterima" with the number at WhatsApp.
  await expect(page).toHaveURL(/\/tiket\/\d+$/)
  const number = (await page.getByTestId('ticket-number').textContent())!
  expect(number).toMatch(/^TKT\/\d{4}\/000001$/)
  await expect(page.getByTestId('ticket-status')).toHaveText('Baru')
  const received = await whatsappWith(/keluhan Anda sudah kami terima/)
  expect(received).toContain(number)
  expect(received).toContain('Budi Santoso')

  // Assigned to the technician.
  await page.getByRole('button', { name: 'Tugaskan' }).click()
  await page.getByRole('dialog').getByRole('combobox', { name: 'Petugas', exact: true }).click()
  await page.getByRole('option', { name: 'Teknisi Lapangan' }).click()
  await dialogButton(page, 'Tugaskan').click()
  await expect(page.getByTestId('ticket-assignee')).toHaveText('Teknisi Lapangan')

  // baru → dalam proses → menunggu konfirmasi → selesai; only the next step is offered.
  await expect(page.getByRole('button', { name: 'Selesai' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Proses' }).click()
  await page.getByRole('dialog').getByLabel('Catatan').fill('Teknisi berangkat ke lokasi.')
  await dialogButton(page, 'Proses').click()
  await expect(page.getByTestId('ticket-status')).toHaveText('Dalam proses')
  await page.getByRole('button', { name: 'Minta konfirmasi' }).click()
  await page.getByRole('dialog').getByLabel('Catatan').fill('Kabel drop diganti, RX -19 dBm.')
  await dialogButton(page, 'Minta konfirmasi').click()
  await expect(page.getByTestId('ticket-status')).toHaveText('Menunggu konfirmasi')
  await page.getByRole('button', { name: 'Selesai' }).click()
  await expect(page.getByRole('dialog')).toContainText('keluhan selesai')
  await dialogButton(page, 'Selesai').click()
  await expect(page.getByTestId('ticket-status')).toHaveText('Selesai')
  const resolved = await whatsappWith(/sudah selesai ditangani/)
  expect(resolved).toContain(number)

  // A photo of the ONT: a thumbnail, opened full size.
  await page
    .getByTestId('ticket-photos')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'ont.png', mimeType: 'image/png', buffer: PHOTO })
  await expect(page.getByTestId('ticket-photo')).toHaveCount(1)
  await page.getByRole('button', { name: 'Buka foto ont.png ukuran penuh' }).click()
  await expect(page.getByTestId('ticket-photo-full')).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click()

  // Reopened: the reason is required and lands in the history.
  await page.getByRole('button', { name: 'Buka kembali' }).click()
  await dialogButton(page, 'Buka kembali').click()
  await expect(page.getByRole('dialog').getByText('Wajib diisi.')).toBeVisible()
  await page
    .getByRole('dialog')
    .getByLabel('Alasan dibuka kembali')
    .fill('Pelanggan menelepon: putus lagi malam ini.')
  await dialogButton(page, 'Buka kembali').click()
  await expect(page.getByTestId('ticket-status')).toHaveText('Dalam proses')
  const reopened = page.locator('[data-testid="ticket-event"][data-kind="reopened"]')
  await expect(reopened).toContainText('Selesai → Dalam proses')
  await expect(reopened).toContainText('Pelanggan menelepon: putus lagi malam ini.')
  await expect(page.getByTestId('ticket-event')).toHaveCount(6)
  await shot(page, 'ticket-detail')
  await page.getByTestId('ticket-photos').scrollIntoViewIfNeeded()
  await shot(page, 'ticket-detail-photos')

  // The list: found by the device's SN, with its SLA clock.
  await page.getByRole('link', { name: 'Tiket', exact: true }).click()
  await expect(page.getByTestId('ticket-row')).toHaveCount(1)
  await page.getByLabel('Cari tiket').fill('zteg1a2b')
  await expect(page).toHaveURL(/q=zteg1a2b/)
  await expect(page.getByTestId('ticket-row')).toHaveCount(1)
  await expect(page.getByTestId('ticket-row').getByTestId('ticket-sla')).toContainText('sisa')
  await page.getByLabel('Cari tiket').fill('tidak-ada')
  await expect(page.getByTestId('tickets-empty')).toHaveText(/Tidak ada tiket yang cocok/)
  await page.getByRole('button', { name: 'Hapus filter' }).click()
  await expect(page.getByTestId('ticket-row')).toHaveCount(1)
  await shot(page, 'ticket-list')

  // The customer page lists it, linking to the ticket.
  await page.goto(`${host.url}customers/${budi.id}`)
  await expect(section.getByTestId('customer-ticket')).toHaveCount(1)
  await section.getByTestId('customer-ticket').scrollIntoViewIfNeeded()
  await shot(page, 'customer-tickets')
  await section.getByRole('link', { name: number }).click()
  await expect(page.getByTestId('ticket-number')).toHaveText(number)
})

test('categories and SLA targets: a used category is switched off, not removed', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  await call(request, host, token, 'tickets.open', {
    category: 'tagihan',
    priority: 'sedang',
    title: 'Tagihan dobel',
  })
  await signIn(page, host, OWNER, 'Tiket')
  await page.goto(`${host.url}company`)
  const settings = page.getByTestId('ticket-settings')
  await settings.scrollIntoViewIfNeeded()
  await expect(settings.getByTestId('ticket-category')).toHaveCount(6)
  await shot(page, 'ticket-settings')

  // Removing a category in use is refused with the reason.
  await settings.getByRole('button', { name: 'Hapus kategori Tagihan' }).click()
  await settings.getByRole('button', { name: 'Simpan' }).click()
  await expect(settings).toContainText('masih dipakai')
  await page.reload()
  await settings.scrollIntoViewIfNeeded()

  // Switched off instead, a new one added, and the SLA of darurat tightened.
  await settings.getByRole('switch', { name: 'Aktif Tagihan' }).uncheck({ force: true })
  await settings.getByRole('button', { name: 'Tambah kategori' }).click()
  await settings.getByRole('textbox', { name: 'Kode' }).fill('odp')
  await settings.getByRole('textbox', { name: 'Nama' }).last().fill('ODP / jaringan')
  await settings.getByLabel('Darurat Penyelesaian (menit)').fill('120')
  await settings.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Pengaturan tiket disimpan.')).toBeVisible()

  const saved = await call<{
    categories: { key: string; active: boolean }[]
    sla: { darurat: { resolutionMinutes: number } }
  }>(request, host, token, 'tickets.settings', undefined, 'query')
  expect(saved.categories.find((c) => c.key === 'tagihan')).toMatchObject({ active: false })
  expect(saved.categories.find((c) => c.key === 'odp')).toMatchObject({ active: true })
  expect(saved.sla.darurat.resolutionMinutes).toBe(120)

  // The new-ticket form offers the new category and no longer the switched-off one.
  await page.getByRole('link', { name: 'Tiket', exact: true }).click()
  await page.getByRole('button', { name: 'Tiket baru' }).click()
  await page.getByRole('dialog').getByRole('combobox', { name: 'Kategori', exact: true }).click()
  await expect(page.getByRole('option', { name: 'ODP / jaringan' })).toBeVisible()
  await expect(page.getByRole('option', { name: 'Tagihan' })).toHaveCount(0)
})

test('cancelling asks first; a cancelled ticket offers only reopening', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  const opened = await call<{ id: number; number: string }>(request, host, token, 'tickets.open', {
    category: 'lainnya',
    priority: 'rendah',
    medium: 'datang',
    title: 'Tanya jadwal pemasangan',
  })
  await signIn(page, host, OWNER, 'Tiket')
  await page.goto(`${host.url}tiket/${opened.id}`)
  await expect(page.getByTestId('ticket-status')).toHaveText('Baru')

  // "Batal" in the confirmation leaves the ticket as it was.
  await page.getByRole('button', { name: 'Batalkan tiket' }).click()
  const confirm = page.getByRole('dialog', { name: `Batalkan tiket ${opened.number}?` })
  await expect(confirm).toContainText('bisa dibuka kembali dengan alasan')
  await confirm.getByRole('button', { name: 'Batal', exact: true }).click()
  await expect(confirm).toHaveCount(0)
  await expect(page.getByTestId('ticket-status')).toHaveText('Baru')

  await page.getByRole('button', { name: 'Batalkan tiket' }).click()
  await confirm.getByLabel('Catatan').fill('Pelanggan sudah mendapat jadwal dari marketing.')
  await confirm.getByRole('button', { name: 'Ya, batalkan' }).click()
  await expect(page.getByTestId('ticket-status')).toHaveText('Dibatalkan')
  const actions = page.getByTestId('ticket-actions')
  await expect(actions.getByRole('button', { name: 'Buka kembali' })).toBeVisible()
  await expect(actions.getByRole('button', { name: 'Proses' })).toHaveCount(0)
  await expect(actions.getByRole('button', { name: 'Batalkan tiket' })).toHaveCount(0)
  await expect(
    page.locator('[data-testid="ticket-event"][data-kind="status"]').last(),
  ).toContainText('Baru → Dibatalkan')
})
