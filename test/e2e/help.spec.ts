import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

/** Bantuan: the help centre every signed-in user reads, and the "?" that opens a page's article. */
test.use({ viewport: { width: 1366, height: 768 } })

test('the owner opens Bantuan, searches "isolir" and reads the isolir article', async ({
  page,
  request,
  host,
}) => {
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Pelanggan')
  await page.getByTestId('nav-help').click()
  await expect(page).toHaveURL(/\/bantuan$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Bantuan' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Memulai' })).toBeVisible()
  await page.screenshot({ path: '/tmp/help-index.png' })

  const search = page.getByLabel('Cari artikel')
  await search.fill('tidak-ada-kata-ini')
  await expect(page.getByText('Tidak ada artikel yang cocok')).toBeVisible()

  await search.fill('ISOLIR')
  const first = page.getByTestId('help-article-card').first()
  await expect(first).toContainText('Alur isolir')
  await page.screenshot({ path: '/tmp/help-search.png' })
  await first.getByRole('link').click()

  await expect(page).toHaveURL(/\/bantuan\/alur-isolir$/)
  const article = page.getByTestId('help-article')
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(/^Alur isolir/)
  await expect(article.getByRole('heading', { name: 'Apa yang terjadi di MikroTik' })).toBeVisible()
  await page.screenshot({ path: '/tmp/help-article.png' })
  await page.screenshot({ path: '/tmp/help-article-full.png', fullPage: true })
  // Back from the article: the same search is still there.
  await page.goBack()
  await expect(search).toHaveValue('ISOLIR')
  await page.goForward()
  await expect(page).toHaveURL(/\/bantuan\/alur-isolir$/)

  // A link between articles stays inside the app.
  await article.getByRole('link', { name: 'Kasir', exact: true }).click()
  await expect(page).toHaveURL(/\/bantuan\/kasir$/)
  await page.getByTestId('help-back').click()
  await expect(page).toHaveURL(/\/bantuan$/)
})

test('on the Kasir page "?" opens the counter article, also for a cashier', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  const kasir = { username: 'kasir1', password: 'Awal-Kasir-2026' }
  await call(request, host, token, 'users.create', {
    name: 'Kasir Satu',
    role: 'admin_billing',
    ...kasir,
  })
  const kasirToken = (await call<{ token: string }>(request, host, null, 'auth.login', kasir)).token
  await call(request, host, kasirToken, 'auth.changePassword', {
    currentPassword: kasir.password,
    newPassword: 'Kasir-Baru-2026',
  })
  await signIn(page, host, { ...kasir, password: 'Kasir-Baru-2026' }, 'Pelanggan')
  await page.getByTestId('nav-cashier').click()
  await expect(page.getByLabel('Cari pelanggan')).toBeVisible()
  await page.getByTestId('help-button').click()
  await expect(page).toHaveURL(/\/bantuan\/kasir$/)
  await expect(page.getByTestId('help-article').getByRole('heading', { level: 1 })).toHaveText(
    /^Kasir: menerima pembayaran/,
  )
  await expect(page.getByRole('cell', { name: 'F2 / F3 / F4' })).toBeVisible()
  await page.screenshot({ path: '/tmp/help-kasir.png' })
  // The menu entry is there for every role, with no permission of its own.
  await expect(page.getByTestId('nav-help')).toBeVisible()
})
