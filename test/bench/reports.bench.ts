import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DATABASE_FILE, openDatabase } from '@core/db'
import { explainReceivables, invoicedVsCollected, receivablesByCustomer } from '@core/reports'
import { addMonths, calendarDate, type CalendarDate } from '@shared/dates'
import { ROOT, initDataDir, report } from './lib'

const CUSTOMERS = 50_000
const PERIODS = 36
const TODAY = calendarDate('2026-11-22')
const FIRST_PERIOD = addMonths(calendarDate('2026-11-01'), -(PERIODS - 1))
const ROWS_PER_INSERT = 100

/** A fixed pseudo-random number 0–99 per (customer, period): the same data set every run. */
const roll = (a: number, b: number) => (((a * 2_654_435_761) ^ (b * 40_503)) >>> 0) % 100

/**
 * 36 monthly invoices per customer, bulk-inserted (multi-row INSERTs in one transaction): not
 * how the app writes them, but the same rows the receivables report reads. Older periods are
 * 97% paid, the last three less so; some payments are partial and some were reversed.
 */
function seedInvoices(file: string): { invoices: number; allocations: number } {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  // The rows are consistent by construction; checking each reference would only slow the seed.
  db.pragma('foreign_keys = OFF')
  const customers = db
    .prepare('SELECT id, code, name, address FROM customers WHERE company_id = 1 ORDER BY id')
    .all() as { id: number; code: string; name: string; address: string }[]
  const invoiceCols =
    '(company_id, customer_id, kind, period, number, status, payment_status, issue_date, due_date,' +
    ' customer_code, customer_name, customer_address, subtotal, total, paid, settled_date,' +
    ' created_at, issued_at, updated_at)'
  const allocationCols =
    '(invoice_id, amount, source, date, created_at, reversed_at, reversed_date)'
  const statement = (table: string, cols: string, n: number) => {
    const one = `(${cols
      .split(',')
      .map(() => '?')
      .join(',')})`
    return db.prepare(`INSERT INTO ${table} ${cols} VALUES ${Array(n).fill(one).join(',')}`)
  }
  const insertInvoices = statement('invoices', invoiceCols, ROWS_PER_INSERT)
  const insertAllocations = statement('allocations', allocationCols, ROWS_PER_INSERT)
  let invoiceBatch: unknown[] = []
  let allocationBatch: unknown[] = []
  let invoiceRows = 0
  let allocationRows = 0
  let nextId = 1
  let number = 0
  const flushInvoices = () => {
    const rows = invoiceBatch.length / 19
    if (!rows) return
    const stmt =
      rows === ROWS_PER_INSERT ? insertInvoices : statement('invoices', invoiceCols, rows)
    stmt.run(invoiceBatch)
    invoiceBatch = []
  }
  const flushAllocations = () => {
    const rows = allocationBatch.length / 7
    if (!rows) return
    // Their invoices first (foreign keys are on).
    flushInvoices()
    const stmt =
      rows === ROWS_PER_INSERT ? insertAllocations : statement('allocations', allocationCols, rows)
    stmt.run(allocationBatch)
    allocationBatch = []
  }
  const flush = (final: boolean) => {
    if (final || invoiceBatch.length === ROWS_PER_INSERT * 19) flushInvoices()
    if (final || allocationBatch.length === ROWS_PER_INSERT * 7) flushAllocations()
  }
  db.transaction(() => {
    for (let p = 0; p < PERIODS; p++) {
      const issue = addMonths(FIRST_PERIOD, p)
      const due = addMonths(issue, 0, 11)
      const recent = PERIODS - p <= 3
      for (const c of customers) {
        const r = roll(c.id, p)
        const total = [150_000, 200_000, 250_000, 350_000][c.id % 4]!
        const paidPct = recent ? 60 : 97
        const full = r < paidPct
        const partial = !full && r < paidPct + 2
        const payDate = addMonths(issue, 0, 1 + (r % 20))
        const paid = full ? total : partial ? total / 2 : 0
        const id = nextId++
        invoiceBatch.push(
          1,
          c.id,
          'period',
          issue.slice(0, 7),
          `INV/${issue.slice(0, 4)}/${++number}`,
        )
        invoiceBatch.push('issued', full ? 'lunas' : partial ? 'sebagian' : 'belum_bayar')
        invoiceBatch.push(issue, due, c.code, c.name, c.address, total, total, paid)
        invoiceBatch.push(full ? payDate : null, `${issue}T01:00:00Z`, `${issue}T01:00:00Z`)
        invoiceBatch.push(`${payDate}T01:00:00Z`)
        invoiceRows++
        // One unpaid invoice in fifty was paid once and the payment reversed a week later.
        if (!full && !partial && r % 50 === 0) {
          const undone = addMonths(payDate, 0, Math.min(28, 8 + (r % 20)))
          allocationBatch.push(id, total, 'payment', payDate, `${payDate}T01:00:00Z`)
          allocationBatch.push(`${undone}T01:00:00Z`, undone)
          allocationRows++
        }
        if (paid > 0) {
          allocationBatch.push(id, paid, 'payment', payDate, `${payDate}T01:00:00Z`, null, null)
          allocationRows++
        }
        flush(false)
      }
    }
    flush(true)
  })()
  db.close()
  return { invoices: invoiceRows, allocations: allocationRows }
}

async function timed(fn: () => Promise<unknown>, runs = 5): Promise<number[]> {
  await fn() // warm the page cache and the statement once, as a second click would find it
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  return samples
}

/** The receivables report at 50,000 customers × 36 monthly invoices (1.8 million invoices). */
export async function run(): Promise<void> {
  const dataDir = initDataDir('loket-bench-reports-')
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/main/cli.ts', 'demo-data', '--customers', String(CUSTOMERS)].concat([
        '--seed',
        'bench',
        '--as-of',
        '2023-11-01',
        '--data-dir',
        dataDir,
        '--json',
      ]),
      { cwd: ROOT },
    )
    const t = performance.now()
    const seeded = seedInvoices(path.join(dataDir, DATABASE_FILE))
    const seedMs = Math.round(performance.now() - t)
    const db = openDatabase(dataDir)
    try {
      const today = async (asOf: CalendarDate) => {
        let open = 0
        const samples = await timed(async () => {
          open = (await receivablesByCustomer(db, 1, { asOf, today: TODAY })).invoices
        })
        return { samples, open }
      }
      const now = await today(TODAY)
      const plan = await explainReceivables(db, 1, { asOf: TODAY, today: TODAY })
      report('receivables_as_of_today_50000x36', 'ms', now.samples, {
        ...seeded,
        openInvoices: now.open,
        seedMs,
        plan: plan.join('; '),
      })
      const past = await today(calendarDate('2026-06-30'))
      report('receivables_as_of_past_date_50000x36', 'ms', past.samples, {
        openInvoices: past.open,
      })
      const collection = await timed(() =>
        invoicedVsCollected(db, 1, { from: '2026-06', to: '2026-11' }),
      )
      report('invoiced_vs_collected_6_periods_50000', 'ms', collection)
    } finally {
      await db.destroy()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
