import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import { addDays, dateInZone } from '@shared/dates'
import { addThreeYears, bill, demoDataDir, withDb } from './billing.bench'
import { report, withOwnerHost } from './lib'

const RUNS = 30

/**
 * The host reads "today" from the system clock; the bench data ends in 2026-11. So the last
 * months are billed up to this month and part of their invoices paid on the last 60 days up to
 * today (payments only, set-wise: the charts and takings read payments; a bench set-up, not a
 * test of payments), so every card and the month's chart have rows to read.
 */
async function recentPayments(dir: string): Promise<{ today: string; payments: number }> {
  const today = dateInZone(new Date(), 'Asia/Jakarta')
  return withDb(dir, async (db) => {
    for (let p = '2026-12'; p <= today.slice(0, 7); p = nextPeriod(p)) await bill(db, p)
    const from = addDays(today, -59)
    await sql`INSERT INTO payments (company_id, customer_id, number, amount, method, reference,
        source, received_at, received_date, user_id, username, status, created_at)
      SELECT company_id, customer_id, 'RECENT/' || id, total,
        CASE WHEN customer_id % 4 = 0 THEN 'transfer' ELSE 'cash' END, NULL, 'counter',
        date(${from}, '+' || (customer_id % 60) || ' days') || 'T03:00:00.000Z',
        date(${from}, '+' || (customer_id % 60) || ' days'), 1, 'owner', 'ok',
        date(${from}, '+' || (customer_id % 60) || ' days') || 'T03:00:00.000Z'
      FROM invoices WHERE period >= '2026-10' AND customer_id % 3 = 0`.execute(db)
    await sql`PRAGMA optimize`.execute(db)
    const n = await db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return { today, payments: Number(n.n) }
  })
}

function nextPeriod(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

async function time<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const t = performance.now()
  const r = await fn()
  samples.push(performance.now() - t)
  return r
}

/**
 * What the owner's browser asks for when the dashboard opens, over HTTP against a spawned host
 * on 50,000 customers × 3 years: the summary and the month's payment chart in one batched
 * request (the renderer's link). The year's chart (two years of payments grouped by month) is
 * measured on its own: it is fetched only when chosen.
 */
export async function run(): Promise<void> {
  const dir = demoDataDir(50_000)
  await addThreeYears(dir)
  const data = await recentPayments(dir)
  try {
    await withOwnerHost(dir, (api) => measure(api, data))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function measure(
  api: Parameters<Parameters<typeof withOwnerHost>[1]>[0],
  data: Awaited<ReturnType<typeof recentPayments>>,
): Promise<void> {
  const open = () =>
    Promise.all([api.dashboard.summary.query(), api.dashboard.payments.query({ range: 'month' })])
  const [summary] = await open()
  const first: number[] = []
  const samples: number[] = []
  const year: number[] = []
  const days30: number[] = []
  for (let i = 0; i < RUNS; i++) await time(i === 0 ? first : samples, open)
  for (let i = 0; i < RUNS; i++) {
    await time(year, () => api.dashboard.payments.query({ range: 'year' }))
    await time(days30, () => api.dashboard.payments.query({ range: 'days30' }))
  }
  report('dashboard_open_http_50000_customers_3y', 'ms', samples, {
    today: data.today,
    payments: data.payments,
    receivables: summary.receivables?.total,
    customers: summary.customers,
  })
  report('dashboard_payments_year_http_50000_customers_3y', 'ms', year)
  report('dashboard_payments_30days_http_50000_customers_3y', 'ms', days30)
}
