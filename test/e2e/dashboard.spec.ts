import { startRouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { addDays, demoData, jakartaToday } from './demo-data'
import { expect, test } from './fixtures'
import { clippedOn } from './layout-check'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

const digits = (n: number) => new Intl.NumberFormat('id-ID').format(n)
/** Rupiah as the UI prints it: `Rp 1.234` (Playwright's text matching treats the NBSP as a space). */
const rupiah = (n: number) => `Rp ${digits(n)}`

interface Summary {
  asOf: string
  customers: { aktif: number; isolir: number; putus: number; newThisMonth: number }
  billing: { invoiced: number; collected: number }
  receivables: { total: number; overdueCustomers: number }
  takings: { total: { count: number; amount: number } }
}

test('demo data: the owner reads the business on the dashboard, a cashier only their takings', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000)
  const sim = await startRouterSim({ port: 0 })
  try {
    const today = jakartaToday()
    const asOf = addDays(today, -20)
    const token = await setUpCompany(page.request, host)
    await demoData(host, { customers: 300, seed: 'dashboard', asOf })
    await call(page.request, host, token, 'billing.runPeriod', {
      period: asOf.slice(0, 7),
      asOf,
    })
    if (today.slice(0, 7) !== asOf.slice(0, 7)) {
      await call(page.request, host, token, 'billing.runPeriod', {
        period: today.slice(0, 7),
        asOf: `${today.slice(0, 7)}-01`,
      })
    }
    // Two payments today: one by the owner, one by a cashier.
    const open = await call<{ rows: { customerId: number; balance: number }[] }>(
      page.request,
      host,
      token,
      'billing.invoices',
      { status: 'belum_bayar', limit: 2 },
      'query',
    )
    const [first, second] = open.rows as [(typeof open.rows)[0], (typeof open.rows)[0]]
    await call(page.request, host, token, 'payments.record', {
      customerId: first.customerId,
      amount: first.balance,
      method: 'cash',
      invoiceId: null,
    })
    await call(page.request, host, token, 'roles.update', {
      role: 'viewer',
      permissions: ['dashboard.view', 'payments.record', 'cash.close'],
    })
    const kasir = { username: 'kasir1', password: 'Awal-Kasir-2026' }
    await call(page.request, host, token, 'users.create', {
      name: 'Kasir Satu',
      role: 'viewer',
      ...kasir,
    })
    const kasirToken = (
      await call<{ token: string }>(page.request, host, null, 'auth.login', kasir)
    ).token
    await call(page.request, host, kasirToken, 'auth.changePassword', {
      currentPassword: kasir.password,
      newPassword: 'Kasir-Baru-2026',
    })
    await call(page.request, host, kasirToken, 'payments.record', {
      customerId: second.customerId,
      amount: 50_000,
      method: 'cash',
      invoiceId: null,
    })
    await addSimRouter(page.request, host, token, sim.port, 'Core Bogor')
    // A router nobody answers on: down, with the reason, beside the one that is up.
    await addSimRouter(page.request, host, token, 1, 'POP Mati')
    sim.state.setOnline([
      { name: 'budi', address: '10.10.10.7', uptime: '1h' },
      { name: 'siti', address: '10.10.10.8', uptime: '2h' },
    ])

    const s = await call<Summary>(
      page.request,
      host,
      token,
      'dashboard.summary',
      undefined,
      'query',
    )
    const aging = await call<{ total: number }>(
      page.request,
      host,
      token,
      'reports.receivables',
      {},
      'query',
    )
    expect(s.receivables.total).toBe(aging.total)
    expect(s.takings.total).toEqual({ count: 2, amount: first.balance + 50_000 })

    // 1. The owner: every card, as the API computed it, formatted for people.
    await signIn(page, host, OWNER, 'Pelanggan')
    await expect(page.getByTestId('fig-aktif')).toHaveText(digits(s.customers.aktif))
    await expect(page.getByTestId('fig-isolir')).toHaveText(digits(s.customers.isolir))
    await expect(page.getByTestId('fig-invoiced')).toHaveText(rupiah(s.billing.invoiced))
    await expect(page.getByTestId('fig-receivables')).toHaveText(rupiah(s.receivables.total))
    await expect(page.getByTestId('fig-takings')).toHaveText(rupiah(s.takings.total.amount))
    await expect(page.getByTestId('fig-overdue-customers')).toHaveText(
      `${digits(s.receivables.overdueCustomers)} pelanggan menunggak`,
    )
    await expect(page.getByTestId('dashboard-today')).toHaveText(
      today.split('-').reverse().join('/'),
    )
    await expect(page.getByTestId('payments-chart')).toContainText('Grafik Pembayaran')
    await expect(page.getByTestId('payments-chart')).toContainText('Bulan lalu')
    const row = page.getByTestId('router-panel').locator('tbody tr').first()
    await expect(row).toContainText('Core Bogor')
    await expect(row).toContainText('Terhubung')
    await expect(row).toContainText('%')
    await expect(row.locator('td').nth(4)).toHaveText('2')
    const down = page.getByTestId('router-panel').locator('tbody tr').nth(1)
    await expect(down).toContainText('POP Mati')
    await expect(down).toContainText('Terputus')
    await expect(down).toContainText('Terakhir terhubung: Belum pernah')
    await expect(down.locator('td').nth(6)).toContainText('127.0.0.1')
    await page.getByTestId('payments-range').getByText('Tahun ini').click()
    await expect(page.getByTestId('payments-chart')).toContainText('Tahun lalu')
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    expect(await clippedOn(page, 'Beranda')).toEqual([])
    await page.screenshot({ path: '/tmp/dashboard-1366.png' })

    // 2. A card opens its list, filtered.
    await page.getByTestId('fig-isolir-open').click()
    await expect(page).toHaveURL(/\/customers\?status=isolir$/)
    await page.goBack()
    await page.getByTestId('fig-takings-open').click()
    await expect(page).toHaveURL(new RegExp(`/payments\\?from=${today}&to=${today}$`))

    // 3. The cashier: their own takings only; no customer, billing or router card.
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'Keluar' }).click()
    await signIn(page, host, { ...kasir, password: 'Kasir-Baru-2026' }, 'Dasbor')
    await expect(page.getByTestId('card-takings')).toContainText('Penerimaan saya hari ini')
    await expect(page.getByTestId('fig-takings')).toHaveText(rupiah(50_000))
    await expect(page.getByTestId('card-customers')).toHaveCount(0)
    await expect(page.getByTestId('card-receivables')).toHaveCount(0)
    await expect(page.getByTestId('payments-chart')).toHaveCount(0)
    await expect(page.getByTestId('router-panel')).toHaveCount(0)
  } finally {
    await sim.close()
  }
})
