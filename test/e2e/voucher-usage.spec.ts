import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

/** Where the screenshots go when asked (VOUCHER_SHOTS=/tmp/shots-voucher). */
const SHOTS = process.env.VOUCHER_SHOTS
const MiB = 1024 ** 2

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
})
test.afterEach(async () => {
  await sim.close()
})

test('a 1 GB voucher profile: vouchers pushed with limit-bytes-total, the batch page shows data used / quota, and says when the router is silent', async ({
  page,
  host,
}) => {
  const token = await setUpCompany(page.request, host)
  await addSimRouter(page.request, host, token, sim.port, 'RB Hotspot')
  await signIn(page, host, OWNER, 'Hotspot & Voucher')
  await page.getByRole('link', { name: 'Hotspot & Voucher' }).click()

  await page.getByRole('tab', { name: 'Profil' }).click()
  await page.getByRole('button', { name: 'Tambah profil' }).click()
  const form = page.getByRole('dialog', { name: 'Profil hotspot baru' })
  await form.getByLabel('Router').click()
  await page.getByRole('option', { name: 'RB Hotspot' }).click()
  await form.getByLabel('Nama profil').fill('1hari')
  await form.getByLabel('Harga per voucher').fill('5000')
  await form.getByTestId('hotspot-quota-unit').selectOption('MB')
  await form.getByLabel('Kuota data per voucher (opsional)').fill('1,5')
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(
    form.getByText('Kuota dalam MB bulat, atau dalam GB dengan paling banyak 2 angka desimal.'),
  ).toBeVisible()
  await form.getByTestId('hotspot-quota-unit').selectOption('GB')
  await form.getByLabel('Kuota data per voucher (opsional)').fill('1')
  await shot(page, 'profile-quota')
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('hotspot-profiles')).toContainText('1 GB')

  await page.getByRole('tab', { name: 'Batch voucher' }).click()
  await page.getByRole('button', { name: 'Buat voucher' }).click()
  const generate = page.getByRole('dialog', { name: 'Buat voucher' })
  await generate.getByLabel('Profil').click()
  await page.getByRole('option', { name: /^1hari · Rp\s?5\.000 · 1 GB/ }).click()
  await generate.getByLabel('Jumlah voucher').fill('5')
  await generate.getByRole('button', { name: 'Buat 5 voucher' }).click()
  await expect(generate).toBeHidden()

  await expect(page.getByTestId('push-state')).toHaveText('Sudah di router')
  await expect(page.getByTestId('hotspot-batch-quota')).toHaveText('Kuota data 1 GB per voucher')
  const users = sim.state.table('/ip/hotspot/user')
  expect(users.map((u) => u['limit-bytes-total'])).toEqual(Array(5).fill(String(1024 ** 3)))

  // One voucher used 300 MB (100 up, 200 down); the check reads them all in one print.
  const rows = page.getByTestId('hotspot-voucher')
  const first = (await rows.first().locator('td').nth(1).textContent())!.trim()
  sim.state.addHotspotTraffic(first, 100 * MiB, 200 * MiB)
  sim.commands.length = 0
  await page.getByRole('button', { name: 'Cek status router' }).click()
  await expect(rows.first().getByTestId('hotspot-voucher-usage')).toHaveText('300 MB / 1 GB')
  await expect(rows.nth(1).getByTestId('hotspot-voucher-usage')).toHaveText('0 KB / 1 GB')
  expect(sim.commands.filter((c) => c.command === '/ip/hotspot/user/print')).toHaveLength(1)
  await shot(page, 'batch-usage')

  // The router goes silent: the column says so, the rest of the page still works.
  await sim.down()
  await page.getByRole('button', { name: 'Cek status router' }).click()
  await expect(
    page.getByRole('alert', { name: 'Status dari router tidak dapat dibaca' }),
  ).toBeVisible()
  await expect(page.getByTestId('hotspot-voucher-usage')).toHaveText(
    Array(5).fill('Router tidak menjawab'),
  )
  await expect(page.getByRole('button', { name: 'Catat penjualan' })).toBeEnabled()
  await expect(page.getByText('Belum ada penjualan dari batch ini.')).toBeVisible()
  await shot(page, 'batch-router-down')
})

async function collectUsage(request: APIRequestContext, host: Host, token: string) {
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

test('the customer page: the usage card names the collection job until it has data, then this month and twelve bars', async ({
  page,
  request,
  host,
}) => {
  sim.state.add('/ppp/profile', { name: '10M', 'rate-limit': '10M/10M' })
  sim.state.add('/ppp/secret', {
    name: 'budi',
    password: 'rahasia1',
    service: 'pppoe',
    profile: '10M',
    comment: 'Budi Santoso',
  })
  const token = await setUpCompany(request, host)
  const area = await call<{ id: number }>(request, host, token, 'catalog.createArea', {
    code: 'CBG01',
    name: 'Cibinong',
  })
  const router = await addSimRouter(request, host, token, sim.port)
  await call(request, host, token, 'routerImport.commit', { routerId: router.id, areaId: area.id })
  const list = await call<{ rows: { id: number }[] }>(
    request,
    host,
    token,
    'customers.list',
    { q: 'Budi' },
    'query',
  )
  const budi = list.rows[0]!
  sim.state.setOnline([{ name: 'budi' }])
  // The first reading of a session is only its starting point.
  await collectUsage(request, host, token)

  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}customers/${budi.id}`)
  const card = page.getByTestId('customer-usage')
  await expect(card.getByTestId('customer-usage-empty')).toContainText(
    'Belum ada pemakaian tercatat',
  )
  await expect(card).toContainText('“Pencatatan pemakaian”')
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'customer-usage-empty')

  // Budi downloads 1.5 GB and uploads 200 MB; the next collection stores it on today.
  sim.state.addSessionTraffic('budi', 200_000_000, 1_500_000_000)
  await collectUsage(request, host, token)
  await page.reload()
  await expect(card.getByTestId('customer-usage-month')).toHaveText('1,7 GB')
  await expect(card).toContainText('Unduh 1,5 GB · unggah 200 MB')
  await expect(card.getByTestId('customer-usage-trend').locator('> *')).toHaveCount(12)
  // The bars fit inside the card in the right column.
  const box = (await card.boundingBox())!
  const bars = (await card.getByTestId('customer-usage-trend').boundingBox())!
  expect(bars.x + bars.width).toBeLessThanOrEqual(box.x + box.width)
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'customer-usage')
})
