import { mkdirSync } from 'node:fs'
import { makeOnus, startOltSim, type OltSim } from '../sim/olt/index'
import { OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

const SHOTS = process.env.OLT_SHOTS ?? '/tmp/shots-olt'

let sim: OltSim
test.beforeEach(async () => {
  sim = await startOltSim({
    vendor: 'zte-1012',
    community: 'rahasia',
    onus: makeOnus('zte-1012', 150),
  })
})
test.afterEach(async () => {
  await sim.close()
})

test('OLT & ONU: add an OLT (a wrong community is a clear timeout), read it, filter weak ONUs, see RX history', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000)
  mkdirSync(SHOTS, { recursive: true })
  await page.setViewportSize({ width: 1366, height: 768 })
  await setUpCompany(page.request, host)
  await signIn(page, host, OWNER, 'OLT & ONU')
  await page.getByRole('link', { name: 'OLT & ONU' }).click()
  await expect(page.getByRole('heading', { name: 'OLT & ONU' })).toBeVisible()
  await expect(page.getByText('Belum ada OLT')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/olt-empty-1366.png` })

  await page.getByRole('button', { name: 'Tambah OLT' }).click()
  const form = page.getByRole('dialog', { name: 'Tambah OLT' })
  await form.getByLabel('Nama OLT').fill('OLT Cibinong')
  await form.getByLabel('Alamat IP / host').fill(sim.host)
  await form.getByLabel('Port SNMP').fill(String(sim.port))
  await form.getByTestId('olt-community').fill('salah')
  await form.getByTestId('olt-test').click()
  await expect(
    form.getByText('OLT tidak menjawab (periksa alamat, port dan community)'),
  ).toBeVisible({
    timeout: 15_000,
  })
  await page.screenshot({ path: `${SHOTS}/olt-form-timeout-1366.png` })
  await form.getByTestId('olt-community').fill('rahasia')
  await form.getByTestId('olt-test').click()
  await expect(form.getByTestId('olt-test-ok')).toContainText('ZXA10 C320')
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(form).toBeHidden()

  const row = page.getByTestId('olt-row').filter({ hasText: 'OLT Cibinong' })
  await row.getByRole('button', { name: 'Baca sekarang' }).click()
  await expect(row).toContainText('150 ONU · 9 tidak online')
  await page.screenshot({ path: `${SHOTS}/olt-list-1366.png` })

  await page.getByRole('tab', { name: 'ONU' }).click()
  await expect(page.getByTestId('onu-counts')).toContainText(
    '150 ONU · 9 tidak online · 9 sinyal lemah',
    { timeout: 30_000 },
  )
  await expect(page.getByTestId('onu-row').first()).toContainText('1/1/1:1')
  await page.screenshot({ path: `${SHOTS}/olt-onus-1366.png` })

  await page.getByTestId('onu-filter').getByText('Sinyal lemah').click()
  await expect(page.getByTestId('onu-row')).toHaveCount(9)
  await expect(page.getByTestId('onu-rx').first()).toHaveAttribute('data-level', 'weak')
  await page.screenshot({ path: `${SHOTS}/olt-onus-weak-1366.png` })

  await page.getByTestId('onu-row').first().getByRole('button', { name: 'Riwayat RX' }).click()
  const history = page.getByRole('dialog')
  await expect(history.getByTestId('onu-history')).toContainText('-28.50 dBm')
  await page.screenshot({ path: `${SHOTS}/olt-history-1366.png` })
  await history.getByRole('button').first().click()

  await page.getByTestId('onu-row').first().getByRole('button', { name: 'Tautkan' }).click()
  await expect(page.getByRole('dialog')).toContainText('Tautkan ONU')
  await page.screenshot({ path: `${SHOTS}/olt-link-1366.png` })
  await page.keyboard.press('Escape')

  await page.getByRole('tab', { name: 'Sinyal lemah & mati' }).click()
  await expect(page.getByTestId('weak-list').getByTestId('report-row')).toHaveCount(9)
  await expect(page.getByTestId('offline-list').getByTestId('report-row')).toHaveCount(9)
  await page.screenshot({ path: `${SHOTS}/olt-weak-1366.png` })
})
