import type { APIRequestContext } from '@playwright/test'
import { call } from './api'
import { companyWithRudi, FIELD_SHOTS, phoneShot, rudiSignsInOnPhone } from './field-phone'
import { expect, test, type Host } from './fixtures'

/**
 * The technician's phone (issue 16) at 390×844: a technician signs in on /lapangan, sees the
 * ticket given to them, loses the LAN, writes a note that waits on the phone (and survives a
 * reload), and the note reaches the ticket's history once the host answers. A note on a ticket
 * the office cancelled meanwhile comes back refused, with the reason and the typed text. A photo
 * and cable used, recorded offline, reach the ticket and the technician's stock once online.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

async function technicianAndTickets(request: APIRequestContext, host: Host) {
  const { owner, rudiId, areaId } = await companyWithRudi(request, host)
  const customer = await call<{ id: number }>(request, host, owner, 'customers.create', {
    areaId,
    name: 'Budi Santoso',
    phone: '0812-3456-7890',
    address: 'Jl. Mawar 12 RT 03/RW 05, Cibinong',
    latitude: -6.4817,
    longitude: 106.854,
  })
  const open = (title: string, priority: string) =>
    call<{ id: number; number: string }>(request, host, owner, 'tickets.open', {
      customerId: customer.id,
      category: 'gangguan',
      priority,
      title,
      description: 'Lampu LOS merah sejak pagi.',
      assigneeId: rudiId,
    })
  const mati = await open('Internet mati sejak pagi', 'darurat')
  const lambat = await open('Lambat malam hari', 'sedang')
  // Gudang: 50 m of drop cable and one ONT issued to Rudi.
  const gudang = await call<{ id: number }>(request, host, owner, 'warehouse.saveWarehouse', {
    name: 'Gudang Pusat',
    address: null,
  })
  const item = (name: string, unit: string, serial: boolean) =>
    call<{ id: number }>(request, host, owner, 'warehouse.saveItem', {
      name,
      unit,
      serial,
      lowThreshold: 0,
    })
  const kabel = await item('Kabel drop core', 'meter', false)
  const ont = await item('ONT ZTE F609', 'pcs', true)
  await call(request, host, owner, 'warehouse.stockIn', {
    itemId: kabel.id,
    warehouseId: gudang.id,
    qty: 100,
  })
  await call(request, host, owner, 'warehouse.stockIn', {
    itemId: ont.id,
    warehouseId: gudang.id,
    qty: 1,
    serials: ['ZTE0001'],
  })
  for (const [itemId, qty, serials] of [
    [kabel.id, 50, []],
    [ont.id, 1, ['ZTE0001']],
  ] as const)
    await call(request, host, owner, 'warehouse.issue', {
      itemId,
      warehouseId: gudang.id,
      technicianId: rudiId,
      qty,
      serials,
    })
  return { owner, mati, lambat, rudiId, kabelId: kabel.id }
}

test('a note written offline waits on the phone, survives a reload and reaches the ticket', async ({
  page,
  context,
  request,
  host,
}) => {
  const { owner, mati, lambat, rudiId, kabelId } = await technicianAndTickets(request, host)

  // The bookmark on the phone: sign-in comes back to it.
  await rudiSignsInOnPhone(page, host)
  await expect(page).toHaveURL(/\/lapangan$/)
  const card = page.getByRole('link', { name: `${mati.number} Internet mati sejak pagi` })
  await expect(card).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(lambat.number) })).toBeVisible()
  await expect(page.getByText('Semua terkirim')).toBeVisible()
  await phoneShot(page, '01-task-list')

  await card.click()
  await expect(page.getByRole('heading', { name: 'Internet mati sejak pagi' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Telepon 0812-3456-7890/ })).toHaveAttribute(
    'href',
    'tel:+6281234567890',
  )
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute(
    'href',
    'https://wa.me/6281234567890',
  )
  await expect(page.getByRole('link', { name: 'Buka lokasi' })).toHaveAttribute(
    'href',
    'https://maps.google.com/?q=-6.4817,106.854',
  )
  await phoneShot(page, '02-task')

  // The LAN drops: the note is kept on the phone.
  await context.setOffline(true)
  const note = 'Kabel drop putus di tiang depan, sudah disambung ulang.'
  await page.getByLabel('Catatan').fill(note)
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  const pending = page.getByTestId('outbox-pending')
  await expect(pending).toContainText(note)
  await expect(page.getByTestId('sync-bar')).toContainText('1 menunggu dikirim')
  await expect(page.getByText('Tidak terhubung ke host')).toBeVisible()
  // The toast closes by itself once the pointer is off it.
  await page.mouse.move(5, 5)
  await expect(page.getByText('Disimpan di HP. Dikirim')).toHaveCount(0)
  await phoneShot(page, '03-pending-offline')

  // A reload (the page itself needs the host: the LAN is back but the host does not answer the
  // sync yet) still shows the note waiting: it lives in IndexedDB.
  await page.route('**/api/trpc/field.sync**', (route) => route.abort())
  await context.setOffline(false)
  await page.reload()
  await expect(page.getByTestId('outbox-pending')).toContainText(note)
  await expect(page.getByTestId('sync-bar')).toContainText('1 menunggu dikirim')

  // The host answers again: the retry sends it, and it leaves the outbox.
  await page.unroute('**/api/trpc/field.sync**')
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim', { timeout: 30_000 })
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0)
  await expect(page.getByTestId('task-history')).toContainText(note)

  const detail = await call<{ events: { kind: string; note: string | null; username: string }[] }>(
    request,
    host,
    owner,
    'tickets.get',
    { id: mati.id },
    'query',
  )
  expect(detail.events.filter((e) => e.kind === 'note')).toEqual([
    expect.objectContaining({ note, username: 'rudi' }),
  ])

  // Online, a status change goes the same way and is applied at once.
  await page.getByRole('combobox', { name: 'Ubah status' }).click()
  await page.getByRole('option', { name: 'Dalam proses' }).click()
  await page.getByLabel('Catatan').fill('Mulai dikerjakan.')
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByTestId('task-history')).toContainText('Status: Baru → Dalam proses')
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim')

  // Offline again: a photo from the camera and 12 m of cable used wait on the phone.
  await context.setOffline(true)
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  await page
    .getByTestId('camera-input')
    .setInputFiles({ name: 'onu.png', mimeType: 'image/png', buffer: png })
  const stock = page.getByTestId('stock-use')
  await stock.getByRole('combobox', { name: 'Barang dari stok saya' }).click()
  await page.getByRole('option', { name: 'Kabel drop core — 50 meter' }).click()
  await stock.getByLabel('Jumlah (meter)').fill('12')
  await stock.getByRole('button', { name: 'Simpan pemakaian' }).click()
  await expect(page.getByTestId('sync-bar')).toContainText('2 menunggu dikirim')
  await expect(page.getByTestId('outbox-pending').filter({ hasText: 'Terpakai' })).toContainText(
    'Terpakai: 12 meter Kabel drop core',
  )
  await expect(page.getByRole('img', { name: 'Foto' })).toBeVisible()
  await expect(page.getByText('1 foto menunggu dikirim')).toBeVisible()
  await page.mouse.move(5, 5)
  await expect(page.getByText('Disimpan di HP. Dikirim')).toHaveCount(0)
  await phoneShot(page, '07-stock-photo-offline')

  // Back online: both are applied, the photo is on the ticket and the cable left Rudi's hand.
  await context.setOffline(false)
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim', { timeout: 30_000 })
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0)
  const photos = await call<{ fileName: string; mime: string }[]>(
    request,
    host,
    owner,
    'tickets.attachments',
    { ticketId: mati.id },
    'query',
  )
  expect(photos).toEqual([expect.objectContaining({ fileName: 'onu.jpg', mime: 'image/jpeg' })])
  const held = await call<{ itemId: number; qty: number }[]>(
    request,
    host,
    owner,
    'warehouse.held',
    { userId: rudiId },
    'query',
  )
  expect(held.find((h) => h.itemId === kabelId)?.qty).toBe(38)
  await stock.getByRole('combobox', { name: 'Barang dari stok saya' }).click()
  await expect(page.getByRole('option', { name: 'Kabel drop core — 38 meter' })).toBeVisible()

  // The ONT is serial-numbered: its serial is chosen from what Rudi holds.
  await page.getByRole('option', { name: 'ONT ZTE F609 — 1 pcs' }).click()
  await stock.getByRole('combobox', { name: 'Nomor seri' }).click()
  await page.getByRole('option', { name: 'ZTE0001' }).click()
  await page.keyboard.press('Escape')
  await stock.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${FIELD_SHOTS}/08-stock-serial.png` })
  await stock.getByRole('button', { name: 'Simpan pemakaian' }).click()
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim')
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0)
  await expect
    .poll(async () =>
      (
        await call<{ name: string }[]>(
          request,
          host,
          owner,
          'warehouse.held',
          { userId: rudiId },
          'query',
        )
      ).map((h) => h.name),
    )
    .toEqual(['Kabel drop core'])

  // The customer's signature stays on the phone with the task.
  const pad = page.getByTestId('signature-pad')
  await pad.scrollIntoViewIfNeeded()
  const box = (await pad.boundingBox())!
  await page.mouse.move(box.x + 30, box.y + 100)
  await page.mouse.down()
  for (const [dx, dy] of [
    [80, 60],
    [140, 120],
    [200, 50],
    [260, 110],
  ])
    await page.mouse.move(box.x + dx!, box.y + dy!, { steps: 5 })
  await page.mouse.up()
  await page.getByRole('button', { name: 'Simpan tanda tangan' }).click()
  await expect(page.getByText('Tanda tangan tersimpan di HP (1).')).toBeVisible()
  await page.mouse.move(5, 5)
  await expect(page.getByText('Tanda tangan disimpan di HP ini.')).toHaveCount(0)
  await phoneShot(page, '06-photo-signature')
  await page.reload()
  await expect(page.getByText('Tanda tangan tersimpan di HP (1).')).toBeVisible()

  // Offline again; meanwhile the office cancels the other ticket. The note comes back refused.
  await page.goto(`${host.url}lapangan/tiket/${lambat.id}`)
  await expect(page.getByRole('heading', { name: 'Lambat malam hari' })).toBeVisible()
  await context.setOffline(true)
  const late = 'Sudah ganti konektor, kecepatan normal lagi.'
  await page.getByLabel('Catatan').fill(late)
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByTestId('outbox-pending')).toContainText(late)
  await call(request, host, owner, 'tickets.update', { id: lambat.id, status: 'dibatalkan' })
  // Back online: the browser's online event sends it at once.
  await context.setOffline(false)
  const refused = page.getByTestId('outbox-conflict')
  await expect(refused).toContainText(`Tiket ${lambat.number} sudah dibatalkan di kantor`)
  await expect(refused).toContainText(late)
  await expect(page.getByTestId('sync-bar')).toContainText('1 ditolak host')
  // The toast closes by itself once the pointer is off it.
  await page.mouse.move(5, 5)
  await expect(page.getByText('Disimpan di HP. Dikirim')).toHaveCount(0)
  await phoneShot(page, '04-conflict')

  // The list still shows it (the ticket is gone from my tasks) until it is discarded on purpose.
  await page.getByRole('link', { name: 'Tugas saya' }).click()
  await expect(page.getByTestId('outbox-conflict')).toContainText(late)
  await phoneShot(page, '05-list-with-conflict')
  await page.getByRole('button', { name: 'Buang' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Buang' }).click()
  await expect(page.getByTestId('outbox-conflict')).toHaveCount(0)
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim')
})
