import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { startTripaySim } from '../sim/gateways/tripay'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { startRouterSim } from '../sim/routeros/index'
import { addSimRouter, call, setUpCompany } from './api'
import { jakartaToday } from './demo-data'
import { clippedOn } from './layout-check'
import { expect, test, type Host } from './fixtures'

/**
 * The customer portal on a phone (390×844): sign-in by the WhatsApp code read from the gateway
 * simulator, every page, a complaint, the remembered device, the staff's read-only view, and
 * the main pages at 1366×768. Screenshots in /tmp/shots-portal.
 */
const SHOTS = '/tmp/shots-portal'
const BUDI_WA = '6281234567890'

let wa: MessageSim
test.beforeEach(async () => {
  wa = await startMessageSim()
  mkdirSync(SHOTS, { recursive: true })
})
test.afterEach(async () => {
  await wa.close()
})

/** Net Jaya with WhatsApp through the simulator, Budi on Rumah 10 Mbps, billed this month. */
async function seed(request: APIRequestContext, host: Host, network?: { routerPort: number }) {
  const token = await setUpCompany(request, host)
  await call(request, host, token, 'channels.set', {
    provider: 'fonnte',
    token: wa.tokens.fonnte,
    baseUrl: wa.url,
  })
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
    routerProfile: '10M',
  })
  const router = network ? await addSimRouter(request, host, token, network.routerPort) : null
  const budi = await call<{ id: number }>(request, host, token, 'customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
    whatsapp: '0812-3456-7890',
    address: 'Jl. Melati 5, Cibinong',
  })
  const today = jakartaToday()
  const lastMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`)
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1)
  const service = await call<{ id: number }>(request, host, token, 'customers.addService', {
    customerId: budi.id,
    productId: product.id,
    status: 'aktif',
    activationDate: lastMonth.toISOString().slice(0, 10),
    ...(router ? { routerId: router.id, pppoeUsername: 'budi', pppoePassword: 'rahasia1' } : {}),
  })
  await call(request, host, token, 'billing.runPeriod', {
    period: today.slice(0, 7),
    asOf: `${today.slice(0, 7)}-01`,
  })
  await call(request, host, token, 'company.savePortalSettings', {
    selfRegistration: true,
    supportWhatsapp: '0812-0000-1111',
    supportHours: 'Senin–Sabtu 08.00–17.00',
  })
  return { token, budiId: budi.id, serviceId: service.id }
}

async function codeSentTo(number: string, after: number): Promise<string> {
  let code = ''
  await expect
    .poll(() => {
      const m = wa.received.slice(after).find((r) => r.target === number)
      code = m ? /(\d{6})/.exec(m.message)![1]! : ''
      return code
    })
    .toMatch(/^\d{6}$/)
  return code
}

async function portalSignIn(page: Page, host: Host, remember = false) {
  await page.goto(`${host.url}portal`)
  await expect(page.getByRole('heading', { name: 'Portal pelanggan' })).toBeVisible()
  await page.getByLabel('Nomor WhatsApp').fill('0812-3456-7890')
  const before = wa.received.length
  await page.getByRole('button', { name: 'Kirim kode' }).click()
  await expect(page.getByText('kode sudah dikirim')).toBeVisible()
  const code = await codeSentTo(BUDI_WA, before)
  await page.locator('input[inputmode="numeric"]').first().click()
  await page.keyboard.type(code)
  if (remember) await page.getByLabel('Ingat perangkat ini (30 hari)').check()
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Tagihan' })).toBeVisible()
}

/** What was cut on the pages looked at (layout-check.ts), asserted empty at the end of a test. */
let clipped: string[] = []
test.beforeEach(() => {
  clipped = []
})

async function shot(page: Page, name: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  clipped.push(...(await clippedOn(page, name)))
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

async function visit(page: Page, path: string, heading: string) {
  await page.goto(page.url().replace(/\/portal.*$/, `/portal/${path}`))
  await expect(page.getByRole('heading', { name: heading })).toBeVisible()
}

test('a customer signs in by WhatsApp code on a phone and uses every portal page', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(240_000)
  const { token, budiId } = await seed(request, host)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${host.url}portal`)
  await expect(page.getByRole('heading', { name: 'Portal pelanggan' })).toBeVisible()
  await shot(page, 'phone-masuk')
  await page.getByLabel('Nomor WhatsApp').fill('0812-3456-7890')
  const before = wa.received.length
  await page.getByRole('button', { name: 'Kirim kode' }).click()
  await expect(
    page.getByRole('button', { name: /Kirim ulang kode dalam \d+ detik/ }),
  ).toBeDisabled()
  await shot(page, 'phone-masuk-kode')
  const code = await codeSentTo(BUDI_WA, before)
  await page.locator('input[inputmode="numeric"]').first().click()
  await page.keyboard.type(code)
  await page.getByLabel('Ingat perangkat ini (30 hari)').check()
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()

  await expect(page.getByRole('heading', { name: 'Tagihan' })).toBeVisible()
  await expect(page.getByText('Total belum dibayar')).toBeVisible()
  await shot(page, 'phone-tagihan')
  await page.getByRole('button', { name: 'Rincian' }).first().click()
  await expect(page.getByText('Sisa tagihan')).toBeVisible()
  await shot(page, 'phone-tagihan-rincian')
  await page.getByRole('button', { name: 'Tutup' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Unduh PDF' }).first().click()
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/)

  await visit(page, 'riwayat', 'Riwayat pembayaran')
  await shot(page, 'phone-riwayat')
  await visit(page, 'layanan', 'Layanan saya')
  await expect(page.getByText('Rumah 10 Mbps')).toBeVisible()
  await shot(page, 'phone-layanan')
  await visit(page, 'profil', 'Profil')
  await page.getByLabel('Catatan alamat (patokan, warna pagar)').fill('Pagar hijau, depan masjid')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Profil tersimpan.')).toBeVisible()
  await shot(page, 'phone-profil')
  await visit(page, 'keluhan', 'Keluhan')
  await page.getByLabel('Judul').fill('Internet putus-putus malam hari')
  await page.getByLabel('Ceritakan masalahnya').fill('Sejak kemarin sering putus jam 20.00.')
  await page.getByRole('button', { name: 'Kirim', exact: true }).click()
  await expect(page.getByText('Internet putus-putus malam hari')).toBeVisible()
  await shot(page, 'phone-keluhan')
  await visit(page, 'kontak', 'Kontak')
  await expect(page.getByText('Senin–Sabtu 08.00–17.00')).toBeVisible()
  await shot(page, 'phone-kontak')
  await visit(page, 'perangkat', 'Perangkat tepercaya')
  await expect(page.getByText('Perangkat ini', { exact: true })).toBeVisible()
  await shot(page, 'phone-perangkat')
  await visit(page, 'bayar', 'Bayar tagihan')
  await shot(page, 'phone-bayar')
  await page.getByRole('button', { name: 'Menu' }).click()
  await shot(page, 'phone-menu')
  await page.keyboard.press('Escape')

  // The complaint is a ticket for the office, with medium portal.
  const tickets = await call<{ medium: string; title: string }[]>(
    request,
    host,
    token,
    'tickets.list',
    { customerId: budiId },
    'query',
  )
  expect(tickets).toMatchObject([{ medium: 'portal', title: 'Internet putus-putus malam hari' }])

  // The main pages on an office screen.
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const [path, heading] of [
    ['tagihan', 'Tagihan'],
    ['bayar', 'Bayar tagihan'],
    ['keluhan', 'Keluhan'],
    ['profil', 'Profil'],
  ] as const) {
    await visit(page, path, heading)
    await shot(page, `wide-${path}`)
  }
  await page.getByRole('button', { name: 'Keluar' }).click()
  await expect(page.getByRole('button', { name: 'Kirim kode' })).toBeVisible()
  await shot(page, 'wide-masuk')
  expect(clipped).toEqual([])
})

test('Daftar on a phone lands on the registration board; staff open the portal read-only', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(180_000)
  const { token, budiId } = await seed(request, host)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${host.url}portal`)
  await page.getByRole('link', { name: 'Belum berlangganan? Daftar di sini' }).click()
  await expect(page.getByRole('heading', { name: 'Daftar berlangganan' })).toBeVisible()
  await page.getByLabel('Nomor WhatsApp').fill('0857-9999-0000')
  const before = wa.received.length
  await page.getByRole('button', { name: 'Kirim kode verifikasi' }).click()
  const code = await codeSentTo('6285799990000', before)
  await page.locator('input[inputmode="numeric"]').first().click()
  await page.keyboard.type(code)
  await page.getByLabel('Nama lengkap').fill('Rina Wati')
  await page.getByLabel('Alamat pemasangan').fill('Jl. Kenanga 9, Cibinong')
  await shot(page, 'phone-daftar')
  await page.getByRole('button', { name: 'Daftar', exact: true }).click()
  await expect(page.getByText('Pendaftaran diterima')).toBeVisible()
  await shot(page, 'phone-daftar-selesai')
  const board = await call<{ customerName: string; step: string }[]>(
    request,
    host,
    token,
    'registrations.list',
    {},
    'query',
  )
  expect(board).toMatchObject([{ customerName: 'Rina Wati', step: 'registrasi' }])

  const view = await call<{ token: string }>(request, host, token, 'customers.openPortal', {
    customerId: budiId,
  })
  await page.goto(`${host.url}portal/profil#view=${view.token}`)
  await expect(page.getByTestId('portal-staff-banner')).toBeVisible()
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('hanya untuk dilihat (dibuka oleh petugas)')).toBeVisible()
  await shot(page, 'phone-petugas')
  expect(clipped).toEqual([])
})

test('an isolated customer pays through Tripay on a phone, sees Lunas, and the router restores the line', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(300_000)
  const router = await startRouterSim({ port: 0 })
  router.state.add('/ppp/profile', { name: '10M', 'rate-limit': '10M/10M' })
  router.state.add('/ppp/profile', { name: 'ISOLIR', 'rate-limit': '256k/256k' })
  const tripay = await startTripaySim()
  try {
    const { token, serviceId } = await seed(request, host, { routerPort: router.port })
    const secret = () => router.state.find('/ppp/secret', { name: 'budi' })[0]
    await expect.poll(() => secret()?.profile, { timeout: 30_000 }).toBe('10M')
    await call(request, host, token, 'network.isolir', {
      action: 'isolir',
      serviceIds: [serviceId],
      reason: 'Tunggakan',
      notify: false,
    })
    await expect.poll(() => secret()?.profile, { timeout: 30_000 }).toBe('ISOLIR')
    execFileSync(
      'npx',
      [
        'tsx',
        path.join(import.meta.dirname, 'gateway-setup.ts'),
        host.dataDir,
        tripay.baseUrl,
        JSON.stringify(tripay.keys),
      ],
      { stdio: 'inherit' },
    )

    await page.setViewportSize({ width: 390, height: 844 })
    await portalSignIn(page, host)
    await visit(page, 'layanan', 'Layanan saya')
    await expect(page.getByText('Diisolir', { exact: true })).toBeVisible()
    await visit(page, 'bayar', 'Bayar tagihan')
    await expect(page.getByText('Virtual Account', { exact: true })).toBeVisible()
    await expect(page.getByText('QRIS', { exact: true })).toBeVisible()
    await page.getByRole('radio', { name: 'BRI Virtual Account' }).check()
    await shot(page, 'phone-bayar-kanal')
    await page.getByRole('button', { name: /^Bayar Rp/ }).click()
    await expect(page.getByText('Kode bayar')).toBeVisible()
    await expect(page.getByText(/Bayar sebelum \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)).toBeVisible()
    await shot(page, 'phone-bayar-kode')

    // The customer pays at the bank; no callback reaches the office PC behind NAT: the
    // waiting page's polling finds the payment at the gateway.
    const [transaction] = [...tripay.transactions.values()]
    tripay.pay(transaction!.reference)
    await expect(page.getByTestId('portal-paid')).toBeVisible({ timeout: 120_000 })
    await expect(page.getByText('Lunas', { exact: true })).toBeVisible()
    await shot(page, 'phone-bayar-lunas')
    await expect.poll(() => secret()?.profile, { timeout: 60_000 }).toBe('10M')
    await visit(page, 'tagihan', 'Tagihan')
    await expect(
      page.getByText('Tidak ada tagihan yang belum dibayar. Terima kasih!'),
    ).toBeVisible()
    expect(clipped).toEqual([])
  } finally {
    await tripay.close()
    await router.close()
  }
})
