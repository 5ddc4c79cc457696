import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
})
test.afterEach(async () => {
  await sim.close()
})

test('hotspot vouchers: profile, 10 vouchers on the router, print, disable one', async ({
  page,
  host,
}) => {
  const token = await setUpCompany(page.request, host)
  await addSimRouter(page.request, host, token, sim.port, 'RB Hotspot')
  await signIn(page, host, OWNER, 'Hotspot & Voucher')
  await page.getByRole('link', { name: 'Hotspot & Voucher' }).click()
  await expect(page.getByTestId('hotspot-batches-empty')).toBeVisible()

  // A profile: 2M/2M for one day at Rp 5.000.
  await page.getByRole('tab', { name: 'Profil' }).click()
  await expect(page.getByTestId('hotspot-profiles-empty')).toBeVisible()
  await page.getByRole('button', { name: 'Tambah profil' }).click()
  const profileForm = page.getByRole('dialog', { name: 'Profil hotspot baru' })
  await profileForm.getByRole('button', { name: 'Simpan' }).click()
  await expect(profileForm.getByText('Wajib diisi.').first()).toBeVisible()
  await profileForm.getByLabel('Router').click()
  await page.getByRole('option', { name: 'RB Hotspot' }).click()
  await profileForm.getByLabel('Nama profil').fill('1hari')
  await profileForm.getByLabel('Harga per voucher').fill('5000')
  await profileForm.getByRole('button', { name: 'Simpan' }).click()
  await expect(profileForm).toBeHidden()
  await expect(page.getByTestId('hotspot-profiles')).toContainText('1hari')
  await expect(page.getByTestId('hotspot-profiles')).toContainText('1 hari')

  // 10 vouchers, with sample codes shown before they are made.
  await page.getByRole('tab', { name: 'Batch voucher' }).click()
  await page.getByRole('button', { name: 'Buat voucher' }).click()
  const generate = page.getByRole('dialog', { name: 'Buat voucher' })
  await generate.getByLabel('Profil').click()
  await page.getByRole('option', { name: /^1hari/ }).click()
  await generate.getByLabel('Awalan (opsional)').fill('HS')
  await expect(generate.getByTestId('voucher-preview').locator('code')).toHaveCount(5)
  await expect(generate.getByTestId('voucher-preview').locator('code').first()).toHaveText(
    /^HS\d{6}$/,
  )
  await generate.getByRole('button', { name: 'Buat 10 voucher' }).click()
  await expect(generate).toBeHidden()

  // The batch page: the host's worker sends the batch through the queue on its own.
  await expect(page.getByRole('heading', { name: 'Batch 1 · 1hari' })).toBeVisible()
  const vouchers = page.getByTestId('hotspot-voucher')
  await expect(vouchers).toHaveCount(10)
  await expect(page.getByTestId('push-state')).toHaveText('Sudah di router')
  const onRouter = sim.state.table('/ip/hotspot/user')
  expect(onRouter).toHaveLength(10)
  expect(onRouter.every((u) => u.profile === '1hari' && u['limit-uptime'] === '1d')).toBe(true)
  const first = (await vouchers.first().locator('td').nth(1).textContent())!.trim()
  expect(onRouter.map((u) => u.name)).toContain(first)
  await expect(page.getByText('Belum dipakai')).toHaveCount(10)

  // Print: the API answers a PDF, which opens in a new tab.
  const answer = page.waitForResponse((r) => r.url().includes('hotspot.printPdf'))
  const tab = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Cetak A4' }).click()
  const body = await (await answer).json()
  const file = (Array.isArray(body) ? body[0] : body).result.data as {
    fileName: string
    contentBase64: string
  }
  expect(file.fileName).toMatch(/\.pdf$/)
  expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
  await (await tab).close()
  await page.bringToFront()

  // Disable the first voucher (after a confirmation); the router follows through the queue.
  await page.getByRole('checkbox', { name: first }).check()
  await page.getByRole('button', { name: 'Nonaktifkan terpilih (1)' }).click()
  const confirm = page.getByRole('dialog', { name: 'Nonaktifkan voucher?' })
  await confirm.getByRole('button', { name: 'Nonaktifkan' }).click()
  await expect(confirm).toBeHidden()
  await expect
    .poll(() => sim.state.find('/ip/hotspot/user', { name: first })[0]!.disabled)
    .toBe('true')
  await page.getByRole('button', { name: 'Cek status router' }).click()
  await expect(vouchers.first()).toContainText('Nonaktif')
  await expect(page.getByText('Belum dipakai')).toHaveCount(9)
})
