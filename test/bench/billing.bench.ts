import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { cliActor } from '@core/audit'
import { invoicePdf, runBilling } from '@core/billing'
import { systemClock } from '@core/clock'
import { engineOf, migrateToLatest, openDatabase, startCheckpoints, type Db } from '@core/db'
import { testSecrets } from '@core/testing'
import { calendarDate } from '@shared/dates'
import { ROOT, initDataDir, report, withOwnerHost } from './lib'

const cli = (dataDir: string, ...args: string[]) =>
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli.ts', ...args, '--data-dir', dataDir, '--json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  )

export function demoDataDir(customers: number): string {
  const dir = initDataDir(`loket-bench-billing-${customers}-`)
  cli(
    dir,
    'demo-data',
    '--customers',
    String(customers),
    '--seed',
    'bench',
    '--as-of',
    '2026-11-22',
  )
  return dir
}

/** The data directory's database as the host opens it: migrated, with the host's checkpoints. */
export async function withDb<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  return withHostDb(openDatabase(dataDir), fn)
}

export async function withHostDb<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  await migrateToLatest(db)
  const stopCheckpoints = await startCheckpoints(db)
  try {
    return await fn(db)
  } finally {
    await stopCheckpoints()
    await db.destroy()
  }
}

const actor = { ...cliActor(1), companyId: 1 }
export const bill = (db: Db, period: string) =>
  runBilling(
    { db, clock: systemClock, secrets: testSecrets() },
    actor,
    { period, asOf: calendarDate(`${period}-01`) },
    'Asia/Jakarta',
  )

/** The invoice run for a whole base, on a copy of the same data each time (median of 3). */
async function invoiceRun(customers: number): Promise<void> {
  const source = demoDataDir(customers)
  const samples: number[] = []
  let invoices = 0
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-bench-run-'))
    copyFileSync(path.join(source, 'loket.sqlite'), path.join(dir, 'loket.sqlite'))
    await withDb(dir, async (db) => {
      const t = performance.now()
      const r = await bill(db, '2026-12')
      samples.push(performance.now() - t)
      invoices = r.invoices
    })
    rmSync(dir, { recursive: true, force: true })
  }
  rmSync(source, { recursive: true, force: true })
  report(`invoice_run_${customers}_services`, 'ms', samples, { invoices })
}

/**
 * 50,000 customers with three years of invoices (36 runs), all but the last two months paid —
 * the payments of the past are written set-wise (a bench set-up, not a test of payments).
 */
async function threeYears(): Promise<string> {
  const dir = demoDataDir(50_000)
  await addThreeYears(dir)
  return dir
}

/** Three years of invoices and payments on a demo data directory (either engine). */
export async function addThreeYears(dir: string): Promise<void> {
  await withDb(dir, async (db) => {
    for (let m = 0; m < 36; m++) {
      const y = 2023 + Math.floor((m + 11) / 12)
      const month = ((m + 11) % 12) + 1
      await bill(db, `${y}-${String(month).padStart(2, '0')}`)
    }
    await sql`INSERT INTO payments (company_id, customer_id, number, amount, method, reference, source,
        received_at, received_date, user_id, username, status, created_at)
      SELECT company_id, customer_id, 'BENCH/' || id, total, 'cash', NULL, 'counter',
        issue_date || 'T03:00:00.000Z', issue_date, 1, 'owner', 'ok', issue_date || 'T03:00:00.000Z'
      FROM invoices WHERE period < '2026-10'`.execute(db)
    await sql`INSERT INTO allocations (invoice_id, amount, source, payment_id, date, created_at)
      SELECT i.id, i.total, 'payment', p.id, i.issue_date, p.created_at
      FROM invoices i JOIN payments p ON p.number = 'BENCH/' || i.id`.execute(db)
    await sql`UPDATE invoices SET paid = total, payment_status = 'lunas', settled_date = issue_date
      WHERE period < '2026-10'`.execute(db)
    await (engineOf(db) === 'sqlite' ? sql`PRAGMA optimize` : sql`ANALYZE`).execute(db)
  })
}

/** The first `limit` customers with an unpaid invoice and the amount of their largest one. */
export function unpaidCustomers(dataDir: string, limit: number) {
  return withDb(dataDir, (db) =>
    db
      .selectFrom('invoices')
      .select((eb) => ['customer_id', eb.fn.max('total').as('total')])
      .where('payment_status', '=', 'belum_bayar')
      .groupBy('customer_id')
      .orderBy('customer_id')
      .limit(limit)
      .execute(),
  )
}

/** One cash payment at the counter over HTTP, in milliseconds. */
export async function timedPayment(
  api: Parameters<Parameters<typeof withOwnerHost>[1]>[0],
  c: { customer_id: number; total: number },
): Promise<number> {
  const t = performance.now()
  await api.payments.record.mutate({
    customerId: c.customer_id,
    amount: c.total,
    method: 'cash',
    invoiceId: null,
  })
  return performance.now() - t
}

/** payments.record over HTTP on that base: what a cashier waits for (p50/p95 of 200). */
export async function recordPayment(
  dataDir: string,
  name = 'payment_record_http_50000_customers_3y',
) {
  // The first 200 customers with an unpaid invoice, each paying the amount of one.
  const customers = await unpaidCustomers(dataDir, 200)
  await withOwnerHost(dataDir, async (api) => {
    const samples: number[] = []
    for (const c of customers) samples.push(await timedPayment(api, c))
    report(name, 'ms', samples)
  })
}

async function pdf(dataDir: string): Promise<void> {
  await withDb(dataDir, async (db) => {
    const ids = await db
      .selectFrom('invoices')
      .select('id')
      .orderBy('id', 'desc')
      .limit(20)
      .execute()
    const samples: number[] = []
    for (const { id } of ids) {
      const t = performance.now()
      await invoicePdf(db, 1, id)
      samples.push(performance.now() - t)
    }
    report('invoice_pdf', 'ms', samples)
  })
}

export async function run(): Promise<void> {
  await invoiceRun(10_000)
  await invoiceRun(50_000)
  const dir = await threeYears()
  const invoices = await withDb(dir, async (db) =>
    Number(
      (
        await db
          .selectFrom('invoices')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  )
  console.log(JSON.stringify({ bench: 'three_years_data', invoices }))
  await recordPayment(dir)
  await pdf(dir)
  rmSync(dir, { recursive: true, force: true })
}
