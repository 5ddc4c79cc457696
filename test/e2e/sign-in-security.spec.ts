import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { call, cashierReady, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

/**
 * Staff sign-in security in the browser: the WhatsApp code step, Lupa kata sandi and Perangkat
 * aktif. Codes go through the host's outbox to the Fonnte simulator and are read from there,
 * like test/integration/sign-in-security.test.ts does.
 */
const SHOTS = '/tmp/shots-sec-auth'
const OWNER_WA = '6281234500001'
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'

let wa: MessageSim
test.beforeEach(async ({ page }) => {
  wa = await startMessageSim()
  await page.setViewportSize({ width: 1366, height: 768 })
  mkdirSync(SHOTS, { recursive: true })
})
test.afterEach(async () => {
  await wa.close()
})

/** Company, the owner's WhatsApp number and the WhatsApp channel through the simulator. */
async function seed(request: APIRequestContext, host: Host): Promise<string> {
  const token = await setUpCompany(request, host)
  await call(request, host, token, 'channels.set', {
    provider: 'fonnte',
    token: wa.tokens.fonnte,
    baseUrl: wa.url,
  })
  await call(request, host, token, 'users.update', {
    id: 1,
    name: 'Pemilik',
    phone: '0812-3450-0001',
    email: '',
    role: 'superadmin',
  })
  return token
}

/** The 6 digits of the first WhatsApp message to `number` after the first `after` ones. */
async function codeSentTo(number: string, after: number): Promise<string> {
  let code = ''
  await expect
    .poll(() => {
      const m = wa.received.slice(after).find((r) => r.target === number)
      code = m ? /(\d{6})/.exec(m.message)![1]! : ''
      return code
    })
    .toMatch(/^\d{6}$/)
  return code
}

async function typePassword(page: Page, host: Host, password = OWNER.password) {
  await page.goto(host.url)
  await page.getByLabel('Nama pengguna').fill(OWNER.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(password)
  await page.keyboard.press('Enter')
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Keluar' }).click()
  await expect(page.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible()
}

async function openDevices(page: Page) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Perangkat aktif' }).click()
  await expect(page.getByRole('heading', { name: 'Perangkat aktif' })).toBeVisible()
}

test('the owner requires a WhatsApp code for superadmins, signs in with it and remembers the device until revoked', async ({
  page,
  request,
  host,
}) => {
  await seed(request, host)
  await signIn(page, host, OWNER, 'Pengguna')
  await page.getByRole('link', { name: 'Pengaturan Perusahaan' }).click()
  const rule = page.getByTestId('two-factor-settings')
  await rule.getByRole('radio', { name: 'Peran terpilih' }).check()
  await rule.getByRole('button', { name: 'Simpan' }).click()
  await expect(rule.getByText('Pilih minimal satu.')).toBeVisible()
  await rule.getByRole('checkbox', { name: 'Superadmin' }).check()
  await rule.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Aturan verifikasi dua langkah tersimpan.')).toBeVisible()
  await rule.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/aturan-2fa.png` })
  await signOut(page)

  const before = wa.received.length
  await typePassword(page, host)
  await expect(page.getByRole('heading', { name: 'Verifikasi dua langkah' })).toBeVisible()
  await expect(page.getByTestId('otp-sent-to')).toContainText('62812•••••001')
  // "Kirim ulang" waits 60 s, counting down.
  await expect(
    page.getByRole('button', { name: /Kirim ulang kode dalam \d+ detik/ }),
  ).toBeDisabled()
  const code = await codeSentTo(OWNER_WA, before)
  const wrong = code === '111111' ? '222222' : '111111'
  await page.getByLabel('Kode verifikasi').fill(wrong)
  await page.getByRole('button', { name: 'Verifikasi' }).click()
  await expect(page.getByText('Kode salah. Periksa lagi kode yang dikirim ke Anda.')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/login-code-step.png` })

  await page.getByLabel('Kode verifikasi').fill(code)
  await page.getByLabel('Ingat perangkat ini 30 hari').check()
  await page.getByRole('button', { name: 'Verifikasi' }).click()
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible()

  // The remembered device skips the code.
  await signOut(page)
  await typePassword(page, host)
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible()

  await openDevices(page)
  const trusted = page.getByTestId('trusted-row')
  await expect(trusted).toHaveCount(1)
  await expect(trusted).toContainText('Chrome di Linux')
  await expect(trusted).toContainText(/\d{2}\/\d{2}\/\d{4}/)
  await page.screenshot({ path: `${SHOTS}/perangkat-aktif.png`, fullPage: true })
  await trusted.getByRole('button', { name: 'Cabut' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cabut' }).click()
  await expect(page.getByText('Belum ada perangkat tepercaya.')).toBeVisible()

  // Revoked: the code is asked again, at once (the last code was used, so nothing waits).
  await signOut(page)
  const again = wa.received.length
  await typePassword(page, host)
  await expect(page.getByRole('heading', { name: 'Verifikasi dua langkah' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Pengguna' })).toHaveCount(0)
  await page.getByLabel('Kode verifikasi').fill(await codeSentTo(OWNER_WA, again))
  await page.getByRole('button', { name: 'Verifikasi' }).click()
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible()
})

test('Lupa kata sandi: the same answer for an unknown name, then the WhatsApp code sets a new password', async ({
  page,
  request,
  host,
}) => {
  await seed(request, host)
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Lupa kata sandi?' }).click()
  await expect(page.getByRole('heading', { name: 'Lupa kata sandi' })).toBeVisible()

  await page.getByLabel('Nama pengguna').fill('tidak-ada')
  await page.getByRole('button', { name: 'Kirim kode' }).click()
  await expect(page.getByTestId('reset-sent')).toContainText('Jika akun ada')
  await page.getByRole('button', { name: 'Ganti nama pengguna' }).click()

  const before = wa.received.length
  await page.getByLabel('Nama pengguna').fill(OWNER.username)
  await page.getByRole('radio', { name: 'WhatsApp' }).check()
  await page.getByRole('button', { name: 'Kirim kode' }).click()
  await expect(page.getByTestId('reset-sent')).toContainText('Jika akun ada')
  const code = await codeSentTo(OWNER_WA, before)

  await page.getByLabel('Kode verifikasi').fill(code)
  await page.getByLabel('Kata sandi baru', { exact: true }).fill('owner-baru-2026')
  await page.getByLabel('Ulangi kata sandi baru').fill('owner-baru-2026')
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
  await expect(page.getByText('Kata sandi terlalu lemah', { exact: false })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/lupa-kata-sandi.png` })

  await page.getByLabel('Kata sandi baru', { exact: true }).fill('Kopi-Tubruk-Pagi-7')
  await page.getByLabel('Ulangi kata sandi baru').fill('Kopi-Tubruk-Pagi-7')
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click()
  await expect(page.getByTestId('password-reset-done')).toBeVisible()
  await expect(page.getByLabel('Nama pengguna')).toHaveValue(OWNER.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill('Kopi-Tubruk-Pagi-7')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('link', { name: 'Pengguna' })).toBeVisible()
})

test('ending the phone’s session on Perangkat aktif throws the phone back to sign-in at its next request', async ({
  page,
  browser,
  request,
  host,
}) => {
  await seed(request, host)
  const phone = await browser.newContext({ userAgent: PHONE_UA, locale: 'id-ID' })
  const phonePage = await phone.newPage()
  await signIn(phonePage, host, OWNER, 'Pengguna')
  await signIn(page, host, OWNER, 'Pengguna')

  await openDevices(page)
  await expect(page.locator('[data-testid="session-row"][data-current]')).toContainText(
    'Perangkat ini',
  )
  const onPhone = page.getByTestId('session-row').filter({ hasText: 'Chrome di Android' })
  await onPhone.getByRole('button', { name: 'Akhiri' }).click()
  await expect(page.getByRole('dialog')).toContainText('Chrome di Android')
  await page.getByRole('dialog').getByRole('button', { name: 'Akhiri' }).click()
  await expect(page.getByText('1 sesi diakhiri.')).toBeVisible()
  await expect(onPhone).toHaveCount(0)

  await phonePage.getByRole('link', { name: 'Pengguna' }).click()
  await expect(phonePage.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible()
  await expect(phonePage.getByTestId('session-ended')).toHaveText(
    'Sesi di perangkat ini diakhiri dari Perangkat aktif. Silakan masuk kembali.',
  )

  // What is left (the setup wizard's session) ends with "Akhiri semua sesi lain".
  await page.getByRole('button', { name: 'Akhiri semua sesi lain' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Akhiri semua sesi lain' }).click()
  await expect(page.getByTestId('session-row')).toHaveCount(1)
  await phone.close()
})

test('a superadmin ends every session of a cashier from Pengguna', async ({
  page,
  browser,
  request,
  host,
}) => {
  const token = await seed(request, host)
  const { user: kasir } = await cashierReady(request, host, token)
  const counter = await browser.newContext({ locale: 'id-ID' })
  const counterPage = await counter.newPage()
  await signIn(counterPage, host, kasir, 'Pelanggan')

  await signIn(page, host, OWNER, 'Pengguna')
  await page.getByRole('link', { name: 'Pengguna' }).click()
  const row = page.locator('[data-testid="user-row"][data-username="kasir1"]')
  await row.getByRole('button', { name: 'Perangkat aktif' }).click()
  const dialog = page.getByRole('dialog', { name: 'Perangkat aktif — Kasir Satu' })
  // The API session that changed its first password, and the counter's browser.
  await expect(dialog.getByTestId('session-row')).toHaveCount(2)
  await dialog.getByRole('button', { name: 'Akhiri semua sesi' }).click()
  await page
    .getByRole('dialog', { name: 'Akhiri semua sesi Kasir Satu?' })
    .getByRole('button', { name: 'Akhiri semua sesi' })
    .click()
  await expect(dialog.getByText('Tidak ada sesi aktif.')).toBeVisible()

  await page.screenshot({ path: `${SHOTS}/pengguna-perangkat.png` })

  await counterPage.getByRole('link', { name: 'Pelanggan' }).click()
  await expect(counterPage.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible()

  // The rule now covers the cashier, who has no WhatsApp number: both sides are told so.
  await call(request, host, token, 'company.setTwoFactor', {
    mode: 'roles',
    roles: ['admin_billing'],
    userIds: [],
  })
  await page.keyboard.press('Escape')
  await page.reload()
  await expect(page.getByTestId('2fa-no-number')).toContainText('Kasir Satu')
  await expect(row.getByTestId('two-factor-badge')).toHaveText('Kode WA: tanpa nomor')
  await page.screenshot({ path: `${SHOTS}/pengguna-2fa.png` })
  await counterPage.getByLabel('Nama pengguna').fill(kasir.username)
  await counterPage.getByLabel('Kata sandi', { exact: true }).fill(kasir.password)
  await counterPage.keyboard.press('Enter')
  await expect(counterPage.getByText('belum punya nomor WhatsApp', { exact: false })).toBeVisible()
  await counter.close()
})
