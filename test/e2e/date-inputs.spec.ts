import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { call, OWNER, setUpCompany, signIn } from './api'
import { fillDate, monthName, pickMonth, shownDate } from './date-fields'
import { expect, test, type Host } from './fixtures'
import { CLI_ENTRY } from '../helpers/node-entries'

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** Today as the company (Asia/Jakarta) counts days; the host runs on the real clock. */
function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())
}

function monthBefore(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** A counter payment on a chosen day, through the CLI (the counter itself always pays today). */
async function payOn(host: Host, customer: string, date: string): Promise<void> {
  const args = [CLI_ENTRY, 'payment', 'record', '--customer', customer]
  await run(
    process.execPath,
    [...args, '--amount', '150000', '--date', date, '--data-dir', host.dataDir, '--json'],
    { cwd: ROOT },
  )
}

test('date and month inputs read dd/mm/yyyy and "Desember 2026" and still filter', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000)
  // A browser whose own locale writes mm/dd/yyyy: the inputs must not follow it.
  await page.context().setExtraHTTPHeaders({ 'Accept-Language': 'en-US' })
  const today = jakartaToday()
  const thisMonth = today.slice(0, 7)
  const lastMonth = monthBefore(thisMonth)

  // One customer billed for last month and this month, paying once in each.
  const token = await setUpCompany(page.request, host)
  const area = await call<{ id: number }>(page.request, host, token, 'catalog.createArea', {
    code: 'BGR',
    name: 'Bogor',
  })
  const product = await call<{ id: number }>(page.request, host, token, 'catalog.createProduct', {
    name: 'Rumah 20',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
  })
  const customer = await call<{ id: number; code: string }>(
    page.request,
    host,
    token,
    'customers.create',
    { areaId: area.id, name: 'Sri Wahyuni', phone: '081311112222' },
  )
  await call(page.request, host, token, 'customers.addService', {
    customerId: customer.id,
    productId: product.id,
    status: 'aktif',
    activationDate: `${lastMonth}-01`,
    billingSchedule: { kind: 'fixed', day: 1 },
  })
  for (const period of [lastMonth, thisMonth]) {
    await call(page.request, host, token, 'billing.runPeriod', { period, asOf: `${period}-01` })
  }
  await payOn(host, customer.code, `${lastMonth}-15`)
  await payOn(host, customer.code, `${thisMonth}-01`)

  await signIn(page, host, OWNER, 'Tagihan')

  // The month filter names the month in Indonesian and lists that month's invoice only.
  await page.goto(`${host.url}billing`)
  await expect(page.getByTestId('invoice-row')).toHaveCount(2)
  await pickMonth(page, page, 'Periode', thisMonth)
  await expect(page.getByLabel('Periode', { exact: true })).toHaveText(monthName(thisMonth))
  await expect(page).toHaveURL(new RegExp(`period=${thisMonth}`))
  await expect(page.getByTestId('invoice-row')).toHaveCount(1)
  await expect(page.getByTestId('invoice-row')).toContainText(monthName(thisMonth))

  // The date filter takes dd/mm/yyyy as typed and keeps YYYY-MM-DD in the address.
  await page.goto(`${host.url}payments`)
  await expect(page.getByTestId('payment-row')).toHaveCount(2)
  const from = page.getByLabel('Dari tanggal', { exact: true })
  await expect(from).toHaveAttribute('placeholder', 'hh/bb/tttt')
  await fillDate(page, 'Dari tanggal', `${thisMonth}-01`)
  await expect(page).toHaveURL(new RegExp(`from=${thisMonth}-01`))
  await expect(page.getByTestId('payment-row')).toHaveCount(1)

  // Opened from a link, the field shows the address's date the Indonesian way.
  await page.goto(`${host.url}payments?from=${lastMonth}-10&to=${lastMonth}-20`)
  await expect(from).toHaveValue(shownDate(`${lastMonth}-10`))
  await expect(page.getByLabel('Sampai tanggal', { exact: true })).toHaveValue(
    shownDate(`${lastMonth}-20`),
  )
  await expect(page.getByTestId('payment-row')).toHaveCount(1)

  // In English the month is named in English; the day is still written day first.
  await page.getByTestId('language-switch').getByText('English', { exact: true }).click()
  await page.goto(`${host.url}billing?period=${thisMonth}`)
  await expect(page.getByLabel('Period', { exact: true })).toHaveText(monthName(thisMonth, 'en-GB'))
})
