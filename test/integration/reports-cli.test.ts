import { execFile } from 'node:child_process'
import { existsSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '@core/clock'
import { openDatabase, type Db } from '@core/db'
import { dataDirSecretBox } from '@core/secrets'
import { recordPayment, reversePayment } from '@core/payments'
import { AGING_BUCKETS, agingBucket } from '@shared/billing'
import { calendarDate, daysBetween } from '@shared/dates'
import { makeDataDir } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

async function cli(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    [CLI_ENTRY, ...args, '--data-dir', dataDir, '--json'],
    {
      cwd: root,
    },
  )
  return JSON.parse(stdout.trim())
}

const AS_OF = '2025-03-20'
let dataDir: string

interface InvoiceRow {
  id: number
  number: string
  customer_id: number
  customer_code: string
  total: number
  due_date: string
}

/**
 * Rule 31 written out the slow, obvious way, to check the report against: every issued invoice,
 * each allocation looked at on its own.
 */
async function expectedAging(db: Db, asOf: string) {
  const invoices = await db
    .selectFrom('invoices')
    .selectAll()
    .where('status', '=', 'issued')
    .execute()
  const allocations = await db.selectFrom('allocations').selectAll().execute()
  const customers = new Map<string, Record<string, number>>()
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0]))
  for (const i of invoices) {
    if (i.issue_date > asOf) continue
    const paid = allocations
      .filter((a) => a.invoice_id === i.id && a.date <= asOf)
      .filter((a) => a.reversed_date === null || a.reversed_date > asOf)
      .reduce((s, a) => s + a.amount, 0)
    const balance = i.total - paid
    if (balance <= 0) continue
    const bucket = agingBucket(daysBetween(calendarDate(i.due_date), calendarDate(asOf)))
    buckets[bucket]! += balance
    const c = customers.get(i.customer_code) ?? { total: 0, invoices: 0 }
    c[bucket] = (c[bucket] ?? 0) + balance
    c.total! += balance
    c.invoices! += 1
    customers.set(i.customer_code, c)
  }
  return { buckets, customers }
}

describe('report commands (a real child process on a real data dir)', () => {
  let db: Db
  let partly: InvoiceRow
  let paidLate: InvoiceRow
  let reversed: InvoiceRow

  beforeAll(async () => {
    dataDir = await makeDataDir('loket-reports-')
    await run(
      process.execPath,
      [CLI_ENTRY, 'init', '--company', 'Net Jaya', '--admin-user', 'owner'].concat([
        '--admin-password',
        'Sangat-Rahasia-42',
        '--data-dir',
        dataDir,
        '--json',
      ]),
      { cwd: root },
    )
    await cli('demo-data', '--customers', '25', '--seed', 'reports', '--as-of', '2025-01-15')
    await cli('billing', 'run', '--period', '2025-02', '--as-of', '2025-02-01')
    await cli('billing', 'run', '--period', '2025-03', '--as-of', '2025-03-01')

    // Payments through core on the same database file, on days set by the test clock.
    db = openDatabase(dataDir)
    const clock = new ManualClock('2025-02-05T03:00:00Z')
    const deps = { db, clock, secrets: dataDirSecretBox(dataDir) }
    const actor = { companyId: 1, userId: 1, username: 'owner', ip: 'test', userAgent: 'test' }
    const february = await db
      .selectFrom('invoices')
      .select(['id', 'number', 'customer_id', 'customer_code', 'total', 'due_date'])
      .where('period', '=', '2025-02')
      .where('status', '=', 'issued')
      .orderBy('number')
      .execute()
    expect(february.length).toBeGreaterThanOrEqual(3)
    ;[partly, paidLate, reversed] = february as [InvoiceRow, InvoiceRow, InvoiceRow]
    const pay = (i: InvoiceRow, amount: number) =>
      recordPayment(
        deps,
        actor,
        {
          customerId: i.customer_id,
          amount,
          method: 'cash',
          reference: null,
          invoiceId: i.id,
          notes: null,
        },
        'Asia/Jakarta',
      )
    await pay(partly, 50_000)
    const undone = await pay(reversed, reversed.total)
    clock.set('2025-03-10T03:00:00Z')
    await reversePayment(
      deps,
      actor,
      { paymentId: undone.paymentId, reason: 'Uang palsu' },
      'Asia/Jakarta',
    )
    clock.set('2025-03-25T03:00:00Z')
    await pay(paidLate, paidLate.total)
  }, 120_000)

  afterAll(async () => {
    await db?.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('report receivables --as-of prints the aging of that day (rule 31)', async () => {
    const r = (await cli('report', 'receivables', '--as-of', AS_OF)) as {
      asOf: string
      buckets: Record<string, number>
      total: number
      customers: {
        code: string
        invoices: number
        total: number
        buckets: Record<string, number>
      }[]
    }
    const expected = await expectedAging(db, AS_OF)
    expect(r.asOf).toBe(AS_OF)
    expect(r.buckets).toEqual(expected.buckets)
    expect(r.total).toBe(Object.values(expected.buckets).reduce((a, b) => a + b, 0))
    expect(r.customers).toHaveLength(expected.customers.size)
    for (const c of r.customers) {
      const e = expected.customers.get(c.code)!
      expect({ invoices: c.invoices, total: c.total }).toEqual({
        invoices: e.invoices,
        total: e.total,
      })
      for (const b of AGING_BUCKETS) expect(c.buckets[b]).toBe(e[b] ?? 0)
    }
    // Largest debt first.
    const totals = r.customers.map((c) => c.total)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))

    // Per invoice: partly paid leaves the rest, paid on the 25th still owes all of it on the
    // 20th, and the payment reversed on 10 March no longer counts.
    const detail = (await cli('report', 'receivables', '--as-of', AS_OF, '--detail')) as {
      invoices: { number: string; balance: number; bucket: string; daysOverdue: number }[]
      total: number
    }
    expect(detail.total).toBe(r.total)
    const line = (i: InvoiceRow) => detail.invoices.find((x) => x.number === i.number)
    for (const [invoice, balance] of [
      [partly, partly.total - 50_000],
      [paidLate, paidLate.total],
      [reversed, reversed.total],
    ] as const) {
      const days = daysBetween(calendarDate(invoice.due_date), calendarDate(AS_OF))
      expect(line(invoice)).toEqual({
        invoiceId: invoice.id,
        number: invoice.number,
        customerId: invoice.customer_id,
        customerCode: invoice.customer_code,
        customerName: expect.any(String),
        dueDate: invoice.due_date,
        daysOverdue: days,
        balance,
        bucket: agingBucket(days),
      })
      // Due in February, so at least ten days overdue on 20 March.
      expect(days).toBeGreaterThanOrEqual(10)
    }
  })

  it('report receivables as of the day before the reversal leaves the reversed payment counted', async () => {
    const r = (await cli('report', 'receivables', '--as-of', '2025-03-09', '--detail')) as {
      invoices: { number: string; balance: number; bucket: string; daysOverdue: number }[]
    }
    expect(r.invoices.find((i) => i.number === reversed.number)).toBeUndefined()
    const p = r.invoices.find((i) => i.number === partly.number)!
    expect(p.balance).toBe(partly.total - 50_000)
    expect(p.daysOverdue).toBe(
      daysBetween(calendarDate(partly.due_date), calendarDate('2025-03-09')),
    )
  })

  it('report invoices --period lists each invoice with paid, balance and status', async () => {
    const file = path.join(dataDir, 'tagihan.xlsx')
    const r = (await cli('report', 'invoices', '--period', '2025-02', '--xlsx', file)) as {
      period: string
      invoices: {
        number: string
        customer: string
        total: number
        paid: number
        balance: number
        status: string
      }[]
      total: number
      paid: number
      balance: number
      files: string[]
    }
    const stored = await db
      .selectFrom('invoices')
      .select(['number', 'total'])
      .where('period', '=', '2025-02')
      .where('status', '=', 'issued')
      .orderBy('number')
      .execute()
    expect(r.period).toBe('2025-02')
    expect(r.invoices.map((i) => [i.number, i.total])).toEqual(
      stored.map((s) => [s.number, s.total]),
    )
    const row = (i: InvoiceRow) => r.invoices.find((x) => x.number === i.number)
    expect(row(partly)).toEqual({
      number: partly.number,
      customer: partly.customer_code,
      total: partly.total,
      paid: 50_000,
      balance: partly.total - 50_000,
      status: 'sebagian',
    })
    expect(row(paidLate)).toMatchObject({ paid: paidLate.total, balance: 0, status: 'lunas' })
    expect(row(reversed)).toMatchObject({ paid: 0, balance: reversed.total, status: 'belum_bayar' })
    const invoiced = stored.reduce((s, i) => s + i.total, 0)
    const paid = 50_000 + paidLate.total
    expect({ total: r.total, paid: r.paid, balance: r.balance }).toEqual({
      total: invoiced,
      paid,
      balance: invoiced - paid,
    })
    expect(r.files).toEqual([file])
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(1000)
  })

  it('report customers --area counts only that area, and the areas add up to every customer', async () => {
    type Counts = { periods: { period: string; total: number; aktif: number; new: number }[] }
    const args = ['report', 'customers', '--from', '2025-01', '--to', '2025-03']
    const all = (await cli(...args)) as unknown as Counts
    const areas = await db.selectFrom('areas').select(['id', 'code']).orderBy('id').execute()
    const byArea = await Promise.all(
      areas.map((a) => cli(...args, '--area', a.code) as unknown as Promise<Counts>),
    )
    expect(all.periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03'])
    // Every demo customer is known by the end of March, each in exactly one area.
    const customers = await db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(all.periods[2]!.total).toBe(Number(customers.n))
    all.periods.forEach((p, i) => {
      expect(byArea.reduce((s, r) => s + r.periods[i]!.total, 0)).toBe(p.total)
      expect(byArea.reduce((s, r) => s + r.periods[i]!.aktif, 0)).toBe(p.aktif)
    })
  })

  it('report collection, payments and receivables --area add up over the areas to the unfiltered figures', async () => {
    const areas = await db.selectFrom('areas').select('code').orderBy('id').execute()
    const figures = async (...extra: string[]) => {
      const c = (await cli(
        'report',
        'collection',
        '--from',
        '2025-02',
        '--to',
        '2025-03',
        ...extra,
      )) as {
        totals: { invoiced: number; collected: number }
      }
      const p = (await cli(
        'report',
        'payments',
        '--from',
        '2025-02-01',
        '--to',
        '2025-03-31',
        ...extra,
      )) as {
        total: { amount: number }
      }
      const r = (await cli('report', 'receivables', '--as-of', AS_OF, ...extra)) as {
        total: number
      }
      return [c.totals.invoiced, c.totals.collected, p.total.amount, r.total]
    }
    const all = await figures()
    expect(all[0]).toBeGreaterThan(0)
    const perArea = await Promise.all(areas.map((a) => figures('--area', a.code)))
    expect(all.map((_, i) => perArea.reduce((s, f) => s + f[i]!, 0))).toEqual(all)
    // Three CLI processes per area and three for all: on CI's two cores beside another test
    // file they outgrew the default 30 s.
  }, 120_000)

  it('report revenue-trend --to gives each month what report revenue gives for it alone', async () => {
    const r = (await cli('report', 'revenue-trend', '--to', '2025-03')) as {
      months: { period: string; amount: number; previousPeriod: string; previousAmount: number }[]
    }
    expect(r.months.map((m) => m.period).slice(-2)).toEqual(['2025-02', '2025-03'])
    for (const m of r.months.slice(-2)) {
      const alone = (await cli('report', 'revenue', '--from', m.period, '--to', m.period)) as {
        total: number
      }
      expect(m.amount).toBe(alone.total)
      expect(m.amount).toBeGreaterThan(0)
    }
  })

  it('report invoices --paid splits the period into paid and unpaid, per service type', async () => {
    type List = { invoices: { number: string }[]; total: number }
    const list = (...extra: string[]) =>
      cli('report', 'invoices', '--period', '2025-02', ...extra) as unknown as Promise<List>
    const [all, paid, unpaid, internet, tv] = await Promise.all([
      list(),
      list('--paid', 'paid'),
      list('--paid', 'unpaid'),
      list('--service', 'broadband'),
      list('--service', 'cable_tv'),
    ])
    expect(paid.invoices.length).toBeGreaterThan(0)
    expect(unpaid.invoices.length).toBeGreaterThan(0)
    expect(paid.total + unpaid.total).toBe(all.total)
    const numbers = (l: List) => l.invoices.map((i) => i.number)
    expect([...numbers(paid), ...numbers(unpaid)].sort()).toEqual(numbers(all).sort())
    expect(internet.invoices.length + tv.invoices.length).toBeGreaterThanOrEqual(
      all.invoices.length,
    )
    const failed = await run(
      process.execPath,
      [
        CLI_ENTRY,
        'report',
        'invoices',
        '--period',
        '2025-02',
        '--paid',
        'maybe',
        '--data-dir',
        dataDir,
        '--json',
      ],
      { cwd: root },
    ).catch((e: { code: number; stdout: string }) => e)
    expect((failed as { code: number }).code).toBe(1)
    expect(JSON.parse((failed as { stdout: string }).stdout)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('refuses a missing period with a validation error', async () => {
    const failed = await run(
      process.execPath,
      [CLI_ENTRY, 'report', 'invoices', '--data-dir', dataDir, '--json'],
      {
        cwd: root,
      },
    ).catch((e: { code: number; stdout: string }) => e)
    expect((failed as { code: number }).code).toBe(1)
    expect(JSON.parse((failed as { stdout: string }).stdout)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})
