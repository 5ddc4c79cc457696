import { mkdirSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

/** Screenshots go here (TOPOLOGY_SHOTS=/tmp/shots-topology to keep them elsewhere). */
const SHOTS = process.env.TOPOLOGY_SHOTS ?? '/tmp/shots-topology'

let wa: MessageSim
test.beforeEach(async () => {
  wa = await startMessageSim()
})
test.afterEach(async () => {
  await wa.close()
})

/**
 * POP Cibinong with OLT Cibinong; PON 1/1/1 feeds ODC Pakansari with ODP PKS-01 (8 ports, with
 * coordinates) and PKS-02. Budi and Siti on PKS-01 ports 1 and 2, Eko not connected yet, Dewi
 * on PKS-02. WhatsApp goes through Fonnte, pointed at the simulator.
 */
async function seed(request: APIRequestContext, host: Host, token: string) {
  const api = <T>(procedure: string, input: unknown, kind?: 'query') =>
    call<T>(request, host, token, procedure, input, kind)
  const area = await api<{ id: number }>('catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  const product = await api<{ id: number }>('catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
  })
  const policy = await api<Record<string, unknown>>('collections.settings', undefined, 'query')
  await api('collections.setSettings', { ...policy, sendWelcome: false })
  const customer = async (name: string, phone: string) => {
    const c = await api<{ id: number; code: string }>('customers.create', {
      areaId: area.id,
      name,
      phone,
    })
    const s = await api<{ id: number }>('customers.addService', {
      customerId: c.id,
      productId: product.id,
      status: 'aktif',
      activationDate: '2026-01-01',
      billingSchedule: { kind: 'fixed', day: 1 },
    })
    return { ...c, serviceId: s.id }
  }
  const budi = await customer('Budi Santoso', '081211112222')
  const siti = await customer('Siti Aminah', '081233334444')
  const eko = await customer('Eko Prasetyo', '081255556666')
  const dewi = await customer('Dewi Lestari', '081277778888')
  await api('channels.set', { provider: 'fonnte', token: wa.tokens.fonnte, baseUrl: wa.url })
  const olt = await api<{ id: number }>('olt.create', {
    name: 'OLT Cibinong',
    vendor: 'zte-1082',
    host: '127.0.0.1',
    port: 16100,
    community: 'rahasia',
  })
  const pop = await api<{ id: number }>('catalog.savePop', {
    name: 'POP Cibinong',
    areaId: area.id,
    address: 'Jl. Raya Bogor Km 45',
  })
  await api('topology.setOltPop', { oltId: olt.id, popId: pop.id })
  const odc = await api<{ id: number }>('topology.saveOdc', {
    name: 'ODC Pakansari',
    oltId: olt.id,
    pon: '1/1/1',
    latitude: -6.4815,
    longitude: 106.854,
  })
  const pks1 = await api<{ id: number }>('topology.saveOdp', {
    name: 'PKS-01',
    odcId: odc.id,
    ports: 8,
    address: 'Tiang depan masjid Al-Ikhlas',
    latitude: -6.48201,
    longitude: 106.85512,
  })
  const pks2 = await api<{ id: number }>('topology.saveOdp', {
    name: 'PKS-02',
    odcId: odc.id,
    ports: 4,
  })
  await api('topology.assignPort', { serviceId: budi.serviceId, odpId: pks1.id, port: 1 })
  await api('topology.assignPort', { serviceId: siti.serviceId, odpId: pks1.id, port: 2 })
  await api('topology.assignPort', { serviceId: dewi.serviceId, odpId: pks2.id, port: 1 })
  return { api, eko }
}

/** The WhatsApp messages that went out with `text` in them (the simulator's inbox). */
async function whatsappsWith(text: RegExp, count: number) {
  await expect
    .poll(() => wa.received.filter((m) => text.test(m.message)).length, { timeout: 20_000 })
    .toBe(count)
  return wa.received.filter((m) => text.test(m.message))
}

test('an outage on an ODP: its customers listed, one ticket, a WhatsApp notice, resolved and told again', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  mkdirSync(SHOTS, { recursive: true })
  const token = await setUpCompany(page.request, host)
  const { api, eko } = await seed(page.request, host, token)
  await signIn(page, host, OWNER, 'OLT & ONU')

  // Eko's service goes on PKS-01 port 5 from his customer page.
  await page.goto(`${host.url}customers/${eko.id}`)
  const card = page.getByTestId('customer-port')
  await expect(card).toContainText('Belum terhubung ke ODP')
  await card.getByRole('button', { name: 'Pasang ke port ODP' }).click()
  const assign = page.getByRole('dialog')
  await assign.getByLabel('ODP').click()
  await page.getByRole('option', { name: /PKS-01/ }).click()
  await assign.getByLabel('Port').fill('2')
  await assign.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText(/Port 2 di PKS-01 sudah dipakai Siti Aminah/)).toBeVisible()
  await assign.getByLabel('Port').fill('5')
  await assign.getByRole('button', { name: 'Simpan' }).click()
  await expect(card.getByTestId('customer-port-where')).toHaveText('PKS-01 · Port 5')
  await expect(card.getByRole('link', { name: 'Buka di peta' })).toHaveAttribute(
    'href',
    'https://www.google.com/maps?q=-6.48201,106.85512',
  )
  await page.screenshot({ path: `${SHOTS}/customer-port-1366.png` })

  // The tree: one request, folded and unfolded in the page.
  await page.goto(`${host.url}olt?tab=topologi`)
  await expect(page.getByTestId('topology-totals')).toHaveText(
    '1 OLT · 1 ODC · 2 ODP · 4/12 port terpakai',
  )
  await page.getByRole('button', { name: 'Buka semua' }).click()
  const pks1 = page.getByTestId('odp-node').filter({ hasText: 'PKS-01' })
  await expect(pks1).toContainText('3/8 terpakai · 5 kosong')
  await expect(pks1).toContainText('5: Eko Prasetyo')
  await page.screenshot({ path: `${SHOTS}/topology-tree-1366.png` })

  await pks1.getByRole('button', { name: /PKS-01/ }).click()
  const detail = page.getByTestId('odp-detail')
  await expect(detail.locator('[data-port="5"]')).toContainText('Eko Prasetyo')
  await expect(detail.locator('[data-port="3"]')).toContainText('Kosong')
  await expect(detail.getByRole('link', { name: 'Buka di peta' })).toHaveAttribute(
    'href',
    'https://www.google.com/maps?q=-6.48201,106.85512',
  )
  await page.screenshot({ path: `${SHOTS}/odp-detail-1366.png` })
  await page.keyboard.press('Escape')

  // Gangguan massal on PKS-01: three customers, one ticket, then the notice.
  await pks1.getByRole('button', { name: 'Tandai gangguan' }).click()
  const declare = page.getByTestId('outage-declare')
  await expect(declare).toContainText('3 pelanggan (3 layanan) terdampak')
  await expect(declare.getByTestId('affected-row')).toHaveCount(3)
  await declare.getByLabel('Penyebab (opsional)').fill('Kabel drop putus tertimpa pohon')
  await page.screenshot({ path: `${SHOTS}/outage-declare-1366.png` })
  await declare.getByRole('button', { name: 'Tandai gangguan & buat tiket' }).click()
  await expect(page.getByText(/Tiket TKT\/\d{4}\/000001 dibuat untuk 3 layanan/)).toBeVisible()
  const notify = page.getByTestId('outage-notify')
  await expect(notify).toContainText('3 pesan akan dikirim, 0 dilewati')
  await page.screenshot({ path: `${SHOTS}/outage-notify-1366.png` })
  await notify.getByRole('button', { name: 'Kirim' }).click()
  const down = await whatsappsWith(/sedang mengalami gangguan/, 3)
  expect(down.some((m) => m.message.startsWith('Yth. Eko Prasetyo,'))).toBe(true)
  expect(down.some((m) => m.message.includes('Dewi'))).toBe(false)
  await expect(pks1.getByTestId('down-badge')).toBeVisible()

  // Resolved: the ticket is closed and the customers are told it is back.
  await page.getByRole('tab', { name: 'Gangguan massal' }).click()
  const row = page.getByTestId('outage-row').filter({ hasText: 'ODP PKS-01' })
  await expect(row).toContainText('Berlangsung')
  await expect(row).toContainText('3 pelanggan')
  await row.getByRole('button', { name: 'ODP PKS-01' }).click()
  await expect(page.getByTestId('outage-affected')).toContainText('Eko Prasetyo')
  await page.screenshot({ path: `${SHOTS}/outages-1366.png` })
  await row.getByRole('button', { name: 'Tandai selesai' }).click()
  await page.getByLabel('Catatan penyelesaian (opsional)').fill('Kabel sudah disambung ulang.')
  await page.getByRole('dialog').getByRole('button', { name: 'Tandai selesai' }).click()
  await expect(page.getByText(/Gangguan selesai, tiket TKT\/\d{4}\/000001 ditutup/)).toBeVisible()
  await expect(page.getByTestId('outage-notify').getByLabel('Isi pesan')).toHaveValue(
    /sudah selesai dan layanan kembali normal/,
  )
  await page.getByTestId('outage-notify').getByRole('button', { name: 'Kirim' }).click()
  await whatsappsWith(/sudah selesai dan layanan kembali normal/, 3)
  await expect(row).toContainText('Selesai')
  await page.screenshot({ path: `${SHOTS}/outages-resolved-1366.png` })

  const outages = await api<{ ticketId: number }[]>('topology.outages', undefined, 'query')
  const ticket = await api<{ status: string; title: string }>(
    'tickets.get',
    { id: outages[0]!.ticketId },
    'query',
  )
  expect(ticket).toMatchObject({ status: 'selesai', title: 'Gangguan massal: ODP PKS-01' })
})
