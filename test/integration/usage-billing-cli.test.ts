import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths, calendarDate, dateInZone } from '@shared/dates'
import { openDatabase } from '@core/db'
import { initCompany, runCli, seedCustomers } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'
import { startRouterSim, type RouterSim } from '../sim/routeros'

/**
 * Rule 17 end to end: counters read from the router (`usage collect`) become an invoice line of
 * the next month's `billing run`, once.
 */

const cli = (...args: string[]) => runCli(dataDir, args)
const MB = 1_000_000

let dataDir: string
let sim: RouterSim

beforeAll(async () => {
  dataDir = await makeDataDir('loket-usage-billing-')
  sim = await startRouterSim({ port: 0 })
  await initCompany(dataDir, 'Net Jaya', { user: 'owner', password: 'Sangat-Rahasia-42' })
  const router = await cli(
    'router',
    'add',
    '--name',
    'POP Utama',
    '--host',
    '127.0.0.1',
    '--port',
    String(sim.port),
    '--user',
    'admin',
    '--password',
    'admin',
  )
  expect(router.code).toBe(0)
}, 120_000)
afterAll(async () => {
  await sim.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('usage billing from the CLI', () => {
  it('collected usage is billed on next month’s run: 12,35 GB × Rp1.250 = Rp15.438, once', async () => {
    const [budi] = await seedCustomers(dataDir, ['Budi Santoso'], { routerId: 1 })
    // The seeded package made pay-as-you-go: Rp1.250 per GB of all usage on top of its price
    // (what the package form saves; the form is another task's).
    const db = openDatabase(dataDir)
    try {
      await db.updateTable('products').set({ usage_gb_price: 1250 }).execute()
    } finally {
      await db.destroy()
    }
    sim.state.setOnline([{ name: budi!.login }])
    expect((await cli('usage', 'collect')).code).toBe(0)
    sim.state.addSessionTraffic(budi!.login, 345 * MB, 12_000 * MB)
    expect((await cli('usage', 'collect')).code).toBe(0)

    const month = dateInZone(new Date(), 'Asia/Jakarta').slice(0, 7)
    const next = addMonths(calendarDate(`${month}-01`), 1)
    const run = () => cli('billing', 'run', '--period', next.slice(0, 7), '--as-of', next)
    expect(await run()).toMatchObject({ code: 0, json: { invoices: 1, total: 150_000 + 15_438 } })
    expect(await run()).toMatchObject({ code: 0, json: { invoices: 0, total: 0 } })

    const check = openDatabase(dataDir)
    try {
      const lines = await check
        .selectFrom('invoice_lines')
        .select(['kind', 'description', 'amount', 'period_start'])
        .where('kind', '=', 'usage')
        .execute()
      expect(lines).toEqual([
        {
          kind: 'usage',
          description: expect.stringMatching(/^Pemakaian 12,35 GB × Rp1\.250 — \S+ \d{4}$/),
          amount: 15_438,
          period_start: `${month}-01`,
        },
      ])
    } finally {
      await check.destroy()
    }
  })
})
