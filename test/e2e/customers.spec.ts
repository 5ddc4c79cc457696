import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test, type Host } from './fixtures'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports')
const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }
const SITI_PHONE = '0813-1122-3344'

/** The first-run wizard is tested in foundation.spec.ts; here the company is made through the API. */
async function setUpCompany(request: APIRequestContext, host: Host): Promise<void> {
  const answer = await request.post(`${host.url}api/trpc/setup.complete`, {
    data: {
      company: {
        name: 'Net Jaya',
        address: 'Jl. Raya Bogor',
        phone: '081234567890',
        timeZone: 'Asia/Jakarta',
      },
      admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
    },
  })
  expect(answer.ok(), await answer.text()).toBe(true)
  expect(typeof (await answer.json()).result.data.token).toBe('string')
}

async function signIn(page: Page, host: Host): Promise<void> {
  await page.goto(host.url)
  await page.getByLabel('Nama pengguna').fill(OWNER.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(OWNER.password)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page.getByRole('link', { name: 'Pelanggan' })).toBeVisible()
}

/** Steps 1–3 of the wizard for one CSV file, with the automatic column matching kept. */
async function previewFile(page: Page, kind: string, file: string): Promise<void> {
  await page.getByRole('radio', { name: kind, exact: true }).check()
  // The FileInput is a button; the hidden <input type=file> behind it takes the file.
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, file))
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await expect(page.getByTestId('import-mapping')).toBeVisible()
  await expect(page.getByTestId('import-missing-columns')).toHaveCount(0)
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await expect(page.getByTestId('import-ready')).toBeVisible()
  await expect(page.getByTestId('import-errors')).toHaveCount(0)
}

async function commitAndStartOver(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByText('Impor selesai', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Impor berkas lain' }).click()
}

async function searchList(page: Page, text: string) {
  await page.getByLabel('Cari pelanggan').fill(text)
  const rows = page.getByTestId('customer-row')
  await expect(rows).toHaveCount(1)
  return rows.first()
}

test('import areas, packages and 20 customers → find one by phone → change package → terminate', async ({
  page,
  host,
}) => {
  await setUpCompany(page.request, host)
  await signIn(page, host)

  // 1. The wizard, opened from the customer list.
  await page.getByRole('link', { name: 'Pelanggan' }).click()
  await page.getByRole('link', { name: 'Impor', exact: true }).click()
  await expect(page).toHaveURL(/\/customers\/import$/)

  // A damaged file is refused as a whole, in words the office understands.
  await page.locator('input[type="file"]').setInputFiles({
    name: 'rusak.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('bukan berkas excel'),
  })
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await expect(page.getByTestId('form-error')).toHaveText(/Berkas tidak dapat dibaca/)

  await previewFile(page, 'Area', 'areas.csv')
  await expect(page.getByTestId('import-areas-new')).toHaveText('2')
  await commitAndStartOver(page)

  await previewFile(page, 'Paket', 'paket.csv')
  await expect(page.getByTestId('import-products-new')).toHaveText('3')
  await commitAndStartOver(page)

  await previewFile(page, 'Pelanggan', 'pelanggan-20.csv')
  await expect(page.getByTestId('import-customers-new')).toHaveText('20')
  await expect(page.getByTestId('import-customers-existing')).toHaveText('0')
  await expect(page.getByTestId('import-preview-row')).toHaveCount(20)
  await commitAndStartOver(page)

  // 2. The same file again: everything is already there, and committing adds nothing.
  await previewFile(page, 'Pelanggan', 'pelanggan-20.csv')
  await expect(page.getByTestId('import-customers-new')).toHaveText('0')
  await expect(page.getByTestId('import-customers-existing')).toHaveText('20')
  await expect(page.getByTestId('import-outcome').filter({ hasText: 'Sudah ada' })).toHaveCount(20)
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByTestId('import-done')).toContainText('Tidak ada data baru')
  await expect(page.getByTestId('import-customers-new')).toHaveText('0')
  await page.getByRole('link', { name: 'Buka daftar pelanggan' }).click()
  await expect(page.getByTestId('customers-count')).toHaveText('20 pelanggan')

  // 3. Siti is in the file as +62 813-1122-3344; typed the way the office writes it.
  const siti = await searchList(page, SITI_PHONE)
  await expect(siti).toContainText('Siti Rahmawati')
  await siti.click()
  await expect(page.getByTestId('customer-name')).toHaveText('Siti Rahmawati')

  // The PPPoE password stays hidden until "Tampilkan" asks the server for it (audited).
  const service = page.getByTestId('service-card').first()
  const password = service.getByTestId('pppoe-password')
  await expect(password).toHaveText('••••••••')
  await service.getByRole('button', { name: 'Tampilkan' }).click()
  await expect(password).toHaveText(/^[a-z2-9]{8}$/)
  await service.getByRole('button', { name: 'Sembunyikan' }).click()
  await expect(password).toHaveText('••••••••')

  // 4. From Bisnis 50 Mbps to Rumah 20 Mbps.
  await page.getByRole('button', { name: 'Ganti paket' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Paket baru').click()
  await page.getByRole('option', { name: 'Rumah 20 Mbps' }).click()
  await dialog.getByRole('button', { name: 'Simpan perubahan paket' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('customer-history')).toContainText('Bisnis 50 Mbps → Rumah 20 Mbps')

  // 5. Terminated, with the reason.
  await page.getByRole('button', { name: 'Putus', exact: true }).click()
  await dialog.getByLabel('Alasan').fill('Pindah rumah')
  await dialog.getByRole('button', { name: 'Putuskan pelanggan' }).click()
  await expect(dialog).toBeHidden()

  // 6. Still found by the same phone, now "putus".
  await page.getByRole('link', { name: 'Daftar pelanggan' }).click()
  const after = await searchList(page, SITI_PHONE)
  await expect(after).toContainText('Siti Rahmawati')
  await expect(after.getByTestId('status-chip')).toHaveAttribute('data-status', 'putus')
  await expect(after.getByTestId('status-chip')).toHaveText('Putus')
})
