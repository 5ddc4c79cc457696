import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { startTripaySim, type TripaySim } from '../sim/gateways/tripay'
import { OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

/** Where the screenshots go when asked (GATEWAY_SHOTS=/tmp/shots-gateways). */
const SHOTS = process.env.GATEWAY_SHOTS

let sim: TripaySim
test.beforeEach(async () => {
  sim = await startTripaySim()
})
test.afterEach(async () => {
  await sim.close()
})

test('Pembayaran online: Tripay set up with its keys, shown back only as tersimpan, and Tes koneksi lists the channels', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(120_000)
  await setUpCompany(request, host)
  await signIn(page, host, OWNER, 'Dasbor')
  await page.goto(`${host.url}company`)
  const section = page.getByTestId('online-payment')
  await expect(section.getByText('Pembayaran online')).toBeVisible()
  await section.getByLabel('Alamat API (kosongkan untuk alamat bawaan)').fill(sim.baseUrl)
  // Keys missing: the form says which, in Indonesian.
  await section.getByRole('button', { name: 'Simpan' }).click()
  await expect(section.getByText('Kunci ini wajib diisi.').first()).toBeVisible()
  await section.getByTestId('gateway-key-merchantCode').fill(sim.keys.merchantCode)
  await section.getByTestId('gateway-key-apiKey').fill(sim.keys.apiKey)
  await section.getByTestId('gateway-key-privateKey').fill(sim.keys.privateKey)
  await section.getByRole('button', { name: 'Simpan' }).click()
  await expect(section.getByTestId('gateway-key-privateKey')).toHaveAttribute(
    'placeholder',
    'tersimpan',
  )
  await expect(section.getByTestId('gateway-key-privateKey')).toHaveValue('')
  await section.getByRole('button', { name: 'Tes koneksi' }).click()
  await expect(section.getByTestId('gateway-test')).toContainText('6 metode pembayaran')
  await expect(section.getByTestId('gateway-test')).toContainText('BRI Virtual Account')
  await expect(page.getByTestId('online-transactions')).toContainText('Belum ada transaksi online.')
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true })
    await section.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'pembayaran-online.png') })
    await page.getByTestId('online-transactions').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'transaksi-online.png') })
  }
})
