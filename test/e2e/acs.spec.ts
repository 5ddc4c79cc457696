import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { startAcsSim, type AcsSim } from '../sim/acs/index'
import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

/** Where the screenshots go when asked (ACS_SHOTS=/tmp/shots-acs). */
const SHOTS = process.env.ACS_SHOTS

let acs: AcsSim
test.beforeEach(async () => {
  acs = await startAcsSim()
})
test.afterEach(async () => {
  await acs.close()
})

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

test('the CPE card: status and why, Reboot with confirmation and its result, Ubah WiFi validated then sent', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(240_000)
  const token = await setUpCompany(request, host)
  const api = <T>(procedure: string, input: unknown) =>
    call<T>(request, host, token, procedure, input)
  const area = await api<{ id: number }>('catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  const product = await api<{ id: number }>('catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
  })
  const budi = await api<{ id: number }>('customers.create', {
    areaId: area.id,
    name: 'Budi Santoso',
  })
  await api('customers.addService', {
    customerId: budi.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-01-01',
    pppoeUsername: 'budi',
  })
  const deviceId = acs.addCpe({
    model: 'tr098',
    oui: '00259E',
    productClass: 'EG8145V5',
    serial: '48575443A1B2C3D4',
    manufacturer: 'Huawei',
    modelName: 'EG8145V5',
    firmware: 'V5R020C10S115',
    pppoeUsername: 'budi',
    ssid: 'BUDI-WIFI',
    lastInform: new Date(Date.now() - 2 * 60_000).toISOString(),
    informInterval: 300,
  })

  await signIn(page, host, OWNER, 'Pelanggan')

  // Settings: the NBI address, tested, saved.
  await page.goto(`${host.url}company`)
  const settings = page.getByTestId('acs-settings')
  await settings.getByTestId('acs-url').fill(acs.url)
  await settings.getByRole('button', { name: 'Tes koneksi' }).click()
  await expect(settings.getByTestId('acs-test-ok')).toHaveText(
    'ACS menjawab: 1 perangkat terdaftar.',
  )
  await settings.scrollIntoViewIfNeeded()
  await shot(page, 'acs-settings')
  await settings.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Pengaturan ACS disimpan.')).toBeVisible()

  // The customer page: online, with why, model, firmware and SSID.
  await page.goto(`${host.url}customers/${budi.id}`)
  const card = page.getByTestId('cpe-card')
  // The card asks the ACS on its own; a loaded test machine may take a while.
  await expect(card.getByTestId('cpe-online')).toHaveText('Online', { timeout: 30_000 })
  await expect(card.getByTestId('cpe-last-inform')).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)
  await expect(card).toContainText('Huawei EG8145V5')
  await expect(card).toContainText('V5R020C10S115')
  await expect(card).toContainText('BUDI-WIFI')
  await expect(card).toContainText('interval inform (5 mnt) + 1 mnt')
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'acs-customer-card')

  // Reboot asks first, then shows how the ACS answered.
  await card.getByTestId('cpe-reboot').click()
  await expect(page.getByRole('dialog')).toContainText('Internet dan WiFi pelanggan terputus')
  await shot(page, 'acs-reboot-confirm')
  await page.getByTestId('cpe-confirm').click()
  await expect(card.getByTestId('cpe-result')).toHaveText('Selesai: modem sudah menjalankannya')
  expect(acs.device(deviceId)!._lastBoot).toBeTruthy()

  // Ubah WiFi: a 7-character password is refused in the form; 8 or more goes to the modem.
  await card.getByTestId('cpe-wifi').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('wifi-ssid').fill('Budi Rumah')
  await dialog.getByTestId('wifi-password').fill('1234567')
  await dialog.getByRole('button', { name: 'Kirim ke modem' }).click()
  await expect(dialog).toContainText('Kata sandi WiFi (WPA2) harus 8–63 karakter')
  await shot(page, 'acs-wifi-invalid')
  await dialog.getByTestId('wifi-password').fill('kopi-susu-2026')
  await dialog.getByRole('button', { name: 'Kirim ke modem' }).click()
  await expect(dialog).toBeHidden()
  await expect(card.getByTestId('cpe-actions')).toContainText('Ubah WiFi → Budi Rumah')
  await expect(card).toContainText('Budi Rumah')
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'acs-customer-card-after')

  // The ACS stops answering: the card says so in Indonesian, the rest of the page still works.
  await acs.close()
  await page.reload()
  await expect(card).toContainText(`ACS di ${acs.url} tidak dapat dihubungi`, { timeout: 30_000 })
  await expect(page.getByTestId('customer-name')).toHaveText('Budi Santoso')
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'acs-unreachable')
  acs = await startAcsSim()
})
