import { mkdirSync } from 'node:fs'
import { OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

const SHOTS = '/tmp/shots-gudang'

test('Gudang: add an item, stock in, request, approve, issue, see the stock card', async ({
  page,
  host,
}) => {
  mkdirSync(SHOTS, { recursive: true })
  await page.setViewportSize({ width: 1366, height: 768 })
  await setUpCompany(page.request, host)
  await signIn(page, host, OWNER, 'Gudang')
  await page.getByRole('link', { name: 'Gudang' }).click()
  await expect(page.getByRole('heading', { name: 'Gudang' })).toBeVisible()
  await expect(page.getByText('Belum ada barang.').first()).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/gudang-empty-1366.png` })

  // A warehouse, then an item with a low-stock threshold (validation first).
  await page.getByRole('tab', { name: 'Gudang' }).click()
  await page.getByRole('button', { name: 'Tambah gudang' }).click()
  const whForm = page.getByRole('dialog', { name: 'Tambah gudang' })
  await whForm.getByRole('button', { name: 'Simpan' }).click()
  await expect(whForm.getByText('Wajib diisi.')).toBeVisible()
  await whForm.getByLabel('Nama gudang').fill('Gudang Pusat')
  await whForm.getByRole('button', { name: 'Simpan' }).click()
  await expect(whForm).toBeHidden()
  await expect(page.getByTestId('warehouses-table')).toContainText('Gudang Pusat')

  await page.getByRole('tab', { name: 'Barang' }).click()
  await page.getByRole('button', { name: 'Tambah barang' }).click()
  const itemForm = page.getByRole('dialog', { name: 'Tambah barang' })
  await itemForm.getByLabel('Nama barang').fill('Kabel dropcore')
  await itemForm.getByLabel('Satuan').click()
  await page.getByRole('option', { name: 'meter' }).click()
  await itemForm.getByLabel('Batas minimum stok').fill('50')
  await itemForm.getByRole('button', { name: 'Simpan' }).click()
  await expect(itemForm).toBeHidden()
  await expect(page.getByTestId('items-table')).toContainText('Kabel dropcore')

  // Stock in: 120 metres.
  await page.getByRole('tab', { name: 'Stok' }).click()
  await page.getByRole('button', { name: 'Barang masuk' }).first().click()
  const stockIn = page.getByRole('dialog', { name: 'Catat barang masuk' })
  await stockIn.getByLabel('Barang', { exact: true }).click()
  await page.getByRole('option', { name: 'Kabel dropcore' }).click()
  await stockIn.getByLabel('Jumlah').fill('120')
  await stockIn.getByLabel('Keterangan').fill('pembelian awal')
  await stockIn.getByRole('button', { name: 'Simpan barang masuk' }).click()
  await expect(stockIn).toBeHidden()
  await expect(page.getByTestId('stock-row')).toContainText('120 meter')

  // A request for an installation: 80 metres.
  await page.getByRole('tab', { name: 'Permintaan' }).click()
  await expect(page.getByText('Belum ada permintaan barang.')).toBeVisible()
  await page.getByRole('button', { name: 'Buat permintaan' }).click()
  const req = page.getByRole('dialog', { name: 'Buat permintaan barang' })
  await req.getByLabel('Untuk', { exact: true }).click()
  await page.getByRole('option', { name: 'Instalasi' }).click()
  await req.getByLabel('Nomor instalasi / tiket').fill('12')
  await req.getByLabel('Teknisi').click()
  await page.getByRole('option').first().click()
  await req.getByLabel('Barang', { exact: true }).click()
  await page.getByRole('option', { name: 'Kabel dropcore' }).click()
  await req.getByLabel('Jumlah').fill('80')
  await req.getByRole('button', { name: 'Kirim permintaan' }).click()
  await expect(req).toBeHidden()
  const row = page.getByTestId('request-row').first()
  await expect(row).toContainText('Diminta')
  await expect(row).toContainText('Instalasi #12')

  // Approve, with confirmation.
  await row.getByRole('button', { name: 'Setujui' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Setujui' }).click()
  await expect(row).toContainText('Disetujui')

  // Issue to the technician.
  await row.getByRole('button', { name: 'Keluarkan' }).click()
  const issue = page.getByRole('dialog', { name: 'Keluarkan barang permintaan #1' })
  await expect(issue).toContainText('tidak bisa dibatalkan')
  await page.screenshot({ path: `${SHOTS}/gudang-issue-1366.png` })
  await issue.getByRole('button', { name: 'Keluarkan barang' }).click()
  await expect(issue).toBeHidden()
  await expect(row).toContainText('Dikeluarkan')
  await page.screenshot({ path: `${SHOTS}/gudang-requests-1366.png` })

  // Stock is now 40 metres, at or below the threshold of 50: highlighted as low.
  await page.getByRole('tab', { name: 'Stok' }).click()
  const stockRow = page.getByTestId('stock-row')
  await expect(stockRow).toContainText('40 meter')
  await expect(stockRow).toHaveAttribute('data-low', 'true')
  await expect(stockRow).toContainText('Stok menipis')
  await page.screenshot({ path: `${SHOTS}/gudang-stok-1366.png` })

  // The stock card: in +120, issue −80, balance 40.
  await page.getByRole('tab', { name: 'Mutasi' }).click()
  await page.getByRole('combobox', { name: 'Barang' }).click()
  await page.getByRole('option', { name: 'Kabel dropcore' }).click()
  const lines = page.getByTestId('card-row')
  await expect(lines).toHaveCount(2)
  await expect(lines.nth(0)).toContainText('Masuk')
  await expect(lines.nth(0)).toContainText('+120')
  await expect(lines.nth(1)).toContainText('Keluar ke teknisi')
  await expect(lines.nth(1)).toContainText('-80')
  await expect(page.getByTestId('card-closing')).toContainText('40')
  await page.screenshot({ path: `${SHOTS}/gudang-mutasi-1366.png` })
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF' }).click()
  expect((await download).suggestedFilename()).toBe('kartu-stok-kabel-dropcore.pdf')

  // 30 metres were not used: back to the warehouse.
  await page.getByRole('tab', { name: 'Stok' }).click()
  await stockRow.getByRole('button', { name: 'Retur' }).click()
  const ret = page.getByRole('dialog', { name: 'Retur Kabel dropcore ke gudang' })
  await ret.getByRole('button', { name: 'Simpan retur' }).click()
  await expect(ret.getByText('Wajib diisi.')).toBeVisible()
  await ret.getByLabel('Teknisi').click()
  await page.getByRole('option').first().click()
  await ret.getByLabel('Jumlah').fill('30')
  await ret.getByRole('button', { name: 'Simpan retur' }).click()
  await expect(ret).toBeHidden()
  await expect(stockRow).toContainText('70 meter')
  await expect(stockRow).not.toHaveAttribute('data-low', 'true')

  await page.getByRole('tab', { name: 'Nomor seri' }).click()
  await expect(page.getByText('Belum ada unit bernomor seri.')).toBeVisible()
})
