import type { APIRequestContext } from '@playwright/test'
import { startMessageSim } from '../sim/messaging'
import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

/** Today and this month as the company (Asia/Jakarta) counts them; the host runs on the real clock. */
function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())
}

function previousMonthStart(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10)
}

interface MessageRow {
  customerCode: string
  kind: string
  status: string
  reason: string | null
  recipient: string
}

/**
 * Three customers with last month's and this month's invoice unpaid: Ani with a WhatsApp
 * number, Budi without any number (and kept out of isolir: a mosque), Citra who refuses
 * messages. WhatsApp goes to the gateway simulator (Fonnte).
 */
async function seed(request: APIRequestContext, host: Host, gatewayUrl: string, token: string) {
  const owner = await setUpCompany(request, host)
  const area = await call<{ id: number }>(request, host, owner, 'catalog.createArea', {
    code: 'CBG',
    name: 'Cibinong',
  })
  const product = await call<{ id: number }>(request, host, owner, 'catalog.createProduct', {
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
  })
  const today = jakartaToday()
  const people: Record<string, { id: number; code: string }> = {}
  for (const [key, name, phone] of [
    ['ani', 'Ani Rahayu', '081211112222'],
    ['budi', 'Budi Tanpa Nomor', undefined],
    ['citra', 'Citra Menolak Pesan', '081233334444'],
  ] as const) {
    const c = await call<{ id: number; code: string }>(request, host, owner, 'customers.create', {
      areaId: area.id,
      name,
      ...(phone ? { phone } : {}),
    })
    await call(request, host, owner, 'customers.addService', {
      customerId: c.id,
      productId: product.id,
      status: 'aktif',
      activationDate: previousMonthStart(today),
      billingSchedule: { kind: 'fixed', day: 1 },
    })
    people[key] = c
  }
  await call(request, host, owner, 'collections.setCustomerFlags', {
    customerId: people.citra!.id,
    noIsolir: false,
    messagesOptOut: true,
  })
  await call(request, host, owner, 'collections.setCustomerFlags', {
    customerId: people.budi!.id,
    noIsolir: true,
    noIsolirReason: 'Masjid, dibayar kas RW',
    messagesOptOut: false,
  })
  // Last month's invoices (due the 11th of last month, so past due + 7 days) and this month's.
  const lastMonth = previousMonthStart(today)
  await call(request, host, owner, 'billing.runPeriod', {
    period: lastMonth.slice(0, 7),
    asOf: lastMonth,
  })
  await call(request, host, owner, 'billing.runPeriod', { period: today.slice(0, 7) })
  await call(request, host, owner, 'channels.set', {
    provider: 'fonnte',
    token,
    baseUrl: gatewayUrl,
  })
  return { owner, people }
}

test('the reminder queue shows who is messaged and who is skipped, then queues once', async ({
  page,
  host,
}) => {
  test.setTimeout(150_000)
  const gateway = await startMessageSim()
  try {
    const { owner, people } = await seed(page.request, host, gateway.url, gateway.tokens.fonnte)
    await signIn(page, host, OWNER, 'Penagihan')
    await page.getByRole('link', { name: 'Penagihan' }).click()
    await expect(page).toHaveURL(/\/collections/)
    await expect(page.getByRole('heading', { name: 'Penagihan', level: 1 })).toBeVisible()

    // Who will be messaged and who is skipped, with the reason in Indonesian.
    await expect(page.getByTestId('reminders-customers')).toHaveText('3')
    await expect(page.getByTestId('reminders-send')).toHaveText('1')
    await expect(page.getByTestId('reminders-skip')).toHaveText('2')
    const row = (code: string) => page.locator(`[data-testid="reminder-row"][data-code="${code}"]`)
    await expect(row(people.ani!.code).getByTestId('reminder-will')).toHaveText(
      'Dikirim lewat WhatsApp',
    )
    // The number as people dial it; the stored 62… stays in the data and the exports.
    await expect(row(people.ani!.code)).toContainText('0812-1111-2222')
    await expect(row(people.ani!.code)).toContainText('Rp 300.000')
    await expect(row(people.budi!.code).getByTestId('reminder-will')).toHaveText(/tidak ada nomor/i)
    await expect(row(people.citra!.code).getByTestId('reminder-will')).toHaveText(
      'Pelanggan menolak pesan',
    )
    await expect(page.getByTestId('reminders-reasons')).toContainText('Tidak ada nomor: 1')

    // Only the skipped ones.
    await page.getByText('Dilewati (2)').click()
    await expect(page.getByTestId('reminder-row')).toHaveCount(2)
    await page.getByText('Semua (3)').click()
    await expect(page.getByTestId('reminder-row')).toHaveCount(3)

    // Queue, after a confirmation.
    await page.getByRole('button', { name: 'Masukkan ke antrean (1)' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('1 pengingat masuk antrean')
    await dialog.getByRole('button', { name: 'Ya, masukkan ke antrean' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('reminders-done')).toContainText(
      '1 pengingat masuk antrean, 2 dilewati.',
    )

    // The outbox has one reminder to Ani and the two skips with their reasons.
    const history = await call<{ rows: MessageRow[] }>(
      page.request,
      host,
      owner,
      'messaging.list',
      { kind: 'reminder' },
      'query',
    )
    const byCode = Object.fromEntries(history.rows.map((m) => [m.customerCode, m]))
    expect(history.rows).toHaveLength(3)
    expect(byCode[people.ani!.code]).toMatchObject({ recipient: '6281211112222', reason: null })
    expect(byCode[people.ani!.code]!.status).not.toBe('dilewati')
    expect(byCode[people.budi!.code]).toMatchObject({ status: 'dilewati', reason: 'no_number' })
    expect(byCode[people.citra!.code]).toMatchObject({ status: 'dilewati', reason: 'opted_out' })

    // Last month's invoices are past due + 7 days: the automatic isolir's preview for today
    // isolates Ani and Citra and leaves the mosque alone, with the reason.
    await page.getByRole('tab', { name: 'Isolir otomatis' }).click()
    await expect(page.getByText('lewat jatuh tempo + 7 hari')).toBeVisible()
    const isolirRow = (code: string) =>
      page.locator(`[data-testid="isolir-row"][data-code="${code}"]`).getByTestId('isolir-will')
    await expect(page.getByTestId('isolir-count')).toHaveText('Akan diisolir: 2')
    await expect(isolirRow(people.ani!.code)).toHaveText('Diisolir')
    await expect(isolirRow(people.citra!.code)).toHaveText('Diisolir')
    await expect(isolirRow(people.budi!.code)).toHaveText('Dikecualikan: Masjid, dibayar kas RW')
    await expect(page.getByTestId('isolir-actions-empty')).toBeVisible()
    await page.getByRole('tab', { name: 'Kebijakan' }).click()
    await expect(page.getByTestId('reminder-offsets')).toHaveText(/D-3\s*D0\s*D\+3/)

    // The customer's Penagihan card lists the reminder; a promise to pay is recorded there.
    await page.goto(`${host.url}customers/${people.ani!.id}`)
    const card = page.getByTestId('customer-collections')
    await expect(card.getByTestId('customer-message').first()).toContainText('Pengingat tagihan')
    await card.getByLabel('Bayar paling lambat').fill(jakartaToday())
    await card.getByLabel('Catatan janji').fill('gajian')
    await card.getByRole('button', { name: 'Catat janji bayar' }).click()
    await expect(card.getByTestId('customer-promise')).toContainText(`disetujui ${OWNER.username}`)
    await page.goto(`${host.url}collections?tab=promises`)
    await expect(page.getByTestId('promise-row')).toContainText('Ani Rahayu')
  } finally {
    await gateway.close()
  }
})

test('an isolir from the batch tells the customers like the automatic run; the box follows the policy', async ({
  page,
  host,
}) => {
  test.setTimeout(150_000)
  const gateway = await startMessageSim()
  try {
    const { owner, people } = await seed(page.request, host, gateway.url, gateway.tokens.fonnte)
    await signIn(page, host, OWNER, 'Penagihan')
    await page.goto(`${host.url}network?tab=batch`)
    await expect(page.getByTestId('batch-row')).toHaveCount(3)
    await page.getByRole('checkbox', { name: 'Pilih semua' }).check()
    const dialog = page.getByRole('dialog')
    const notify = dialog.getByTestId('isolir-notify')
    // The policy sends it by default: the box starts ticked.
    await page.getByTestId('batch-preview').click()
    await expect(notify).toBeChecked()
    await dialog.getByRole('button', { name: 'Batal' }).click()

    // With the policy off it starts unticked; ticked by hand, the notice goes all the same.
    const policy = await call<Record<string, unknown>>(
      page.request,
      host,
      owner,
      'collections.settings',
      undefined,
      'query',
    )
    await call(page.request, host, owner, 'collections.setSettings', {
      ...policy,
      sendManualIsolirNotice: false,
    })
    await page.getByTestId('batch-preview').click()
    await expect(notify).not.toBeChecked()
    await notify.check()
    await dialog.getByTestId('isolir-apply').click()
    await expect(page.getByText('1 pemberitahuan isolir masuk antrean pesan.')).toBeVisible()

    const notices = await call<{ rows: MessageRow[] }>(
      page.request,
      host,
      owner,
      'messaging.list',
      { kind: 'isolir_notice' },
      'query',
    )
    const byCode = Object.fromEntries(notices.rows.map((m) => [m.customerCode, m]))
    expect(notices.rows).toHaveLength(3)
    expect(byCode[people.ani!.code]).toMatchObject({ recipient: '6281211112222', reason: null })
    expect(byCode[people.budi!.code]).toMatchObject({ status: 'dilewati', reason: 'no_number' })
    expect(byCode[people.citra!.code]).toMatchObject({ status: 'dilewati', reason: 'opted_out' })
  } finally {
    await gateway.close()
  }
})
