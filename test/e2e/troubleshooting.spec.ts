import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { startAcsSim, type AcsSim } from '../sim/acs/index'
import { makeOnus, startOltSim, type OltSim } from '../sim/olt/index'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'
import { seedOlt } from './olt-data'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

const SHOTS = process.env.TROUBLE_SHOTS ?? '/tmp/shots-trouble'

let router: RouterSim
let olt: OltSim
let acs: AcsSim
test.beforeEach(async () => {
  router = await startRouterSim({ port: 0 })
  // ONU pel0003 (1/1/1:3) is online at −19.2 dBm; the service's PPPoE login links it.
  olt = await startOltSim({
    vendor: 'zte-1012',
    community: 'rahasia',
    onus: makeOnus('zte-1012', 64),
  })
  acs = await startAcsSim()
})
test.afterEach(async () => {
  await acs.close()
  // The second test stops the OLT itself and starts a fresh one only when it gets to its end.
  await olt.close().catch(() => undefined)
  await router.close()
})

async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(SHOTS, { recursive: true })
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage })
}

/**
 * Budi on the router simulator with PPPoE login pel0003, November billed and unpaid, isolated by
 * hand; the OLT read once (pel0003 linked by name); the ACS set, with Budi's modem on it.
 */
async function budi(request: APIRequestContext, host: Host) {
  const token = await setUpCompany(request, host)
  const api = <T>(procedure: string, input: unknown) =>
    call<T>(request, host, token, procedure, input)
  const area = await api<{ id: number }>('catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  const product = await api<{ id: number }>('catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 10,
    uploadMbps: 10,
  })
  const core = await addSimRouter(request, host, token, router.port, 'Core Cibinong')
  const customer = await api<{ id: number; code: string }>('customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
    phone: '0812-3456-7890',
  })
  const service = await api<{ id: number }>('customers.addService', {
    customerId: customer.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-10-01',
    pppoeUsername: 'pel0003',
    pppoePassword: 'rahasia-budi',
    routerId: core.id,
  })
  await api('billing.runPeriod', { period: '2026-11', asOf: '2026-11-01' })
  await api('network.isolir', {
    action: 'isolir',
    serviceIds: [service.id],
    reason: 'Tunggakan November belum dibayar',
    notify: false,
  })
  const seeded = await seedOlt(request, host, token, olt)
  await api('acs.saveSettings', { url: acs.url })
  acs.addCpe({
    model: 'tr098',
    oui: '00259E',
    productClass: 'EG8145V5',
    serial: '48575443A1B2C3D4',
    manufacturer: 'Huawei',
    modelName: 'EG8145V5',
    firmware: 'V5R020C10S115',
    pppoeUsername: 'pel0003',
    ssid: 'BUDI-WIFI',
    lastInform: new Date(Date.now() - 2 * 60_000).toISOString(),
    informInterval: 300,
  })
  router.state.setOnline([
    { name: 'pel0003', address: '10.10.10.3', callerId: 'D4:CA:6D:00:00:03', uptime: '3h12m5s' },
  ])
  return { token, customer, oltId: seeded.id }
}

test('Penanganan gangguan: bills and isolir with why, the live session with kick, ONU RX, CPE reboot, a ticket prefilled without leaving the page', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000)
  const { customer } = await budi(page.request, host)
  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}customers/${customer.id}`)
  await page.getByRole('tab', { name: 'Penanganan gangguan' }).click()
  await expect(page).toHaveURL(/tab=gangguan/)

  const billing = page.getByTestId('trouble-billing')
  await expect(billing.getByTestId('trouble-arrears')).toContainText('Tunggakan Rp')
  await expect(billing.getByTestId('trouble-isolir')).toContainText(
    'Alasan: Tunggakan November belum dibayar',
  )

  const session = page.getByTestId('trouble-session-row')
  await expect(session).toHaveAttribute('data-state', 'online', { timeout: 30_000 })
  await expect(session).toContainText('pel0003 di Core Cibinong')
  await expect(session).toContainText('10.10.10.3')
  await expect(session).toContainText('3j 12m')

  const onu = page.getByTestId('customer-onu')
  await expect(onu.getByTestId('onu-status')).toHaveText('Online')
  await expect(onu.getByTestId('onu-rx')).toHaveText('-19.20 dBm')
  await expect(onu.getByTestId('onu-rx')).toHaveAttribute('data-level', 'good')

  const cpe = page.getByTestId('cpe-card')
  await expect(cpe.getByTestId('cpe-online')).toHaveText('Online', { timeout: 30_000 })
  await expect(cpe).toContainText('BUDI-WIFI')
  await expect(page.getByTestId('customer-tickets-empty')).toBeVisible()
  await shot(page, 'trouble-all-sources')

  // Kick: asks first, then the session reads offline from the router.
  await session.getByRole('button', { name: 'Putuskan sesi' }).click()
  await expect(page.getByRole('dialog')).toContainText('Putuskan sesi pel0003?')
  await page.getByRole('button', { name: 'Ya, putuskan' }).click()
  await expect(page.getByText('Sesi pel0003 diputus.')).toBeVisible()
  await expect(session).toHaveAttribute('data-state', 'offline')
  expect(router.kicked).toEqual(['pel0003'])

  // Reboot the CPE from the same screen.
  await cpe.getByTestId('cpe-reboot').click()
  await page.getByTestId('cpe-confirm').click()
  await expect(cpe.getByTestId('cpe-result')).toHaveText('Selesai: modem sudah menjalankannya')

  // A ticket prefilled with the first checks; saved, it shows here and the page stays.
  await page.getByTestId('customer-tickets').getByRole('button', { name: 'Buat tiket' }).click()
  const form = page.getByRole('dialog')
  await expect(form.getByLabel('Judul')).toHaveValue('Gangguan: Budi Santoso')
  await expect(form.getByLabel('Layanan')).toHaveValue(/SID\d+ — Rumah 10 Mbps/)
  const description = form.getByLabel('Keterangan')
  await expect(description).toHaveValue(/Tagihan: Tunggakan Rp/)
  await expect(description).toHaveValue(/PPPoE pel0003: Offline/)
  await expect(description).toHaveValue(/ONU ZTEG\w+: Online, RX -19\.20 dBm/)
  await expect(description).toHaveValue(/Modem EG8145V5: Online, SSID BUDI-WIFI/)
  await shot(page, 'trouble-ticket-prefilled', false)
  await form.getByRole('button', { name: 'Buat tiket' }).click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('customer-ticket')).toContainText('Gangguan: Budi Santoso')
  await expect(page).toHaveURL(new RegExp(`customers/${customer.id}\\?tab=gangguan`))
})

test('Penanganan gangguan with the OLT down and a router that does not answer: each says why, the others still show', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000)
  const { customer, token, oltId } = await budi(page.request, host)
  // The OLT goes away; the next reading fails and is remembered.
  await olt.close()
  const poll = await page.request.post(`${host.url}api/trpc/olt.poll`, {
    data: { id: oltId },
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(poll.ok()).toBe(false)
  router.knobs.silent = true

  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}customers/${customer.id}?tab=gangguan`)
  await expect(page.getByTestId('customer-onu').getByTestId('onu-olt-down')).toContainText(
    `OLT Cibinong tidak menjawab pada pembacaan terakhir: OLT tidak menjawab (periksa alamat, port dan community). Tujuan: 127.0.0.1:${olt.port}.`,
    { timeout: 30_000 },
  )
  await expect(page.getByTestId('trouble-session-row')).toHaveAttribute('data-state', 'error', {
    timeout: 30_000,
  })
  await expect(page.getByTestId('trouble-session-row')).toContainText('Router tidak menjawab')
  // The rest answered all the same.
  await expect(page.getByTestId('trouble-billing')).toContainText('Tunggakan Rp')
  await expect(page.getByTestId('cpe-card').getByTestId('cpe-online')).toHaveText('Online', {
    timeout: 30_000,
  })
  await shot(page, 'trouble-olt-down')
  router.knobs.silent = false
  olt = await startOltSim({
    vendor: 'zte-1012',
    community: 'rahasia',
    onus: makeOnus('zte-1012', 1),
  })
})
