import type { APIRequestContext } from '@playwright/test'
import { call } from './api'
import { companyWithRudi, phoneShot, rudiSignsInOnPhone } from './field-phone'
import { expect, test, type Host } from './fixtures'

/**
 * The technician's phone for the registration board (issue 16) at 390×844: the survey and the
 * installation scheduled for me are in "Tugas saya"; a survey report written while the LAN is
 * down waits on the phone and, once the host answers, moves the board's card to Akun.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())

async function cards(request: APIRequestContext, host: Host) {
  const { owner, rudiId, areaId } = await companyWithRudi(request, host)
  const product = await call<{ id: number }>(request, host, owner, 'catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 10,
    uploadMbps: 10,
    routerProfile: '10M',
  })
  const card = async (name: string, phone: string) => {
    const customer = await call<{ id: number }>(request, host, owner, 'customers.create', {
      areaId,
      name,
      phone,
      address: 'Jl. Mawar 12 RT 03/RW 05, Cibinong',
      latitude: -6.4817,
      longitude: 106.854,
    })
    const { id } = await call<{ id: number }>(request, host, owner, 'registrations.open', {
      customerId: customer.id,
    })
    await call(request, host, owner, 'registrations.scheduleSurvey', {
      registrationId: id,
      priority: 'tinggi',
      date: today(),
      time: '09:30',
      technicianId: rudiId,
    })
    return id
  }
  const survey = await card('Gilang Anugrah', '0813-1111-2222')
  const install = await card('Sari Wulandari', '0813-5555-6666')
  await call(request, host, owner, 'registrations.surveyReport', {
    registrationId: install,
    decision: 'layak',
  })
  await call(request, host, owner, 'registrations.account', {
    registrationId: install,
    category: 'rumah',
    areaId,
  })
  await call(request, host, owner, 'registrations.product', {
    registrationId: install,
    activationDate: today(),
    billingSchedule: { kind: 'fixed', day: 1 },
    taxType: 'non_ppn',
    productId: product.id,
  })
  await call(request, host, owner, 'registrations.scheduleInstallation', {
    registrationId: install,
    date: today(),
    time: '13:00',
    fee: 250_000,
    technicianId: rudiId,
    items: [
      { name: 'ONT ZTE F609', quantity: 1, unit: 'unit' },
      { name: 'Kabel drop core', quantity: 120, unit: 'meter' },
    ],
  })
  return { owner, survey, install }
}

test('a survey report written offline reaches the board and moves the card to Akun', async ({
  page,
  context,
  request,
  host,
}) => {
  const { owner, survey, install } = await cards(request, host)
  await rudiSignsInOnPhone(page, host)
  const surveyCard = page.getByRole('link', { name: /Gilang Anugrah/ })
  await expect(surveyCard).toContainText('Survei')
  await expect(page.getByRole('link', { name: /Sari Wulandari/ })).toContainText('Instalasi')
  await phoneShot(page, 'reg-01-list')

  // The installation: the items asked from the warehouse and the report form.
  await page.goto(`${host.url}lapangan/registrasi/${install}`)
  await expect(page.getByRole('heading', { name: 'Laporan instalasi' })).toBeVisible()
  await expect(page.getByText('120 meter · Kabel drop core')).toBeVisible()
  await expect(page.getByLabel('Nomor seri ONU')).toBeVisible()
  await phoneShot(page, 'reg-03-installation')
  await page.getByLabel('Nomor seri ONU').fill('ZTEGC8A1B2C3')
  await page.getByLabel('RX power (dBm)').fill('-19,5')
  await page.getByLabel('Panjang kabel (m)').fill('118')
  await page.getByRole('button', { name: 'Simpan laporan instalasi' }).click()
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim', { timeout: 30_000 })
  // Applied: the card is at Finalisasi and the phone offers the BAST.
  await expect(
    page.getByRole('heading', { name: 'BAST (berita acara serah terima)' }),
  ).toBeVisible()
  await expect(page.getByText('Batasi koneksi sebelum pembayaran')).toBeVisible()
  await page.mouse.move(5, 5)
  await expect(page.getByText('Disimpan di HP. Dikirim')).toHaveCount(0)
  await phoneShot(page, 'reg-05-bast')

  await page.goto(`${host.url}lapangan/registrasi/${survey}`)
  await expect(page.getByRole('heading', { name: 'Laporan survei' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Buka lokasi' })).toHaveAttribute(
    'href',
    'https://maps.google.com/?q=-6.4817,106.854',
  )

  // The LAN drops: the report is kept on the phone.
  await context.setOffline(true)
  await page.getByLabel('Topologi').fill('ODP-07 → tiang 3 → rumah, 120 m')
  await page.getByText('Tidak layak').click()
  await page.getByRole('button', { name: 'Simpan laporan survei' }).click()
  await expect(page.getByText('Isi alasan mengapa lokasi tidak layak.')).toBeVisible()
  await page.getByText('Layak', { exact: true }).click()
  await phoneShot(page, 'reg-02-survey')
  await page.getByRole('button', { name: 'Simpan laporan survei' }).click()
  await expect(page.getByTestId('outbox-pending')).toContainText('ODP-07')
  await expect(page.getByTestId('sync-bar')).toContainText('1 menunggu dikirim')
  await page.mouse.move(5, 5)
  await expect(page.getByText('Disimpan di HP. Dikirim')).toHaveCount(0)
  await phoneShot(page, 'reg-04-survey-pending')

  // Back online: it is sent, applied, and the board's card stands at Akun.
  await context.setOffline(false)
  await expect(page.getByTestId('sync-bar')).toContainText('Semua terkirim', { timeout: 30_000 })
  const card = await call<{ step: string; surveyTopology?: string }>(
    request,
    host,
    owner,
    'registrations.get',
    { registrationId: survey },
    'query',
  )
  expect(card).toMatchObject({ step: 'akun' })
})
