import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }
const KASIR = { username: 'kasir1', initial: 'Awal-Kasir-2026', chosen: 'Kasir-Baru-2026!' }

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Masuk' }).click()
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Menu pengguna' }).click()
  await page.getByRole('menuitem', { name: 'Keluar' }).click()
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible()
}

test('setup → sign in → a billing user is forced to change the password, cannot open Users → audit shows it all', async ({
  page,
  host,
}) => {
  // 1. First run: the wizard, in Indonesian.
  await page.goto(host.url)
  await expect(page).toHaveURL(/\/setup$/)
  await page.getByLabel('Nama perusahaan').fill('Net Jaya Cibinong')
  await page.getByLabel('Alamat').fill('Jl. Raya Bogor Km 45, Cibinong')
  await page.getByLabel('Telepon / WhatsApp').fill('0812-3456-7890')
  await page.getByLabel('Email').fill('admin@netjaya.id')
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await page.getByLabel('Nama lengkap').fill('Budi Santoso')
  await page.getByLabel('Nama pengguna').fill(OWNER.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill('password123')
  await page.getByLabel('Ulangi kata sandi').fill('password123')
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click()
  await expect(page.getByText('Kata sandi ini terlalu umum dan mudah ditebak.')).toBeVisible()
  await page.getByLabel('Kata sandi', { exact: true }).fill(OWNER.password)
  await page.getByLabel('Ulangi kata sandi').fill(OWNER.password)
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click()
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible()
  await expect(page.getByText('Net Jaya Cibinong').first()).toBeVisible()

  // The wizard never shows again.
  await page.goto(`${host.url}setup`)
  await expect(page).not.toHaveURL(/\/setup$/)

  // 2. Sign out and in again as the owner.
  await signOut(page)
  await signIn(page, OWNER.username, OWNER.password)
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible()

  // 3. Create a billing user.
  await page.getByRole('link', { name: 'Pengguna' }).click()
  await page.getByRole('button', { name: 'Tambah pengguna' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Nama lengkap').fill('Siti Kasir')
  await dialog.getByLabel('Nama pengguna').fill(KASIR.username)
  await dialog.getByLabel('Telepon').fill('0813 1111 2222')
  await dialog.getByLabel('Peran').click()
  await page.getByRole('option', { name: 'Admin Tagihan' }).click()
  await dialog.getByLabel('Kata sandi awal').fill(KASIR.initial)
  await dialog.getByRole('button', { name: 'Simpan' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('user-row').filter({ hasText: KASIR.username })).toContainText(
    'Admin Tagihan',
  )
  await signOut(page)

  // 4. The new user signs in and must change the password first.
  await signIn(page, KASIR.username, KASIR.initial)
  await expect(page).toHaveURL(/\/change-password$/)
  await page.getByLabel('Kata sandi saat ini').fill(KASIR.initial)
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(KASIR.chosen)
  await page.getByLabel('Ulangi kata sandi baru').fill(KASIR.chosen)
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
  await expect(page.getByRole('link', { name: 'Dasbor' })).toBeVisible()

  // 5. Users is not in the menu, the page says no access, and the API itself refuses.
  await expect(page.getByRole('link', { name: 'Pengguna' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Audit' })).toHaveCount(0)
  await page.goto(`${host.url}users`)
  await expect(page.getByText('Anda tidak memiliki akses ke halaman ini')).toBeVisible()
  // The API is the real gate: the signed-in user's own token is refused for users.list.
  const token = String(await page.evaluate("localStorage.getItem('loket.token')"))
  const apiAnswer = await page.request.get(`${host.url}api/trpc/users.list?input=%7B%7D`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(apiAnswer.status()).toBe(403)
  expect((await apiAnswer.json()).error.data.error.code).toBe('FORBIDDEN')
  await signOut(page)

  // 6. The owner's audit page shows every step, with who and from where.
  await signIn(page, OWNER.username, OWNER.password)
  await page.getByRole('link', { name: 'Audit' }).click()
  const rows = page.getByTestId('audit-row')
  await expect(rows.first()).toBeVisible()
  for (const label of [
    'Penyiapan awal selesai',
    'Berhasil masuk',
    'Pengguna ditambahkan',
    'Kata sandi diganti',
    'Keluar dari aplikasi',
  ]) {
    await expect(rows.filter({ hasText: label }).first()).toBeVisible()
  }
  // People by their full names: who did it, and the user the entry is about.
  const added = rows.filter({ hasText: 'Pengguna ditambahkan' }).first()
  await expect(added).toContainText('Budi Santoso')
  await expect(added).toContainText('Pengguna Siti Kasir')
  await expect(rows.filter({ hasText: 'Kata sandi diganti' }).first()).toContainText('Siti Kasir')
  await expect(rows.filter({ hasText: 'Berhasil masuk' }).first()).toContainText('127.0.0.1')
  await page.getByRole('button', { name: 'Periksa rantai audit' }).click()
  await expect(page.getByText(/Rantai utuh: \d+ entri/)).toBeVisible()
})

test('wrong passwords: five failures lock the username with a clear message', async ({
  page,
  host,
}) => {
  await page.goto(host.url)
  await page.getByLabel('Nama perusahaan').fill('Net Jaya')
  await page.getByLabel('Telepon / WhatsApp').fill('081234567890')
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await page.getByLabel('Nama lengkap').fill('Budi Santoso')
  await page.getByLabel('Nama pengguna').fill(OWNER.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(OWNER.password)
  await page.getByLabel('Ulangi kata sandi').fill(OWNER.password)
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click()
  await signOut(page)

  for (let i = 0; i < 4; i++) {
    await signIn(page, OWNER.username, `salah-kata-sandi-${i}`)
    await expect(page.getByText('Nama pengguna atau kata sandi salah.')).toBeVisible()
  }
  await signIn(page, OWNER.username, 'salah-kata-sandi-5')
  await expect(
    page.getByText('Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.'),
  ).toBeVisible()
  await signIn(page, OWNER.username, OWNER.password)
  await expect(
    page.getByText('Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.'),
  ).toBeVisible()
})
