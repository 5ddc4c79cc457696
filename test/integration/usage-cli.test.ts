import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dateInZone } from '@shared/dates'
import { runCli, seedCustomers } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'
import { startRouterSim, type RouterSim } from '../sim/routeros'

const cli = (...args: string[]) => runCli(dataDir, args)
const MB = 1_000_000

let dataDir: string
let sim: RouterSim

beforeAll(async () => {
  dataDir = await makeDataDir('loket-usage-cli-')
  sim = await startRouterSim({ port: 0 })
  const init = await cli(
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  )
  expect(init.code).toBe(0)
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

describe('usage from the CLI', () => {
  it('usage collect reads the router, report usage shows the month per service', async () => {
    const [budi, siti] = await seedCustomers(dataDir, ['Budi Santoso', 'Siti Aminah'], {
      routerId: 1,
    })
    sim.state.setOnline([{ name: budi!.login }, { name: siti!.login }])
    expect((await cli('usage', 'collect')).code).toBe(0)
    sim.state.addSessionTraffic(budi!.login, 3 * MB, 40 * MB)
    sim.state.addSessionTraffic(siti!.login, 1 * MB, 2 * MB)

    const collected = await cli('usage', 'collect')

    expect(collected).toMatchObject({
      code: 0,
      json: {
        routers: [
          { router: 'POP Utama', read: 2, offline: 0, uploadBytes: 4 * MB, downloadBytes: 42 * MB },
        ],
        problems: [],
      },
    })
    const period = dateInZone(new Date(), 'Asia/Jakarta').slice(0, 7)
    const report = await cli('report', 'usage', '--period', period)
    expect(report.code).toBe(0)
    const json = report.json as {
      services: { customerCode: string; downloadBytes: number }[]
      totals: { totalBytes: number }
    }
    expect(json.services.map((s) => [s.customerCode, s.downloadBytes])).toEqual([
      [budi!.code, 40 * MB],
      [siti!.code, 2 * MB],
    ])
    expect(json.totals.totalBytes).toBe(46 * MB)
  })

  it('report usage refuses a period that is not YYYY-MM', async () => {
    const r = await cli('report', 'usage', '--period', '2026-13')
    expect(r).toMatchObject({ code: 1, json: { ok: false, error: { code: 'VALIDATION' } } })
  })
})
