import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DashboardSummary, PaymentsChart } from '@core/dashboard'
import { openDatabase } from '@core/db'
import type { CollectionReport, PaymentsReport, ReceivablesReport } from '@core/reports'
import { makeDataDir } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
let dataDir: string

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI_ENTRY, ...args, '--data-dir', dataDir], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout.trim()
}
const json = async <T>(...args: string[]) => JSON.parse(await cli(...args, '--json')) as T
type Dashboard = Required<DashboardSummary> & { paymentsChart: PaymentsChart }

describe('report dashboard (a real child process on a real data dir)', () => {
  beforeAll(async () => {
    dataDir = await makeDataDir('loket-dashboard-cli-')
    await cli(
      'init',
      '--company',
      'Net Jaya',
      '--admin-user',
      'owner',
      '--admin-password',
      'Sangat-Rahasia-42',
    )
    await cli('demo-data', '--customers', '40', '--seed', 'dashboard', '--as-of', '2025-01-15')
    await cli('billing', 'run', '--period', '2025-02', '--as-of', '2025-02-01')
    await cli('billing', 'run', '--period', '2025-03', '--as-of', '2025-03-01')
    const db = openDatabase(dataDir)
    const billed = await db
      .selectFrom('invoices')
      .select(['customer_code', 'total'])
      .where('period', '=', '2025-03')
      .where('status', '=', 'issued')
      .orderBy('number')
      .limit(3)
      .execute()
    await db.destroy()
    expect(billed).toHaveLength(3)
    const [a, b, c] = billed as [(typeof billed)[0], (typeof billed)[0], (typeof billed)[0]]
    const pay = (code: string, amount: number, date: string, method = 'cash') =>
      cli(
        'payment',
        'record',
        '--customer',
        code,
        '--amount',
        String(amount),
        '--date',
        date,
        '--method',
        method,
        ...(method === 'cash' ? [] : ['--reference', `TRF-${code}`]),
      )
    await pay(a.customer_code, a.total, '2025-03-05')
    await pay(b.customer_code, b.total, '2025-03-20', 'transfer')
    await pay(c.customer_code, 50_000, '2025-03-20')
  }, 180_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('prints the figures of the reports for the same day, to the rupiah', async () => {
    const d = await json<Dashboard>('report', 'dashboard', '--as-of', '2025-03-20')
    expect(d.asOf).toBe('2025-03-20')
    expect(d.period).toBe('2025-03')
    const receivables = await json<ReceivablesReport>(
      'report',
      'receivables',
      '--as-of',
      '2025-03-20',
    )
    expect(d.receivables.total).toBe(receivables.total)
    expect(d.receivables.customers).toBe(receivables.customers.length)
    const collection = await json<CollectionReport>(
      'report',
      'collection',
      '--from',
      '2025-03',
      '--to',
      '2025-03',
    )
    expect(d.billing.invoiced).toBe(collection.totals.invoiced)
    expect(d.billing.collected).toBe(collection.totals.collected)
    const day = await json<PaymentsReport>(
      'report',
      'payments',
      '--from',
      '2025-03-20',
      '--to',
      '2025-03-20',
    )
    expect(d.takings.total).toEqual(day.total)
    const month = await json<PaymentsReport>(
      'report',
      'payments',
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
    )
    expect(d.paymentsChart.totals.current).toBe(month.total.amount)
    expect(d.customers.aktif + d.customers.isolir + d.customers.putus).toBeGreaterThan(0)
    // The data has something to agree on.
    expect(d.takings.total.count).toBe(2)
    expect(d.receivables.total).toBeGreaterThan(0)
    expect(d.billing.invoiced).toBeGreaterThan(0)
    expect(d.paymentsChart.totals.currentCount).toBe(3)
  }, 60_000)

  it('reads as Indonesian lines without --json: dates dd/mm/yyyy, rupiah and grouped counts', async () => {
    const text = await cli('report', 'dashboard', '--as-of', '2025-03-20')
    expect(text).toMatch(/^Dasbor per 20\/03\/2025 \(periode 2025-03\)/)
    expect(text).toMatch(/Piutang: Rp/)
    expect(text).toMatch(/Pelanggan \(status saat ini\): aktif \d/)
  }, 60_000)
})
