import { mkdirSync } from 'node:fs'
import { cashierReady, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

/** Tentang Loket: what the owner reads about the app, its database and its versions. */
const SHOTS = '/tmp/shots-updates'

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  mkdirSync(SHOTS, { recursive: true })
})

test('the owner opens Tentang Loket from the user menu: version, SQLite, schema, data folder, release notes', async ({
  page,
  request,
  host,
}) => {
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Pengguna')
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Tentang Loket' }).click()
  await expect(page).toHaveURL(/\/about$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Tentang Loket' })).toBeVisible()
  await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/)
  await expect(page.getByTestId('about-engine')).toHaveText('SQLite')
  await expect(page.getByTestId('about-schema')).toHaveText(/^\d{12}_[a-z0-9_]+$/)
  await expect(page.getByTestId('about-data-dir')).toHaveText(host.dataDir)
  const notes = page.getByTestId('about-notes')
  await expect(notes.getByRole('heading', { name: 'Catatan rilis' })).toBeVisible()
  await expect(notes.getByRole('heading', { name: /Pembaruan dari host/ })).toBeVisible()
  // A LAN browser installs nothing: the page says where updates are decided.
  await expect(page.getByTestId('about-update')).toContainText('dipasang dari aplikasi desktop')
  await page.screenshot({ path: `${SHOTS}/about-1366.png`, fullPage: false })
})

test('a cashier has no Tentang Loket: neither in the menu nor by its address', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  const { user: kasir } = await cashierReady(request, host, token)
  await signIn(page, host, kasir, 'Pelanggan')
  await page.getByTestId('user-menu').click()
  await expect(page.getByRole('menuitem', { name: 'Perangkat aktif' })).toBeVisible()
  await expect(page.getByRole('menuitem', { name: 'Tentang Loket' })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await page.goto(`${host.url}about`)
  await expect(page.getByTestId('about-details')).toHaveCount(0)
})
