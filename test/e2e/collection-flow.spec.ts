import type { APIRequestContext, Page } from '@playwright/test'
import { call, signIn } from './api'
import { fillDate, pickMonth, shownDate } from './date-fields'
import { addDays, demoData, jakartaToday } from './demo-data'
import { expect, test, type Host } from './fixtures'

const OWNER = { username: 'kolektor', password: 'Piutang-Rahasia-58' }
const DEMO = { customers: 300, seed: 'collection-flow' }
/** The default due rule: issue date + 10 days. */
const DUE_DAYS = 10
/** The run is made as of this many days ago, so its invoices are DAYS_AGO - DUE_DAYS days late. */
const DAYS_AGO = 20
const OVERDUE = DAYS_AGO - DUE_DAYS

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

const bucketOf = (days: number) =>
  days <= 0
    ? 'current'
    : days <= 7
      ? 'd1_7'
      : days <= 14
        ? 'd8_14'
        : days <= 30
          ? 'd15_30'
          : days <= 60
            ? 'd31_60'
            : 'over_60'
const BUCKETS = [
  ['current', 'Belum jatuh tempo'],
  ['d1_7', '1–7 hari'],
  ['d8_14', '8–14 hari'],
  ['d15_30', '15–30 hari'],
  ['d31_60', '31–60 hari'],
  ['over_60', '> 60 hari'],
] as const

const digits = (n: number) => new Intl.NumberFormat('id-ID').format(n)
/** Rupiah as the UI prints it: `Rp 1.234` (Playwright's text matching treats the NBSP as a space). */
const rupiah = (n: number) => `Rp ${digits(n)}`

interface InvoiceRow {
  id: number
  number: string | null
  customerId: number
  customerCode: string
  customerName: string
  kind: string
  period: string | null
  issueDate: string
  dueDate: string
  total: number
  paid: number
  balance: number
  status: string
  paymentStatus: string
}

async function allInvoices(request: APIRequestContext, host: Host, token: string) {
  const rows: InvoiceRow[] = []
  for (let cursor = 0; ; cursor += 500) {
    const page = await call<{ rows: InvoiceRow[] }>(
      request,
      host,
      token,
      'billing.invoices',
      { cursor, limit: 500 },
      'query',
    )
    rows.push(...page.rows)
    if (page.rows.length < 500) return rows
  }
}

/** Saving opens the receipt PDF in a new tab; it is closed as the cashier does after printing. */
async function saveAndPrint(page: Page): Promise<string> {
  const receipt = page.waitForEvent('popup')
  await page.keyboard.press('Enter')
  const tab = await receipt
  await tab.close()
  await page.bringToFront()
  const number = page.getByTestId('receipt-number')
  await expect(number).toHaveText(/^KW\/\d{4}\/\d+$/)
  return (await number.textContent())!
}

/** Search box → the customer's code → ArrowDown/Enter, all from the keyboard. */
async function pickCustomer(page: Page, code: string): Promise<void> {
  const search = page.getByLabel('Cari pelanggan')
  await expect(search).toBeFocused()
  await page.keyboard.type(code)
  await expect(page.getByTestId('cashier-result')).toHaveCount(1)
  await expect(page.getByTestId('cashier-result')).toContainText(code)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('cashier-customer')).toContainText(code)
}

test('demo data → billing run → partial and full payment by keyboard → receivables aging', async ({
  page,
  host,
}) => {
  // Demo data, a run of a few hundred invoices and four pages on a slow, shared machine.
  test.setTimeout(240_000)
  const today = jakartaToday()
  const asOf = addDays(today, -DAYS_AGO)
  const period = asOf.slice(0, 7)
  const dueDate = addDays(asOf, DUE_DAYS)

  // 1. The company (API), then the demo customers straight into the host's data dir (CLI).
  const { token } = await call<{ token: string }>(page.request, host, null, 'setup.complete', {
    company: {
      name: 'Net Piutang',
      address: 'Jl. Pahlawan 17',
      phone: '081277778888',
      timeZone: 'Asia/Jakarta',
    },
    admin: { name: 'Pemilik', ...OWNER },
  })
  await demoData(host, { ...DEMO, asOf })

  // 2. The run, in the browser: the period of `asOf`, made as of that day, preview then issue.
  await signIn(page, host, OWNER, 'Tagihan')
  await page.getByRole('link', { name: 'Tagihan' }).click()
  await expect(page.getByRole('heading', { name: 'Tagihan', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Jalankan penagihan' }).click()
  const dialog = page.getByRole('dialog')
  await pickMonth(page, dialog, 'Periode tagihan', period)
  await fillDate(dialog, 'Per tanggal', asOf)
  await dialog.getByRole('button', { name: 'Pratinjau' }).click()
  const previewCount = dialog.getByTestId('preview-invoices')
  await expect(previewCount).toHaveText(/^\d+$/, { timeout: 60_000 })
  const planned = Number(await previewCount.textContent())
  // Most of 300 demo customers are active or isolated: they all get an invoice.
  expect(planned).toBeGreaterThan(DEMO.customers / 2)
  await dialog.getByRole('button', { name: `Terbitkan ${planned} tagihan` }).click()
  await expect(dialog.getByTestId('run-done')).toContainText(`${planned} tagihan terbit`, {
    timeout: 120_000,
  })
  await dialog.getByRole('button', { name: 'Lihat tagihan periode ini' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`period=${period}`))
  await expect(page.getByTestId('invoice-row').first()).toBeVisible()

  // 3. Two customers whose one invoice was issued on `asOf`, so due `asOf` + 10: A and B.
  const issued = await allInvoices(page.request, host, token)
  expect(issued).toHaveLength(planned)
  const notIssued = issued.filter((i) => i.status !== 'issued')
  expect(notIssued.length, 'invoices of the run not issued (e.g. left as draft)').toBe(0)
  const onAsOf = issued
    .filter((i) => i.issueDate === asOf && i.total >= 2)
    .sort((a, b) => a.customerCode.localeCompare(b.customerCode))
  expect(onAsOf.length).toBeGreaterThanOrEqual(2)
  for (const i of onAsOf) expect(i.dueDate).toBe(dueDate)
  const perCustomer = (id: number) => issued.filter((i) => i.customerId === id).length
  const [a, b] = onAsOf.filter((i) => perCustomer(i.customerId) === 1)
  expect(a && b).toBeTruthy()
  const partial = Math.floor(a!.total / 2)
  const remainder = a!.total - partial
  expect(daysBetween(dueDate, today)).toBe(OVERDUE)
  expect(bucketOf(OVERDUE)).toBe('d8_14')

  // 4. The counter, keyboard only from here: A pays half in cash, B pays all by transfer.
  await page.goto(`${host.url}cashier`)
  const amount = page.getByLabel('Jumlah dibayar')

  await pickCustomer(page, a!.customerCode)
  await expect(page.getByTestId('cashier-total-due')).toHaveText(rupiah(a!.total))
  await expect(amount).toBeFocused()
  await expect(amount).toHaveValue(digits(a!.total))
  await page.keyboard.type(String(partial))
  const receiptA = await saveAndPrint(page)
  await expect(page.getByTestId('cashier-receipt')).toContainText(a!.customerCode)
  await expect(page.getByTestId('receipt-balance')).toContainText(rupiah(remainder))
  await expect(page.getByTestId('receipt-paid-in-full')).toHaveCount(0)
  await expect(page.getByTestId('cashier-today-row')).toHaveCount(1)

  await page.keyboard.press('Escape')
  await pickCustomer(page, b!.customerCode)
  await expect(page.getByTestId('cashier-total-due')).toHaveText(rupiah(b!.total))
  await expect(amount).toBeFocused()
  await expect(amount).toHaveValue(digits(b!.total))
  await page.keyboard.press('F3')
  await expect(page.getByLabel('No. referensi')).toBeFocused()
  const reference = `TRF-${today.replaceAll('-', '')}-B`
  await page.keyboard.type(reference)
  const receiptB = await saveAndPrint(page)
  expect(receiptB).not.toBe(receiptA)
  await expect(page.getByTestId('cashier-receipt')).toContainText(b!.customerCode)
  await expect(page.getByTestId('receipt-paid-in-full')).toHaveText('Lunas')
  await expect(page.getByTestId('receipt-balance')).toContainText(rupiah(0))
  await expect(page.getByTestId('cashier-today-row')).toHaveCount(2)

  // 5. Both receipts are in the payments list.
  await page.goto(`${host.url}payments`)
  const payments = page.getByTestId('payment-row')
  await expect(payments).toHaveCount(2)
  const paymentA = payments.filter({ hasText: receiptA })
  const paymentB = payments.filter({ hasText: receiptB })
  await expect(paymentA).toContainText(a!.customerName)
  await expect(paymentA).toContainText(digits(partial))
  await expect(paymentB).toContainText(b!.customerName)
  await expect(paymentB).toContainText(reference)
  await expect(paymentB).toContainText(digits(b!.total))

  // What the report must say, from the invoices as they stand now.
  const now = await allInvoices(page.request, host, token)
  const invoiceA = now.find((i) => i.id === a!.id)!
  expect(invoiceA).toMatchObject({ paid: partial, balance: remainder, paymentStatus: 'sebagian' })
  expect(now.find((i) => i.id === b!.id)).toMatchObject({ balance: 0, paymentStatus: 'lunas' })
  const expected = Object.fromEntries(BUCKETS.map(([key]) => [key, 0])) as Record<string, number>
  const owing = new Set<number>()
  let owed = 0
  for (const i of now) {
    if (i.status === 'void' || i.balance <= 0 || i.issueDate > today) continue
    expected[bucketOf(daysBetween(i.dueDate, today))]! += i.balance
    owing.add(i.customerId)
    owed++
  }
  const expectedTotal = Object.values(expected).reduce((s, n) => s + n, 0)

  // 6. Receivables as of today: A's remainder in 8–14 days, B not listed at all.
  await page.goto(`${host.url}reports`)
  await expect(page.getByRole('heading', { name: 'Laporan', level: 1 })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Piutang' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByLabel('Per tanggal')).toHaveValue(shownDate(today))
  const summary = page.getByTestId('receivables-summary')
  await expect(summary.getByText('Total piutang', { exact: true }).locator('..')).toHaveText(
    `Total piutang${rupiah(expectedTotal)}${owing.size} pelanggan, ${digits(owed)} tagihan`,
    { timeout: 30_000 },
  )
  for (const [key, label] of BUCKETS) {
    await expect(summary.getByText(label, { exact: true }).locator('..')).toHaveText(
      `${label}${rupiah(expected[key]!)}`,
    )
  }
  expect(expected.d8_14).toBeGreaterThanOrEqual(remainder)

  const table = page.getByTestId('receivables-table')
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim())
  const column = (label: string) => {
    const index = headers.indexOf(label)
    expect(index, `column ${label} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0)
    return index
  }
  const rowA = table.locator('tbody tr').filter({ hasText: a!.customerCode })
  await expect(rowA).toHaveCount(1)
  await expect(rowA).toContainText(a!.customerName)
  await expect(rowA.locator('td').nth(column('Tagihan'))).toHaveText('1')
  for (const [key, label] of BUCKETS) {
    await expect(rowA.locator('td').nth(column(label))).toHaveText(
      rupiah(key === 'd8_14' ? remainder : 0),
    )
  }
  await expect(rowA.locator('td').nth(column('Total'))).toHaveText(rupiah(remainder))
  await expect(table.locator('tbody tr').filter({ hasText: b!.customerCode })).toHaveCount(0)
  // Demo names repeat, codes do not: every customer who still owes has a row, B none.
  await expect(table.locator('tbody tr')).toHaveCount(owing.size)
  expect(owing.has(b!.customerId)).toBe(false)

  // Per invoice: A's invoice with its due date, days overdue and bucket; B's is gone.
  await page.getByRole('switch', { name: 'Per tagihan' }).check()
  const invoiceRow = table.locator('tbody tr').filter({ hasText: invoiceA.number! })
  await expect(invoiceRow).toHaveCount(1)
  const detailHeaders = (await table.locator('thead th').allTextContents()).map((h) => h.trim())
  const cell = (label: string) => invoiceRow.locator('td').nth(detailHeaders.indexOf(label))
  expect(detailHeaders).toEqual(expect.arrayContaining(['Hari lewat', 'Umur', 'Sisa tagihan']))
  await expect(cell('Hari lewat')).toHaveText(String(OVERDUE))
  await expect(cell('Umur')).toHaveText('8–14 hari')
  await expect(cell('Sisa tagihan')).toHaveText(rupiah(remainder))
  const invoiceB = now.find((i) => i.id === b!.id)!
  await expect(table.locator('tbody tr').filter({ hasText: invoiceB.number! })).toHaveCount(0)
})
