import { OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

/** Pengaturan → Modul: the owner switches Hotspot off and on; menus and pages follow. */
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
})

test('Hotspot off: its menu entry is gone, its page says the module is off; on again, all back', async ({
  page,
  request,
  host,
}) => {
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Pengguna')
  await expect(page.getByTestId('nav-hotspot')).toBeVisible()

  await page.getByTestId('nav-company').click()
  const section = page.getByTestId('modules-settings')
  await expect(section.getByRole('heading', { name: 'Modul' })).toBeVisible()
  const hotspot = section.getByRole('switch', { name: 'Hotspot' })
  await expect(hotspot).toBeChecked()
  await expect(section.getByRole('switch', { name: 'Laporan lanjutan' })).toBeChecked()
  await section.scrollIntoViewIfNeeded()
  await page.screenshot({ path: '/tmp/modules-1366.png' })

  // Switching off asks first and says the data is kept.
  await hotspot.click({ force: true })
  const dialog = page.getByRole('dialog', { name: 'Matikan modul Hotspot?' })
  await expect(dialog).toContainText('Data tetap disimpan; menu dan fiturnya disembunyikan')
  await page.screenshot({ path: '/tmp/modules-confirm-1366.png' })
  await dialog.getByRole('button', { name: 'Matikan' }).click()
  await expect(page.getByText('Modul Hotspot dimatikan.')).toBeVisible()
  await expect(hotspot).not.toBeChecked()
  await expect(page.getByTestId('nav-hotspot')).toHaveCount(0)
  await expect(page.getByTestId('nav-company')).toBeVisible()

  // A bookmark of the page lands on a clear page with the way back to the switch.
  await page.goto(`${host.url}hotspot`)
  const off = page.getByTestId('module-disabled')
  await expect(off.getByRole('heading', { name: 'Modul Hotspot dimatikan' })).toBeVisible()
  await page.screenshot({ path: '/tmp/modules-disabled-1366.png' })
  await off.getByRole('link', { name: 'Buka Pengaturan → Modul' }).click()
  await expect(page).toHaveURL(/\/company#modul$/)

  const again = page.getByTestId('modules-settings').getByRole('switch', { name: 'Hotspot' })
  await again.click({ force: true })
  await expect(page.getByText('Modul Hotspot dinyalakan.')).toBeVisible()
  await expect(page.getByTestId('nav-hotspot')).toBeVisible()
  await page.getByTestId('nav-hotspot').click()
  await expect(page.getByTestId('module-disabled')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('Laporan lanjutan off: the analysis tabs leave the Laporan page, the daily ones stay', async ({
  page,
  request,
  host,
}) => {
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Pengguna')
  // With every module on, the nine tabs stand on one row at 1366×768.
  await page.getByTestId('nav-reports').click()
  const all = page.getByRole('tablist').getByRole('tab')
  await expect(all).toHaveCount(9)
  const rows = new Set<number>()
  for (const tab of await all.all()) rows.add(Math.round((await tab.boundingBox())!.y))
  expect(rows.size).toBe(1)
  await page.screenshot({ path: '/tmp/reports-tabs-1366.png' })

  await page.goto(`${host.url}company`)
  await page
    .getByTestId('modules-settings')
    .getByRole('switch', { name: 'Laporan lanjutan' })
    .click({ force: true })
  await page.getByRole('dialog').getByRole('button', { name: 'Matikan' }).click()
  await expect(page.getByText('Modul Laporan lanjutan dimatikan.')).toBeVisible()
  await page.getByTestId('nav-reports').click()
  const tabs = page.getByRole('tablist')
  await expect(tabs.getByRole('tab', { name: 'Piutang' })).toBeVisible()
  // Piutang, Tagihan vs penerimaan, Pembayaran, Tiket (its own module, still on) and Pemakaian
  // (network usage, no module).
  await expect(tabs.getByRole('tab')).toHaveCount(5)
  await expect(page.getByTestId('reports-module-off')).toContainText('Laporan lanjutan')
  await page.screenshot({ path: '/tmp/modules-reports-1366.png' })
  // A link to an analysis tab opens the first daily one instead.
  await page.goto(`${host.url}reports?tab=trend`)
  await expect(page.getByRole('tab', { name: 'Piutang' })).toHaveAttribute('aria-selected', 'true')
})
