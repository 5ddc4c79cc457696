import type { APIRequestContext, Page } from '@playwright/test'
import { call, signIn } from './api'
import { expect, test, type Host } from './fixtures'

const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }
const PARTIAL = 50_000

/** Today and the first day of last month as the company (Asia/Jakarta) counts days. */
function jakartaDates() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())
  const [y, m] = today.split('-').map(Number) as [number, number]
  const last = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`
  return { today, period: today.slice(0, 7), activation: last }
}

/**
 * Company, area, package, one active customer and this month's invoice, through the API; the
 * others (name and address) are registered without a service, so they owe nothing.
 */
async function setUpBilledCustomer(
  request: APIRequestContext,
  host: Host,
  name = 'Siti Rahmawati',
  others: { name: string; address: string }[] = [],
) {
  const { token } = await call<{ token: string }>(request, host, null, 'setup.complete', {
    company: {
      name: 'Net Jaya',
      address: 'Jl. Raya Bogor',
      phone: '081234567890',
      timeZone: 'Asia/Jakarta',
    },
    admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
  })
  const dates = jakartaDates()
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
  for (const other of others) {
    await call(request, host, token, 'customers.create', { areaId: area.id, ...other })
  }
  const customer = await call<{ id: number; code: string }>(
    request,
    host,
    token,
    'customers.create',
    { areaId: area.id, name, address: 'Jl. Melati 3', phone: '081311223344' },
  )
  await call(request, host, token, 'customers.addService', {
    customerId: customer.id,
    productId: product.id,
    status: 'aktif',
    activationDate: dates.activation,
  })
  await call(request, host, token, 'billing.runPeriod', { period: dates.period, asOf: dates.today })
  const due = await call<{ totalDue: number }>(
    request,
    host,
    token,
    'payments.due',
    { customerId: customer.id },
    'query',
  )
  expect(due.totalDue).toBeGreaterThan(PARTIAL)
  return { token, customer, totalDue: due.totalDue }
}

const rupiah = (n: number) => new Intl.NumberFormat('id-ID').format(n)

/**
 * Saving opens the receipt PDF in a new tab for printing. The test checks it opened, closes it
 * and comes back, as the cashier does after printing (the tab would otherwise keep the focus).
 */
async function saveAndPrint(page: Page): Promise<void> {
  const receipt = page.waitForEvent('popup')
  await page.keyboard.press('Enter')
  const tab = await receipt
  await tab.close()
  await page.bringToFront()
}

/** Search box → part of the name → Enter takes the highlighted (first) row: keyboard only. */
async function pickCustomer(page: Page, part: string, code: string): Promise<void> {
  const search = page.getByLabel('Cari pelanggan')
  await expect(search).toBeFocused()
  await page.keyboard.type(part)
  await expect(page.getByTestId('cashier-result')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('cashier-customer')).toContainText(code)
}

test('a counter payment in two parts by keyboard only, then the cash closing', async ({
  page,
  host,
}) => {
  const { customer, totalDue } = await setUpBilledCustomer(page.request, host)
  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}cashier`)
  // From here on: the keyboard only.

  // 1. Part payment in cash: the amount starts as the total due and is selected.
  await pickCustomer(page, 'siti', customer.code)
  await expect(page.getByTestId('cashier-total-due')).toHaveText(`Rp\u00a0${rupiah(totalDue)}`)
  const amount = page.getByLabel('Jumlah dibayar')
  await expect(amount).toBeFocused()
  await expect(amount).toHaveValue(rupiah(totalDue))
  await page.keyboard.type(String(PARTIAL))
  await saveAndPrint(page)
  await expect(page.getByTestId('receipt-number')).toHaveText(/^KW\/\d{4}\/\d+$/)
  const first = (await page.getByTestId('receipt-number').textContent())!
  await expect(page.getByTestId('receipt-balance')).toContainText(rupiah(totalDue - PARTIAL))
  await expect(page.getByTestId('cashier-today-row')).toHaveCount(1)

  // 2. The rest by transfer: F3 switches the method and moves to the required reference.
  await page.keyboard.press('Escape')
  await pickCustomer(page, 'rahma', customer.code)
  await expect(amount).toBeFocused()
  await expect(amount).toHaveValue(rupiah(totalDue - PARTIAL))
  await page.keyboard.press('F3')
  const reference = page.getByLabel('No. referensi')
  await expect(reference).toBeFocused()
  // Saving without the reference is refused in words, under the field.
  await page.keyboard.press('Enter')
  await expect(page.getByText('Nomor referensi wajib untuk transfer dan e-wallet.')).toBeVisible()
  await page.keyboard.type('TRF-20261122-001')
  await saveAndPrint(page)
  await expect(page.getByTestId('receipt-number')).not.toHaveText(first)
  await expect(page.getByTestId('receipt-paid-in-full')).toHaveText('Lunas')
  await expect(page.getByTestId('receipt-balance')).toContainText('Rp\u00a00')
  await expect(page.getByTestId('cashier-today-row')).toHaveCount(2)

  // 3. Nothing left to pay.
  await expect(page.getByRole('button', { name: 'Pelanggan berikutnya' })).toBeFocused()
  await page.keyboard.press('Enter')
  await pickCustomer(page, 'siti', customer.code)
  await expect(page.getByTestId('cashier-no-invoices')).toBeVisible()
  await expect(page.getByTestId('cashier-total-due')).toHaveText('Rp\u00a00')

  // 4. The setoran: only the cash part is expected in the drawer.
  await page.goto(`${host.url}closing`)
  await expect(page.getByTestId('closing-expected')).toHaveText(`Rp\u00a0${rupiah(PARTIAL)}`)
  await expect(page.getByTestId('closing-method-transfer')).toContainText(
    rupiah(totalDue - PARTIAL),
  )
  const counted = page.getByLabel('Uang tunai dihitung')
  await counted.focus()
  await page.keyboard.type('49.000')
  await expect(page.getByTestId('closing-difference')).toHaveText(`-Rp\u00a0${rupiah(1000)}`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toContainText('tidak dapat ditambah atau dibatalkan')
  // The dialog moves focus to its confirm button once it has opened: Enter confirms.
  await expect(
    page.getByRole('dialog').getByRole('button', { name: 'Ya, tutup setoran' }),
  ).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('closing-closed')).toBeVisible()
  await expect(page.getByTestId('closing-counted')).toHaveText(`Rp\u00a0${rupiah(49_000)}`)
  await expect(page.getByTestId('closing-row')).toHaveCount(1)

  // 5. The payment list: the transfer was a mistake and is reversed, with a reason.
  await page.goto(`${host.url}payments`)
  const rows = page.getByTestId('payment-row')
  await expect(rows).toHaveCount(2)
  const transfer = rows.filter({ hasText: 'TRF-20261122-001' })
  await transfer.getByRole('button', { name: 'Batalkan' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  const confirm = dialog.getByRole('button', { name: 'Ya, batalkan pembayaran' })
  await confirm.focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible()
  await dialog.getByLabel('Alasan pembatalan').focus()
  await page.keyboard.type('Transfer ganda, dana dikembalikan')
  await confirm.focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(transfer).toHaveAttribute('data-status', 'reversed')
  await expect(transfer).toContainText('Dibatalkan')
  await expect(transfer).toContainText('Transfer ganda, dana dikembalikan')
})

test('the counter ranks the customer meant first and Enter pays that one, not the second', async ({
  page,
  host,
}) => {
  // The report: "tri ning" listed eight customers by name, and "↓ then Enter" took the second.
  const others = [
    { name: 'Agus Triyono', address: 'Perum Bening Indah' },
    { name: 'Bambang Setiawan', address: 'Jl. Kuningan, Triloka' },
    { name: 'Dedi Kurniawan', address: 'Gg. Kuning, Tridaya' },
    { name: 'Eka Putri', address: 'Jl. Tritura, Gg. Ningrat' },
    { name: 'Fitri Ningsih', address: 'Cibinong' },
    { name: 'Heru Saputra', address: 'Perum Tridaya, Blok Kuning' },
    { name: 'Laila Syafitri', address: 'Gg. Kuning 3' },
    { name: 'Ning Sari Handayani', address: 'Jl. Tridharma 2' },
    { name: 'Ning Tri Astuti', address: 'Cibinong' },
  ]
  const { token, customer, totalDue } = await setUpBilledCustomer(
    page.request,
    host,
    'Tri Ning Setyowati',
    others,
  )
  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}cashier`)
  await expect(page.getByLabel('Cari pelanggan')).toBeFocused()
  await page.keyboard.type('tri ning')

  const results = page.getByTestId('cashier-result')
  await expect(results).toHaveCount(8)
  await expect(results.first()).toContainText('Tri Ning Setyowati')
  await expect(results.first()).toHaveAttribute('aria-selected', 'true')
  await expect(results.nth(1)).toContainText('Ning Tri Astuti')
  await expect(page.getByTestId('cashier-more')).toContainText(
    '2 pelanggan lain juga cocok: ketik lebih lengkap',
  )
  await expect(page.getByTestId('cashier-more').getByRole('link')).toHaveAttribute(
    'href',
    '/customers?q=tri+ning',
  )
  // The hint on screen says the rule the README says: Enter takes the highlighted row.
  await expect(page.getByTestId('cashier-keys')).toContainText('Enter buka pelanggan yang disorot')

  await page.keyboard.press('Enter')
  await expect(page.getByTestId('cashier-customer')).toContainText(customer.code)
  await expect(page.getByTestId('cashier-customer')).toContainText('Tri Ning Setyowati')
  await expect(page.getByLabel('Jumlah dibayar')).toBeFocused()
  await saveAndPrint(page)
  await expect(page.getByTestId('receipt-paid-in-full')).toHaveText('Lunas')

  const due = await call<{ totalDue: number; customer: { name: string } }>(
    page.request,
    host,
    token,
    'payments.due',
    { customerId: customer.id },
    'query',
  )
  expect(due).toMatchObject({ totalDue: 0, customer: { name: 'Tri Ning Setyowati' } })
  expect(totalDue).toBeGreaterThan(0)
})
