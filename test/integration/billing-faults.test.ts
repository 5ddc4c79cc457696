import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql, type RawBuilder } from 'kysely'
import { openDatabase } from '@core/db'
import { afterEach, describe, expect, it } from 'vitest'
import { startChildHost } from '../helpers/child-host'
import { makeDataDir, onPostgres, rowsIn, sqliteIntegrity } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

/**
 * Faults with real processes: the host killed with SIGKILL (kill -9) in the middle of an invoice
 * run of 50,000 services, and right after it acknowledged a payment.
 */
const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }

async function cli(dataDir: string, ...args: string[]) {
  const { stdout } = await run(
    process.execPath,
    [CLI_ENTRY, ...args, '--data-dir', dataDir, '--json'],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  return JSON.parse(stdout.trim()) as Record<string, unknown>
}

const count = async (dataDir: string, query: RawBuilder<{ n: number }>) =>
  Number((await rowsIn(dataDir, query))[0]!.n)

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function dataDirWithCustomers(customers: number) {
  const dataDir = await makeDataDir('loket-fault-')
  dirs.push(dataDir)
  await cli(
    dataDir,
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    OWNER.username,
    '--admin-password',
    OWNER.password,
  )
  await cli(dataDir, 'demo-data', '--customers', String(customers))
  return dataDir
}

describe('crash in the middle of an invoice run (kill -9 of the host, 50,000 services)', () => {
  it('leaves whole batches only; the next run completes without duplicates; integrity ok', async () => {
    const dataDir = await dataDirWithCustomers(50_000)
    const expected = (await cli(
      dataDir,
      'billing',
      'run',
      '--period',
      '2026-12',
      '--as-of',
      '2026-12-01',
      '--dry-run',
    )) as {
      invoices: number
    }
    const host = await startChildHost(dataDir)
    try {
      const { token } = await host.client().auth.login.mutate(OWNER)
      void host
        .client(token)
        .billing.runPeriod.mutate({ period: '2026-12', asOf: '2026-12-01' })
        .catch(() => undefined)
      // Kill as soon as the first batches are committed, while the run is still going.
      const db = openDatabase(dataDir)
      try {
        const deadline = Date.now() + 60_000
        for (;;) {
          const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM invoices`.execute(db)
          if (Number(rows[0]!.n) > 0) break
          if (Date.now() > deadline) throw new Error(`no invoice written:\n${host.output()}`)
          await new Promise((r) => setTimeout(r, 5))
        }
      } finally {
        await db.destroy()
      }
      await host.kill9()
    } finally {
      await host.kill9()
    }

    if (!onPostgres) expect(sqliteIntegrity(dataDir)).toBe('ok')
    const partial = await count(
      dataDir,
      sql`SELECT count(*) AS n FROM invoices WHERE status = 'issued'`,
    )
    // Either nothing or whole batches; never a draft left behind, never an invoice without lines.
    expect(partial).toBeLessThan(expected.invoices)
    expect(
      await count(dataDir, sql`SELECT count(*) AS n FROM invoices WHERE status = 'draft'`),
    ).toBe(0)
    expect(
      await count(
        dataDir,
        sql`SELECT count(*) AS n FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)`,
      ),
    ).toBe(0)

    const resumed = (await cli(
      dataDir,
      'billing',
      'run',
      '--period',
      '2026-12',
      '--as-of',
      '2026-12-01',
    )) as {
      invoices: number
    }
    expect(partial + resumed.invoices).toBe(expected.invoices)
    expect(await count(dataDir, sql`SELECT count(*) AS n FROM invoices`)).toBe(expected.invoices)
    // One recurring line per service and period, numbers unique and gapless 1..N.
    expect(
      await count(
        dataDir,
        sql`SELECT count(*) AS n FROM (SELECT service_id FROM billed_periods GROUP BY service_id, period_start HAVING count(*) > 1) AS twice`,
      ),
    ).toBe(0)
    const numbers = await rowsIn(
      dataDir,
      sql<{ number: string }>`SELECT number FROM invoices ORDER BY number`,
    )
    expect(numbers.map((r) => Number(r.number.slice(-6)))).toEqual(
      Array.from({ length: expected.invoices }, (_, i) => i + 1),
    )
    if (!onPostgres) expect(sqliteIntegrity(dataDir)).toBe('ok')
  }, 240_000)
})

describe('an acknowledged payment survives kill -9 right after the answer', () => {
  it('is on disk with its receipt number and allocations', async () => {
    const dataDir = await dataDirWithCustomers(200)
    await cli(dataDir, 'billing', 'run', '--period', '2026-12', '--as-of', '2026-12-01')
    const [open] = await rowsIn(
      dataDir,
      sql<{
        c: number
        total: number
      }>`SELECT customer_id AS c, total FROM invoices WHERE payment_status = 'belum_bayar' ORDER BY id LIMIT 1`,
    )
    if (!open) throw new Error('the run left no unpaid invoice')
    const customerId = open.c
    const host = await startChildHost(dataDir)
    let receipt: string
    try {
      const { token } = await host.client().auth.login.mutate(OWNER)
      const paid = await host.client(token).payments.record.mutate({
        customerId: open.c,
        amount: open.total,
        method: 'cash',
        invoiceId: null,
      })
      receipt = paid.number
      await host.kill9()
    } finally {
      await host.kill9()
    }
    const [row] = await rowsIn(
      dataDir,
      sql<{
        number: string
      }>`SELECT number, amount FROM payments WHERE customer_id = ${customerId}`,
    )
    expect(row?.number).toBe(receipt)
    expect(
      await count(
        dataDir,
        sql`SELECT count(*) AS n FROM invoices WHERE customer_id = ${customerId} AND payment_status = 'lunas'`,
      ),
    ).toBe(1)
    if (!onPostgres) expect(sqliteIntegrity(dataDir)).toBe('ok')
  }, 120_000)
})
