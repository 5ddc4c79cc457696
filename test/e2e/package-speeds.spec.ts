import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

const SHOTS = process.env.SPEED_SHOTS ?? '/tmp/shots-speeds'

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
})
test.afterEach(async () => {
  await sim.close()
})

const rateLimit = (name: string) => sim.state.find('/ppp/profile', { name })[0]?.['rate-limit']

test('a speed changed in the catalogue reaches the package profile on the router', async ({
  page,
  request,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const token = await setUpCompany(request, host)
  const area = await call<{ id: number }>(request, host, token, 'catalog.createArea', {
    code: 'CBG01',
    name: 'Cibinong',
  })
  const product = await call<{ id: number }>(request, host, token, 'catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 10,
    uploadMbps: 5,
    speedOnRouter: true,
  })
  const router = await addSimRouter(request, host, token, sim.port)
  const customer = await call<{ id: number }>(request, host, token, 'customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
    address: 'Jl. Raya Bogor 1',
  })
  await call(request, host, token, 'customers.addService', {
    customerId: customer.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-01-01',
    pppoeUsername: 'budi',
    pppoePassword: 'rahasia-budi',
    routerId: router.id,
  })
  // The service's job creates the package's profile before the secret that names it.
  await expect.poll(() => rateLimit('loket-rumah-10-mbps')).toBe('5M/10M')
  expect(sim.state.find('/ppp/secret', { name: 'budi' })[0]?.profile).toBe('loket-rumah-10-mbps')

  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}catalog`)
  const row = page.getByTestId('product-row')
  await expect(row).toContainText('10/5 Mbps')
  await expect(row.getByTestId('speed-on-router')).toContainText('loket-rumah-10-mbps')
  await page.screenshot({ path: `${SHOTS}/catalog-speeds-1366.png` })

  await row.getByRole('button', { name: 'Ubah' }).click()
  const form = page.getByRole('dialog')
  await form.getByLabel('Kecepatan unduh').fill('20M')
  await form.getByLabel('Kecepatan unggah').fill('10 Mbps')
  await form.getByRole('switch', { name: 'Burst' }).check({ force: true })
  await form.getByLabel('Burst unduh').fill('15M')
  await form.getByRole('button', { name: 'Simpan' }).click()
  // Nothing is lost on bad input: the form says what is missing and keeps what was typed.
  await expect(form.getByText('Burst diisi lengkap').first()).toBeVisible()
  await expect(form.getByText('Kecepatan burst harus lebih tinggi').first()).toBeVisible()
  await expect(form.getByLabel('Kecepatan unduh')).toHaveValue('20M')
  await page.screenshot({ path: `${SHOTS}/product-form-burst-1366.png` })
  await form.getByLabel('Burst unduh').fill('40M')
  await form.getByLabel('Burst unggah').fill('20M')
  await form.getByLabel('Ambang unduh').fill('15M')
  await form.getByLabel('Ambang unggah').fill('7500k')
  await form.getByLabel('Waktu burst (detik)').fill('8')
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(form).toHaveCount(0)
  await expect(row).toContainText('20/10 Mbps')

  // The host's worker sends it at once: one profile change, the secret untouched.
  await expect.poll(() => rateLimit('loket-rumah-10-mbps')).toBe('10M/20M 20M/40M 7.5M/15M 8s/8s')
  expect(sim.commands.filter((c) => c.command === '/ppp/profile/set')).toHaveLength(1)
  expect(sim.commands.some((c) => c.command === '/ppp/secret/set')).toBe(false)

  // Someone changes it on the router: the reconcile page shows it and puts it back.
  sim.state.find('/ppp/profile', { name: 'loket-rumah-10-mbps' })[0]!['rate-limit'] = '1M/1M'
  await page.goto(`${host.url}network?tab=reconcile`)
  const diff = page.locator('[data-testid="reconcile-row"][data-kind="rate_limit_differs"]')
  await expect(diff).toContainText('Kecepatan profil berbeda')
  await expect(diff).toContainText('Paket Rumah 10 Mbps')
  await expect(diff).toContainText('1M/1M')
  await page.screenshot({ path: `${SHOTS}/reconcile-speed-1366.png` })
  await diff.getByRole('button', { name: 'Terapkan ke router' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, lanjutkan' }).click()
  await expect.poll(() => rateLimit('loket-rumah-10-mbps')).toBe('10M/20M 20M/40M 7.5M/15M 8s/8s')
})
