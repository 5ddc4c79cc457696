import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/main/core/audit'
import { createArea } from '../../src/main/core/catalog'
import { systemClock } from '../../src/main/core/clock'
import { migrateToLatest, openDatabase } from '../../src/main/core/db'
import { createRouter, RouterPool } from '../../src/main/core/network'
import { dataDirSecretBox } from '../../src/main/core/secrets'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { simRouterInput } from '@core/network/testing'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')
/** LOKET_CLI lets the test run against another entry point while cli.ts is being assembled. */
const entry = process.env.LOKET_CLI ?? 'src/main/cli.ts'

async function cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(tsx, [entry, ...args, '--json'], { cwd: root })
    return { code: 0, json: JSON.parse(stdout.trim()) }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    if (!e.stdout?.trim()) throw new Error(e.stderr, { cause: error })
    return { code: e.code, json: JSON.parse(e.stdout.trim()) }
  }
}

let dataDir: string
let sim: RouterSim

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'loket-router-cli-'))
  sim = await startRouterSim({ port: 0 })
  sim.state.add('/ppp/profile', { name: '10M', 'rate-limit': '10M/10M' })
  sim.state.add('/ppp/profile', { name: 'ISOLIR', 'rate-limit': '256k/256k' })
  for (let i = 1; i <= 12; i++)
    sim.state.add('/ppp/secret', {
      name: `pel${i}`,
      password: `pw${i}`,
      service: 'pppoe',
      profile: '10M',
      comment: `CBG01-${String(i).padStart(4, '0')}`,
    })
  sim.state.add('/ppp/secret', { name: 'rudi', profile: 'ISOLIR' })

  const init = await cli(
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
    '--data-dir',
    dataDir,
  )
  expect(init.code).toBe(0)
  // `router add` is another command's business: the router row is made the way it makes it.
  const db = openDatabase(dataDir)
  try {
    await migrateToLatest(db)
    const actor = { ...cliActor(1), companyId: 1 }
    const deps = {
      db,
      clock: systemClock,
      secrets: dataDirSecretBox(dataDir),
      routers: new RouterPool(),
    }
    await createArea(deps, actor, { code: 'CBG01', name: 'Cibinong', codePattern: '{AREA}-{0000}' })
    await createRouter(deps, actor, simRouterInput(sim.port, 'RB-Pusat'))
  } finally {
    await db.destroy()
  }
}, 60_000)

afterAll(async () => {
  await sim?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run cli -- router import', () => {
  it('--dry-run shows what would be created and writes nothing', async () => {
    const preview = await cli('router', 'import', 'RB-Pusat', '--dry-run', '--data-dir', dataDir)
    expect(preview.code).toBe(0)
    expect(preview.json).toMatchObject({
      ok: true,
      dryRun: true,
      router: { name: 'RB-Pusat' },
      customers: 12,
      services: 12,
      linked: 0,
      needsArea: true,
      skipped: [{ name: 'rudi', kind: 'pppoe', reason: 'isolir_unknown_package' }],
      products: [{ name: '10M', profile: '10M', downloadMbps: 10 }],
    })
  }, 60_000)

  it('imports into the area given, then a second run adds nothing', async () => {
    const first = await cli(
      'router',
      'import',
      'RB-Pusat',
      '--area',
      'cbg01',
      '--data-dir',
      dataDir,
    )
    expect(first.code).toBe(0)
    expect(first.json).toMatchObject({
      ok: true,
      dryRun: false,
      customers: 12,
      services: 12,
      codes: { first: 'CBG01-0001', last: 'CBG01-0012' },
    })
    const again = await cli(
      'router',
      'import',
      'RB-Pusat',
      '--area',
      'CBG01',
      '--data-dir',
      dataDir,
    )
    expect(again.json).toMatchObject({ ok: true, customers: 0, services: 0, existing: 12 })
  }, 60_000)

  it('an unknown router is a clear error', async () => {
    const missing = await cli('router', 'import', 'Tidak-Ada', '--data-dir', dataDir)
    expect(missing.code).toBe(1)
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  }, 60_000)
})
