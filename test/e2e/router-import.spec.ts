import type { APIRequestContext } from '@playwright/test'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

async function setUp(request: APIRequestContext, host: Host, sim: RouterSim): Promise<string> {
  const token = await setUpCompany(request, host)
  await call(request, host, token, 'catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  await addSimRouter(request, host, token, sim.port, 'RB-Pusat')
  return token
}

/** 20 secrets in two profiles, a disabled leaver, and a hotspot voucher that is not a customer. */
function seed(sim: RouterSim): void {
  sim.state.add('/ppp/profile', { name: '10M', 'rate-limit': '10M/10M' })
  sim.state.add('/ppp/profile', { name: '20M', 'rate-limit': '20M/20M' })
  sim.state.add('/ppp/profile', { name: 'ISOLIR', 'rate-limit': '256k/256k' })
  for (let i = 1; i <= 20; i++) {
    sim.state.add('/ppp/secret', {
      name: `pel${String(i).padStart(2, '0')}`,
      password: `pw${i}`,
      service: 'pppoe',
      profile: i % 2 ? '10M' : '20M',
      comment: i === 3 ? 'Ibu Sari' : `CBG01-${String(i).padStart(4, '0')}`,
      ...(i === 20 ? { disabled: 'true' } : {}),
    })
  }
  sim.state.add('/ip/hotspot/user', { name: 'ab12cd', comment: 'vc-123-01.02.26' })
}

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
  seed(sim)
})
test.afterEach(async () => {
  await sim.close()
})

test('import a router, reconcile it, and put a changed profile back', async ({
  page,
  request,
  host,
}) => {
  const token = await setUp(request, host, sim)
  await signIn(page, host, OWNER, 'Pelanggan')

  await page.goto(`${host.url}network/import`)
  await expect(page.getByRole('heading', { name: 'Impor dari router' })).toBeVisible()
  await page.getByRole('button', { name: 'Baca router' }).click()
  const preview = page.getByTestId('router-import-preview')
  await expect(preview).toBeVisible()
  await expect(page.getByTestId('router-import-new')).toHaveText('20')
  await expect(page.getByTestId('router-import-skipped')).toHaveText('1')
  await expect(page.getByTestId('router-import-group-skipped')).toContainText('Voucher hotspot')
  // Two unknown profiles become packages at Rp0, with a warning to set their prices.
  await expect(page.getByTestId('router-import-products')).toContainText('10M')
  await expect(page.getByTestId('router-import-products')).toContainText('20M')
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled()

  await page.getByTestId('router-import-area').click()
  await page.getByRole('option', { name: 'CBG01 · Cibinong' }).click()
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByTestId('router-import-done')).toContainText(
    '20 pelanggan dan 20 layanan dibuat',
  )

  await page.getByRole('link', { name: 'Lihat pelanggan' }).click()
  await page.getByLabel('Cari pelanggan').fill('Ibu Sari')
  await expect(page.getByTestId('customer-row')).toHaveCount(1)

  await page.goto(`${host.url}network?tab=reconcile`)
  await expect(page.getByTestId('reconcile-empty')).toContainText('Tidak ada perbedaan')

  // Someone changes a profile on the router by hand (Winbox).
  sim.state.find('/ppp/secret', { name: 'pel01' })[0]!.profile = '20M'
  await page.reload()
  const row = page.getByTestId('reconcile-row')
  await expect(row).toHaveCount(1)
  await expect(row).toHaveAttribute('data-kind', 'profile_differs')
  await expect(row).toContainText('pel01')
  await row.getByRole('button', { name: 'Terapkan ke router' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, lanjutkan' }).click()
  // The host's worker may apply it first; either way the queue leaves nothing waiting.
  await expect(page.getByText('Dimasukkan ke antrean router.')).toBeVisible()

  await call(request, host, token, 'network.runQueue', { routerId: null })
  expect(sim.state.find('/ppp/secret', { name: 'pel01' })[0]!.profile).toBe('10M')
  await page.getByRole('button', { name: 'Bandingkan lagi' }).click()
  await expect(page.getByTestId('reconcile-empty')).toBeVisible()
  await expect(page.getByTestId('reconcile-waiting')).toHaveCount(0)
})

test('a second import shows what differs and waits for the operator: per row or for all', async ({
  page,
  request,
  host,
}) => {
  const token = await setUp(request, host, sim)
  const area = (
    await call<{ id: number }[]>(request, host, token, 'catalog.areas', {}, 'query')
  )[0]!
  await call(request, host, token, 'routerImport.commit', { routerId: 1, areaId: area.id })
  await call(request, host, token, 'network.runQueue', { routerId: null })
  // Since then: two profiles were changed by hand, and CBG01-0004 left (Loket disabled pel04)…
  sim.state.find('/ppp/secret', { name: 'pel01' })[0]!.profile = '20M'
  sim.state.find('/ppp/secret', { name: 'pel02' })[0]!.profile = '10M'
  const list = await call<{ rows: { id: number; code: string }[] }>(
    request,
    host,
    token,
    'customers.list',
    { q: 'CBG01-0004' },
    'query',
  )
  await call(request, host, token, 'customers.terminate', {
    customerId: list.rows[0]!.id,
    reason: 'Pindah rumah',
  })
  await call(request, host, token, 'network.runQueue', { routerId: null })
  expect(sim.state.find('/ppp/secret', { name: 'pel04' })[0]!.disabled).toBe('true')
  // …but someone enabled the secret again in Winbox: free internet, unless decided.
  sim.state.find('/ppp/secret', { name: 'pel04' })[0]!.disabled = 'false'

  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}network/import`)
  await page.getByRole('button', { name: 'Baca router' }).click()
  await expect(page.getByTestId('router-import-conflict')).toHaveText('1')
  const putus = page.getByTestId('router-import-putus-row')
  await expect(putus).toHaveCount(1)
  await expect(putus).toContainText('pel04')
  await expect(page.getByText('1 secret belum dipilih.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled()
  const packages = page.getByTestId('router-import-package-row')
  await expect(packages).toHaveCount(2)

  // For all: follow the router; pel02's row: keep Loket's package. pel04: disable the secret.
  await page
    .getByTestId('router-import-packages-all')
    .getByText('Ikuti router', { exact: true })
    .click()
  await packages
    .filter({ hasText: 'pel02' })
    .getByText('Pertahankan paket Loket', { exact: true })
    .click()
  await putus.getByLabel('Biarkan putus, nonaktifkan secret').check()
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('1 mengikuti router, 1 mempertahankan paket Loket')
  await expect(dialog).toContainText('1 secret dinonaktifkan lewat antrean')
  await dialog.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByTestId('router-import-done')).toContainText(
    'Paket: 1 mengikuti router, 1 dipertahankan. Pelanggan putus: 1 secret dinonaktifkan, 0 diaktifkan kembali.',
  )

  await call(request, host, token, 'network.runQueue', { routerId: null })
  expect(sim.state.find('/ppp/secret', { name: 'pel04' })[0]!.disabled).toBe('true')
  expect(sim.state.find('/ppp/secret', { name: 'pel02' })[0]!.profile).toBe('20M')
  expect(sim.state.find('/ppp/secret', { name: 'pel01' })[0]!.profile).toBe('20M')
  const pel01 = await call<{ rows: { products: string }[] }>(
    request,
    host,
    token,
    'customers.list',
    { q: 'pel01' },
    'query',
  )
  expect(pel01.rows[0]!.products).toBe('20M')
})
