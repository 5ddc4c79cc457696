import type { APIRequestContext } from '@playwright/test'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

const SHOTS = process.env.FUP_SHOTS ?? '/tmp/shots-fup'
const GB = 1_000_000_000

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
})
test.afterEach(async () => {
  await sim.close()
})

/** Runs the usage-collect job (collection, then the FUP check) and waits for its end. */
async function collect(request: APIRequestContext, host: Host, token: string) {
  const { runId } = await call<{ runId: number }>(request, host, token, 'schedule.runNow', {
    job: 'usage-collect',
  })
  await expect
    .poll(
      async () =>
        (
          await call<{ status: string }>(
            request,
            host,
            token,
            'schedule.run',
            { id: runId },
            'query',
          )
        ).status,
    )
    .not.toBe('running')
}

/** The first day of next month in Jakarta as the UI writes it (dd/mm/yyyy). */
function nextPeriodText(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number]
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 }
  return `01/${String(next.m).padStart(2, '0')}/${next.y}`
}

test('a quota package set up in the form throttles its customer past the quota', async ({
  page,
  request,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const token = await setUpCompany(request, host)
  const api = <T>(procedure: string, input: unknown, kind: 'query' | 'mutation' = 'mutation') =>
    call<T>(request, host, token, procedure, input, kind)
  const area = await api<{ id: number }>('catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  const router = await addSimRouter(request, host, token, sim.port)

  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}catalog`)
  await page.getByRole('button', { name: 'Tambah paket' }).first().click()
  const form = page.getByRole('dialog')
  await form.getByLabel('Nama paket').fill('Kuota 20 Mbps')
  await form.getByLabel('Harga bulanan').first().fill('200000')
  await form.getByLabel('Kecepatan unduh').fill('20')
  await form.getByLabel('Kecepatan unggah').fill('10')
  await form.getByLabel('Kecepatan FUP unduh').fill('2')
  await form.getByRole('button', { name: 'Simpan' }).click()
  // Nothing is lost on bad input: each field says what is missing.
  await expect(form.getByText('Isi kecepatan FUP unduh dan unggah').first()).toBeVisible()
  await expect(form.getByText('Isi kuota (GB) paket dulu').first()).toBeVisible()
  await expect(form.getByLabel('Kecepatan FUP unduh')).toHaveValue('2')
  await page.screenshot({ path: `${SHOTS}/product-form-fup-errors-1366.png` })
  await form.getByLabel('Kuota data (GB)').fill('10')
  await form.getByLabel('Kecepatan FUP unggah').fill('1')
  await form.getByLabel('Harga per GB kelebihan').fill('2.000')
  // A FUP speed the router worker could never apply is said before saving, and what to do.
  const gap = form.getByTestId('fup-gap')
  await expect(gap).toHaveCount(0)
  await form.getByLabel('Loket mengatur kecepatan di router').click()
  await expect(gap).toContainText('tidak akan diterapkan')
  await expect(gap).toContainText('Isi Profil FUP')
  await gap.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/product-form-fup-gap-1366.png` })
  await form.getByLabel('Profil FUP').fill('FUP-2M')
  await expect(gap).toHaveCount(0)
  await form.getByLabel('Profil FUP').fill('')
  await form.getByLabel('Loket mengatur kecepatan di router').click()
  await expect(gap).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/product-form-fup-1366.png` })
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(form).toHaveCount(0)
  const row = page.getByTestId('product-row')
  await expect(row).toContainText('Kuota 10 GB → FUP 2/1 Mbps')
  await expect(row).toContainText('+Rp')
  await page.screenshot({ path: `${SHOTS}/catalog-fup-1366.png` })

  const [product] = await api<{ id: number; routerProfile: string }[]>(
    'catalog.products',
    undefined,
    'query',
  )
  const customer = await api<{ id: number }>('customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
    address: 'Jl. Raya Bogor 1',
  })
  await api('customers.addService', {
    customerId: customer.id,
    productId: product!.id,
    status: 'aktif',
    activationDate: '2026-01-01',
    pppoeUsername: 'budi',
    pppoePassword: 'rahasia-budi',
    routerId: router.id,
  })
  const profile = () => sim.state.find('/ppp/secret', { name: 'budi' })[0]?.profile
  await expect.poll(profile).toBe(product!.routerProfile)

  sim.state.setOnline([{ name: 'budi' }])
  await collect(request, host, token) // the counter's starting point
  sim.state.addSessionTraffic('budi', 1 * GB, 10 * GB)
  await collect(request, host, token)

  // The host's worker applies it: the FUP profile Loket keeps, the session kicked.
  await expect.poll(profile).toBe(`${product!.routerProfile}-fup`)
  expect(
    sim.state.find('/ppp/profile', { name: `${product!.routerProfile}-fup` })[0],
  ).toMatchObject({ 'rate-limit': '1M/2M' })
  // The kick follows the profile change in the same job.
  await expect
    .poll(() => sim.commands.filter((c) => c.command === '/ppp/active/remove').length)
    .toBe(1)

  await page.goto(`${host.url}customers/${customer.id}`)
  await expect(page.getByTestId('fup-badge')).toHaveText(`FUP aktif sampai ${nextPeriodText()}`)
  await page.getByTestId('service-card').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/customer-fup-1366.png` })

  await page.goto(`${host.url}messages?tab=templates&template=quota_exhausted`)
  await expect(page.getByText('Kuota habis (FUP)').first()).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/template-fup-1366.png` })
})
