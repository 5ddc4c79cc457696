import type { APIRequestContext } from '@playwright/test'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

let wa: MessageSim
test.beforeEach(async () => {
  wa = await startMessageSim()
})
test.afterEach(async () => {
  await wa.close()
})

/**
 * Four customers in Cibinong: Budi and Dewi can be reached on WhatsApp, Agus has no number and
 * Siti refuses messages. WhatsApp goes through Fonnte, pointed at the simulator.
 */
async function seed(request: APIRequestContext, host: Host, token: string) {
  const area = await call<{ id: number }>(request, host, token, 'catalog.createArea', {
    code: 'CBG01',
    name: 'Cibinong',
  })
  const product = await call<{ id: number }>(request, host, token, 'catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
  })
  // Long-connected customers: the welcome message of their first activation is not this test's.
  const policy = await call<Record<string, unknown>>(
    request,
    host,
    token,
    'collections.settings',
    undefined,
    'query',
  )
  await call(request, host, token, 'collections.setSettings', { ...policy, sendWelcome: false })
  const customers: Record<string, { id: number; code: string }> = {}
  for (const [name, phone] of [
    ['Budi Santoso', '081211112222'],
    ['Siti Aminah', '081333334444'],
    ['Agus Salim', null],
    ['Dewi Lestari', '081555556666'],
  ] as const) {
    const c = await call<{ id: number; code: string }>(request, host, token, 'customers.create', {
      areaId: area.id,
      name,
      ...(phone ? { phone } : {}),
    })
    await call(request, host, token, 'customers.addService', {
      customerId: c.id,
      productId: product.id,
      status: 'aktif',
      activationDate: '2026-01-01',
      billingSchedule: { kind: 'fixed', day: 1 },
    })
    customers[name] = c
  }
  await call(request, host, token, 'collections.setCustomerFlags', {
    customerId: customers['Siti Aminah']!.id,
    noIsolir: false,
    messagesOptOut: true,
  })
  await call(request, host, token, 'channels.set', {
    provider: 'fonnte',
    token: wa.tokens.fonnte,
    baseUrl: wa.url,
  })
  return customers
}

test('broadcast a maintenance notice → find the skipped ones in the history → open one and see why', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  const customers = await seed(request, host, token)
  await signIn(page, host, OWNER, 'Pesan')
  await page.getByRole('link', { name: 'Pesan' }).click()
  await expect(page.getByTestId('messages-empty')).toContainText('Belum ada pesan')

  // The audience before anything is queued: four match, two can be reached, two cannot and why.
  await page.getByRole('tab', { name: 'Broadcast' }).click()
  await expect(page).toHaveURL(/tab=broadcast/)
  await expect(page.getByTestId('audience-total')).toHaveText('4')
  await expect(page.getByTestId('audience-sendable')).toHaveText('2')
  await expect(page.getByTestId('audience-skipped')).toHaveText('2')
  await expect(page.getByTestId('audience-reasons')).toContainText('Tidak ada nomor: 1')
  await expect(page.getByTestId('audience-reasons')).toContainText('Pelanggan menolak pesan: 1')

  // A variable nobody fills in is caught while typing; the buttons insert the right ones.
  const body = page.getByLabel('Isi pesan')
  await body.fill('Yth. {nama_lengkap}')
  await expect(page.getByText('Variabel tidak dikenal: {nama_lengkap}')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Kirim ke 2 pelanggan' })).toBeDisabled()
  await body.fill('Yth. ')
  await page.getByRole('button', { name: 'Sisipkan Nama pelanggan' }).click()
  await body.press('End')
  await body.pressSequentially(', jaringan akan dipelihara malam ini pukul 23.00-02.00.')
  await expect(page.getByTestId('broadcast-example')).toContainText(
    'Yth. Budi Santoso, jaringan akan dipelihara malam ini pukul 23.00-02.00.',
  )

  await page.getByRole('button', { name: 'Kirim ke 2 pelanggan' }).click()
  const confirm = page.getByRole('dialog')
  await expect(confirm).toContainText('2 pelanggan dilewati')
  await confirm.getByRole('button', { name: 'Kirim ke 2 pelanggan' }).click()
  await expect(page.getByTestId('broadcast-result')).toContainText(
    '2 pesan masuk antrean, 2 dilewati',
  )

  // The history: the broadcast's four messages, then only the skipped ones.
  await page.getByRole('link', { name: 'Lihat di riwayat' }).click()
  await expect(page).toHaveURL(/kind=broadcast/)
  const rows = page.getByTestId('message-row')
  await expect(rows).toHaveCount(4)
  await page.getByTestId('status-filter').getByText('Dilewati (2)').click()
  await expect(page).toHaveURL(/status=dilewati/)
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('messages-shown')).toHaveText('Menampilkan 2 dari 2 pesan')

  // Search by name among the skipped; the detail names the reason.
  await page.getByLabel('Cari nomor atau teks').fill('Agus')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(customers['Agus Salim']!.code)
  await expect(rows.first()).toContainText('Tidak ada nomor')
  await rows.first().click()
  const detail = page.getByTestId('message-detail')
  await expect(detail.getByTestId('message-reason')).toHaveText('Tidak ada nomor')
  await expect(detail.getByTestId('message-body')).toHaveText(
    'Yth. Agus Salim, jaringan akan dipelihara malam ini pukul 23.00-02.00.',
  )
  await page.keyboard.press('Escape')

  // A number typed the local way finds Budi's message, which went to WhatsApp (queued or sent).
  await page.getByRole('button', { name: 'Hapus filter' }).click()
  await page.getByLabel('Cari nomor atau teks').fill('0812-1111-2222')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('0812-1111-2222')
  await expect(rows.first().getByTestId('message-status')).toHaveAttribute(
    'data-status',
    /antri|terkirim/,
  )
  // Text search: a word of the notice finds all four.
  await page.getByLabel('Cari nomor atau teks').fill('dipelihara')
  await expect(rows).toHaveCount(4)
})

test('edit a template with a live preview for a real customer, then restore the default', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  await seed(request, host, token)
  await signIn(page, host, OWNER, 'Pesan')
  await page.goto(`${host.url}messages?tab=templates`)

  await expect(page.getByTestId('template-list')).toContainText('Pengingat tagihan')
  await expect(page.getByRole('heading', { name: 'Pengingat tagihan' })).toBeVisible()
  const preview = page.getByTestId('template-preview')
  await expect(preview).toContainText('Seperti yang akan diterima')
  await expect(preview.getByTestId('template-preview-body')).toContainText('Halo Budi Santoso')

  const body = page.getByLabel('Isi pesan')
  await body.fill('Yth. {nama_pelanggan}, mohon bayar {jumlah}.')
  await expect(page.getByText('Variabel tidak dikenal: {nama_pelanggan}')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Simpan' })).toBeDisabled()
  await body.fill('Yth. {nama} ({kode}), mohon segera melunasi tagihan. {perusahaan}')
  await expect(preview.getByTestId('template-preview-body')).toContainText(
    'Yth. Budi Santoso (CBG01-0001), mohon segera melunasi tagihan. Net Jaya',
  )
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Template disimpan.')).toBeVisible()
  await expect(page.getByTestId('template-list')).toContainText('Diubah')

  await page.getByRole('button', { name: 'Kembalikan ke bawaan' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Kembalikan ke bawaan' }).click()
  await expect(page.getByText('Bawaan Loket')).toBeVisible()
  await expect(body).toHaveValue(/kami mengingatkan tagihan internet yang belum dibayar/)

  // The page says when each template goes: complaints with tickets, the welcome on activation.
  const list = page.getByTestId('template-list')
  await expect(list.getByText('Belum dikirim')).toHaveCount(0)
  await list.getByText('Kode OTP').click()
  await expect(page.getByTestId('template-about')).toContainText(
    'Dikirim saat pengguna masuk dengan verifikasi dua langkah atau memakai Lupa kata sandi',
  )
  await list.getByText('Keluhan selesai').click()
  await expect(page.getByTestId('template-about')).toHaveText(
    'Dikirim saat tiket keluhan pelanggan berstatus selesai.',
  )
  await list.getByText('Selamat datang & akun').click()
  await expect(page.getByTestId('template-about')).toContainText(
    'saat layanan pertamanya menjadi aktif',
  )
  await expect(page.getByLabel('Isi pesan')).not.toHaveValue(/portal/i)

  // A saved token goes only to the address it was saved for: a new base URL needs it again.
  await page.goto(`${host.url}messages?tab=channels`)
  const card = page.getByTestId('channel-card-whatsapp')
  await card.getByTestId('channel-base-url').fill('https://gateway-lain.example')
  await expect(card.getByText('Alamat tujuan berubah: masukkan token lagi.')).toBeVisible()
  await card.getByTestId('channel-save').click()
  await expect(card.getByText('Masukkan token lagi: alamat tujuan berubah.')).toBeVisible()
})
