import { OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

test('Jadwal & riwayat: the jobs in words, pausing one, and a run by hand in the history', async ({
  page,
  request,
  host,
}) => {
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Jadwal & riwayat')
  await page.getByRole('link', { name: 'Jadwal & riwayat' }).click()
  await expect(page.getByRole('heading', { name: 'Jadwal & riwayat' })).toBeVisible()

  const jobs = page.getByTestId('jobs-table')
  await expect(page.getByTestId('job-row-reminders')).toContainText('Pengingat tagihan')
  await expect(page.getByTestId('job-row-reminders')).toContainText('setiap hari 08:00')
  await expect(page.getByTestId('job-row-restore')).toContainText('setiap 10 menit')
  await expect(jobs.getByText('Belum pernah jalan').first()).toBeVisible()
  await expect(page.getByText('Belum ada riwayat.')).toBeVisible()

  // Pausing asks first, then the row says so.
  await page.getByTestId('toggle-pause-reminders').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Jeda' }).click()
  const reminders = page.getByTestId('job-row-reminders')
  await expect(reminders).toHaveAttribute('data-paused', 'true')
  await expect(reminders.getByText('dijeda')).toBeVisible()
  await expect(page.getByTestId('toggle-pause-reminders')).toHaveText('Lanjutkan')

  // "Jalankan sekarang" on the notification check: it runs in the background, the page follows it.
  await page.getByTestId('run-now-notifications').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Jalankan sekarang' }).click()
  const run = page.getByTestId('run-row').filter({ hasText: 'Pemeriksaan notifikasi' })
  await expect(run).toHaveAttribute('data-status', 'done')
  await expect(run).toContainText('manual')
  await expect(page.getByTestId('job-row-notifications')).toContainText('selesai')

  await run.click()
  await expect(page.getByTestId('run-detail')).toContainText('jatuh tempo hari ini')
  await expect(page.getByTestId('run-detail')).toContainText('oleh owner')

  // Nothing needed attention in a new company: the bell says so.
  await page.getByTestId('notification-bell').click()
  await expect(page.getByTestId('notification-list')).toContainText('Belum ada notifikasi')
})
