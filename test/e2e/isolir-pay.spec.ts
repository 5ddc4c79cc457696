import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { APIRequestContext, Page } from '@playwright/test'
import { startTripaySim } from '../sim/gateways/tripay'
import { call, setUpCompany } from './api'
import { expect, test, type Host } from './fixtures'

/**
 * The isolir page and the pay links, as an isolated customer's browser meets them: no script
 * (the page must work without JavaScript), phone first, and nothing loaded from elsewhere.
 */
const SHOTS = '/tmp/shots-isolir-pay'
test.use({ javaScriptEnabled: false })
test.beforeEach(() => mkdirSync(SHOTS, { recursive: true }))

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)
/** gateway-data.ts on the running host's data directory. */
const gatewayData = (host: Host, ...args: string[]) =>
  run(
    process.execPath,
    ['--import', 'tsx', 'test/e2e/gateway-data.ts', args[0]!, host.dataDir, ...args.slice(1)],
    { cwd: ROOT },
  )

const VIEWPORTS = [
  { name: '390', width: 390, height: 844 },
  { name: '1366', width: 1366, height: 768 },
]

/** Budi, billed Rp150.000 for November 2026, whose service is at the browser's own address. */
async function isolatedBudi(request: APIRequestContext, host: Host) {
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
    uploadMbps: 10,
  })
  const budi = await call<{ id: number; code: string }>(request, host, token, 'customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
    phone: '0812-3456-7890',
  })
  await call(request, host, token, 'customers.addService', {
    customerId: budi.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-10-01',
    staticIp: '127.0.0.1',
  })
  await call(request, host, token, 'billing.runPeriod', { period: '2026-10', asOf: '2026-10-01' })
  await call(request, host, token, 'billing.runPeriod', { period: '2026-11', asOf: '2026-11-01' })
  return { token, budi }
}

/** The page fits the viewport: nothing wider than the screen, nothing cut off at the side. */
async function fits(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }))
  expect(scroll).toBeLessThanOrEqual(inner)
}

async function shoot(page: Page, name: string) {
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height })
    await fits(page)
    await page.screenshot({ path: `${SHOTS}/${name}-${v.name}.png`, fullPage: true })
  }
}

test('the isolir page names the customer and lists the arrears without JavaScript', async ({
  page,
  request,
  host,
}) => {
  const { budi } = await isolatedBudi(request, host)
  await page.goto(`${host.url}isolir`)
  await expect(
    page.getByRole('heading', { name: 'Layanan internet Anda sedang diisolir' }),
  ).toBeVisible()
  await expect(page.getByText(`Bu** Sa***** · ${budi.code}`)).toBeVisible()
  await expect(page.getByText('Tagihan Oktober 2026')).toBeVisible()
  await expect(page.getByText('Tagihan November 2026')).toBeVisible()
  await expect(page.getByText(/Total tagihan\s*Rp\s300\.000/)).toBeVisible()
  await expect(page.locator('script')).toHaveCount(0)
  await shoot(page, 'isolir-no-gateway')
})

test('a forged pay link says so and shows nothing', async ({ page, host }) => {
  await page.goto(`${host.url}bayar/1.1.1.20991231.AAAAAAAAAAAAAAAAAAAAAA`)
  await expect(page.getByRole('heading', { name: 'Tautan pembayaran tidak valid' })).toBeVisible()
  await shoot(page, 'link-forged')
})

test('an isolated customer pays one invoice by BRI Virtual Account without JavaScript and sees Lunas', async ({
  page,
  request,
  host,
}) => {
  const { budi } = await isolatedBudi(request, host)
  const tripay = await startTripaySim()
  try {
    await gatewayData(host, 'tripay', tripay.baseUrl)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${host.url}isolir`)
    await expect(page.getByText(`Bu** Sa***** · ${budi.code}`)).toBeVisible()
    await expect(page.locator('script')).toHaveCount(0)
    await shoot(page, 'isolir-pay-form')

    // Only the older month this time: untick November, choose BRI VA.
    await page.getByRole('checkbox', { name: 'Tagihan November 2026' }).uncheck()
    await page.getByRole('radio', { name: /BRI Virtual Account/ }).check()
    await expect(page.getByText('Biaya Rp 4.250 · Total bayar Rp 304.250')).toBeVisible()
    await page.getByRole('button', { name: 'Bayar sekarang' }).click()

    await expect(page.getByRole('heading', { name: 'Selesaikan pembayaran' })).toBeVisible()
    const [tx] = [...tripay.transactions.values()]
    expect(tx).toMatchObject({ method: 'BRIVA', amount: 154_250 })
    await expect(page.getByText(tx!.pay_code!, { exact: true })).toBeVisible()
    await expect(page.getByText('Bayar sebelum')).toBeVisible()
    await shoot(page, 'isolir-pay-code')

    await page.getByRole('link', { name: 'Cek status pembayaran' }).click()
    await expect(page.getByRole('heading', { name: 'Menunggu pembayaran' })).toBeVisible()
    await shoot(page, 'isolir-pay-waiting')

    tripay.pay(tx!.reference)
    await gatewayData(host, 'age')
    await page.getByRole('link', { name: 'Cek status pembayaran' }).click()
    await expect(page.getByRole('heading', { name: 'Pembayaran diterima' })).toBeVisible()
    await expect(page.getByText('Lunas', { exact: true })).toBeVisible()
    await shoot(page, 'isolir-pay-paid')

    // November is still owed: the isolir page now lists that one only.
    await page.goto(`${host.url}isolir`)
    await expect(page.getByText('Tagihan Oktober 2026')).toHaveCount(0)
    await expect(page.getByText('Tagihan November 2026')).toBeVisible()
  } finally {
    await tripay.close()
  }
})
