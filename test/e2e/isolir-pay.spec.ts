import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import { call, setUpCompany } from './api'
import { expect, test, type Host } from './fixtures'

/**
 * The isolir page and the pay links, as an isolated customer's browser meets them: no script
 * (the page must work without JavaScript), phone first, and nothing loaded from elsewhere.
 */
const SHOTS = '/tmp/shots-isolir-pay'
test.use({ javaScriptEnabled: false })
test.beforeEach(() => mkdirSync(SHOTS, { recursive: true }))

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
