import { OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

test('Backup & Restore: a backup made from the page is listed, verified, and previewed for a restore', async ({
  page,
  request,
  host,
}) => {
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Backup & Restore')
  await page.getByRole('link', { name: 'Backup & Restore' }).click()
  await expect(page.getByRole('heading', { name: 'Backup & Restore' })).toBeVisible()
  // No passphrase yet: the page says what that means before anything is made.
  await expect(page.getByTestId('no-passphrase')).toContainText('TIDAK terenkripsi')
  await expect(page.getByText('Belum ada backup.')).toBeVisible()

  // The passphrase, typed twice.
  await page.getByLabel('Frasa sandi backup', { exact: true }).fill('kopi tubruk di pos ronda')
  await page.getByLabel('Ulangi frasa sandi').fill('kopi tubruk di pos ronda')
  await page.getByRole('button', { name: 'Simpan frasa sandi' }).click()
  await expect(page.getByTestId('passphrase-set')).toBeVisible()
  await expect(page.getByTestId('no-passphrase')).toHaveCount(0)

  await page.getByTestId('backup-create').click()
  await expect(page.getByText(/Backup selesai: loket-.*\.loket-backup/)).toBeVisible()
  const row = page.getByTestId('backup-list').locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
  await expect(row).toContainText(/\d+,\d (KB|MB)/)
  await expect(row).toContainText('owner')
  await expect(row).toContainText('Belum diperiksa')

  await row.getByRole('button', { name: 'Periksa' }).click()
  await expect(row.getByTestId('backup-verified')).toContainText('Terperiksa ✓')

  await row.getByRole('button', { name: 'Pulihkan…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('hentikan host lalu jalankan "restore"')
  await dialog.getByTestId('restore-preview').click()
  const preview = dialog.getByTestId('restore-preview-table')
  await expect(preview).toContainText('Net Jaya')
  await expect(preview).toContainText('0 pelanggan')
  await expect(preview).toContainText('1 pengguna')
  await expect(dialog.getByRole('button', { name: 'Ya, pulihkan ke folder ini' })).toBeDisabled()
  await page.screenshot({ path: '/tmp/backup-page-1366-restore.png' })
  await dialog.getByRole('button', { name: 'Batal' }).click()
  await page.screenshot({ path: '/tmp/backup-page-1366.png', fullPage: false })
})
