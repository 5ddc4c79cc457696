import type { APIRequestContext } from '@playwright/test'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

/** Company, a router on the simulator and one customer whose PPPoE login lives on it. */
async function setUp(request: APIRequestContext, host: Host, sim: RouterSim) {
  const token = await setUpCompany(request, host)
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
  const router = await addSimRouter(request, host, token, sim.port, 'Core Bogor')
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
    activationDate: '2026-01-01',
    pppoeUsername: 'siti',
    pppoePassword: 'rahasia-siti',
    routerId: router.id,
  })
  return { token, customer }
}

test('online list with kick, live traffic on the dashboard, isolir setup script', async ({
  page,
  host,
}) => {
  const sim = await startRouterSim({ port: 0 })
  try {
    const { customer } = await setUp(page.request, host, sim)
    sim.state.setOnline([
      { name: 'siti', address: '10.10.10.7', callerId: 'D4:CA:6D:00:00:07', uptime: '2d3h15m42s' },
      { name: 'tamu', address: '10.10.10.9', uptime: '00:12:05' },
    ])
    await signIn(page, host, OWNER, 'Jaringan')

    // 1. Who is online, with the customer behind the login.
    await page.goto(`${host.url}network?tab=online`)
    const siti = page.locator('[data-testid="session-row"][data-name="siti"]')
    await expect(siti).toContainText(`${customer.code} · Siti Rahmawati`)
    await expect(siti).toContainText('10.10.10.7')
    await expect(siti).toContainText('D4:CA:6D:00:00:07')
    await expect(siti).toContainText('2h 3j')
    await expect(page.locator('[data-testid="session-row"][data-name="tamu"]')).toContainText(
      'Tidak dikenal',
    )
    await expect(page.getByTestId('router-health')).toContainText('RB4011iGS+')

    // 2. Kick, after confirming.
    await siti.getByRole('button', { name: 'Putuskan sesi siti' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('10.10.10.7')
    await dialog.getByRole('button', { name: 'Ya, putuskan' }).click()
    await expect(page.getByText('Sesi siti diputus.')).toBeVisible()
    await expect(siti).toHaveCount(0)
    await expect(page.getByTestId('session-row')).toHaveCount(1)
    expect(sim.kicked).toEqual(['siti'])

    // 3. Live traffic on the dashboard, in Mbps, a new sample every few seconds.
    await page.getByRole('link', { name: 'Dasbor' }).click()
    const widget = page.getByTestId('dashboard-traffic')
    await expect(widget.getByTestId('traffic-rx')).toHaveText(/^\d+,\d Mbps$/)
    await expect(widget.getByTestId('traffic-tx')).toHaveText(/^\d+,\d Mbps$/)
    await expect(widget.getByTestId('traffic-chart')).toHaveAttribute(
      'data-samples',
      /^([2-9]|\d{2,})$/,
      {
        timeout: 15_000,
      },
    )
    await expect(widget.locator('path[data-line]')).toHaveCount(2)

    // 4. The isolir setup script, filled in with this host's address and port.
    await page.goto(`${host.url}network?tab=setup`)
    const script = page.getByTestId('isolir-script')
    const port = new URL(host.url).port
    await expect(script).toContainText('action=dst-nat')
    await expect(script).toContainText(`to-addresses=127.0.0.1 to-ports=${port}`)
    await expect(script).toContainText('/ppp profile add name=ISOLIR')
    await expect(page.getByText('hanya berlaku di komputer ini')).toBeVisible()
    // Only an address or a host name goes into a script pasted on the router.
    const address = page.getByLabel('Alamat IP Loket di jaringan')
    await address.fill('10.0.0.1 ; /user add name=x')
    await expect(page.getByText('Isi alamat IPv4 (misalnya 192.168.88.10)')).toBeVisible()
    await expect(script).toBeHidden()
    await address.fill('192.168.88.10')
    await expect(script).toContainText(`to-addresses=192.168.88.10 to-ports=${port}`)

    // 5. And the page those customers land on.
    const landing = await page.request.get(`${host.url}isolir`)
    expect(await landing.text()).toContain('Layanan internet Anda sedang diisolir')
  } finally {
    await sim.close()
  }
})
