import type { APIRequestContext, Page } from '@playwright/test'
import { call, OWNER, setUpCompany, signIn } from './api'
import { jakartaToday } from './demo-data'
import { expect, test, type Host } from './fixtures'

const SHOTS = '/tmp/shots-client'

/** One customer with this month's invoice, so the counter has something to take. */
async function billedCustomer(request: APIRequestContext, host: Host) {
  const token = await setUpCompany(request, host)
  const today = jakartaToday()
  const area = await call<{ id: number }>(request, host, token, 'catalog.createArea', {
    code: 'BGR',
    name: 'Bogor',
  })
  const product = await call<{ id: number }>(request, host, token, 'catalog.createProduct', {
    name: 'Home 20 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 20,
    uploadMbps: 20,
  })
  const customer = await call<{ id: number; code: string }>(
    request,
    host,
    token,
    'customers.create',
    { areaId: area.id, name: 'Siti Rahmawati', address: 'Jl. Melati 3', phone: '081311223344' },
  )
  await call(request, host, token, 'customers.addService', {
    customerId: customer.id,
    productId: product.id,
    status: 'aktif',
    activationDate: `${today.slice(0, 7)}-01`,
  })
  await call(request, host, token, 'billing.runPeriod', { period: today.slice(0, 7), asOf: today })
  return { token, customer }
}

/** What the desktop's preload gives a window in client mode (Electron cannot run here). */
async function asDesktopClient(page: Page, host: Host): Promise<void> {
  const hostUrl = new URL(host.url).origin
  await page.addInitScript((url) => {
    Object.defineProperty(window, 'loketClient', { value: Object.freeze({ hostUrl: url }) })
  }, hostUrl)
}

test('an unreachable host: the counter says so, keeps the amount and shows no payment as recorded', async ({
  page,
  host,
}) => {
  const { token, customer } = await billedCustomer(page.request, host)
  await asDesktopClient(page, host)
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, OWNER, 'Pelanggan')
  await expect(page.getByTestId('client-status')).toHaveText(
    `Mode klien · host ${new URL(host.url).host}`,
  )
  await page.goto(`${host.url}cashier`)
  await page.getByLabel('Cari pelanggan').fill('siti')
  await expect(page.getByTestId('cashier-result')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('cashier-customer')).toContainText(customer.code)
  const amount = page.getByLabel('Jumlah dibayar')
  await amount.fill('50000')

  // The host goes away (cable out): every call from the page fails without an answer.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'))
  let receiptOpened = false
  page.on('popup', () => (receiptOpened = true))
  await page.getByRole('button', { name: 'Simpan pembayaran' }).click()

  await expect(page.getByTestId('host-unreachable')).toBeVisible()
  await expect(page.getByTestId('form-error')).toContainText('Tidak dapat terhubung')
  await expect(amount).toHaveValue('50.000')
  await expect(page.getByTestId('receipt-number')).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/cashier-host-unreachable.png` })
  expect(receiptOpened).toBe(false)
  // And truly nothing was recorded on the host.
  const payments = await call<{ rows: unknown[] }>(
    page.request,
    host,
    token,
    'payments.list',
    {},
    'query',
  )
  expect(payments.rows).toHaveLength(0)

  // The host is back: "Coba sambung lagi" clears the banner and the amount is still there.
  await page.unroute('**/api/**')
  await page.getByRole('button', { name: 'Coba sambung lagi' }).click()
  await expect(page.getByTestId('host-unreachable')).toHaveCount(0)
  await expect(amount).toHaveValue('50.000')
})

test('Pengaturan → Mode: LAN address, connection test and switching to client with a confirmation', async ({
  page,
  host,
}) => {
  await setUpCompany(page.request, host)
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}company`)
  const section = page.getByTestId('mode-settings')
  await section.scrollIntoViewIfNeeded()
  // The e2e host listens on 127.0.0.1: the page says only this PC can reach it.
  await expect(section.getByTestId('mode-lan')).toContainText('hanya melayani PC ini')
  await section.screenshot({ path: `${SHOTS}/mode-host.png` })

  await section.getByLabel('Klien — tampilkan Loket dari host lain').check()
  const address = section.getByTestId('mode-host-url')
  await address.fill('http://192.168.1.10:8080/api')
  await section.getByTestId('mode-test').click()
  await expect(section.getByText('Tulis alamat host seperti')).toBeVisible()

  await address.fill(new URL(host.url).host)
  await section.getByTestId('mode-test').click()
  await expect(section.getByTestId('mode-test-result')).toContainText('Terhubung ke Loket versi')
  await expect(section.getByTestId('mode-test-result')).toContainText('Versinya sama')
  await section.screenshot({ path: `${SHOTS}/mode-client-tested.png` })

  await section.getByRole('button', { name: 'Simpan' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('PC ini menyimpan data perusahaan')
  await page.screenshot({ path: `${SHOTS}/mode-confirm.png` })
  await dialog.getByTestId('mode-confirm').click()
  await expect(section.getByTestId('mode-pending')).toContainText(
    `klien dari ${new URL(host.url).origin}`,
  )
  await page.screenshot({ path: `${SHOTS}/mode-saved.png`, fullPage: true })
})
