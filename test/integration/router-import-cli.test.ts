import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliActor } from '../../src/main/core/audit'
import { createArea, createProduct } from '../../src/main/core/catalog'
import { terminateCustomer } from '../../src/main/core/customers'
import { systemClock } from '../../src/main/core/clock'
import { migrateToLatest, openDatabase, type Db } from '../../src/main/core/db'
import { createRouter, RouterPool } from '../../src/main/core/network'
import { dataDirSecretBox } from '../../src/main/core/secrets'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { simRouterInput } from '@core/network/testing'
import { makeDataDir } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

async function cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  try {
    const { stdout } = await run(process.execPath, [CLI_ENTRY, ...args, '--json'], { cwd: root })
    return { code: 0, json: JSON.parse(stdout.trim()) }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    if (!e.stdout?.trim()) throw new Error(e.stderr, { cause: error })
    return { code: e.code, json: JSON.parse(e.stdout.trim()) }
  }
}

let dataDir: string
let sim: RouterSim
const TZ = 'Asia/Jakarta'
const PRODUCT = {
  serviceType: 'pppoe' as const,
  monthlyPrice: 150_000,
  billingMode: 'prepaid' as const,
  downloadMbps: 20,
  uploadMbps: 20,
  dataCapGb: null,
  fupNote: null,
  taxable: false,
}

/** Straight into the data directory, through the same core services (between CLI runs). */
async function inDb<T>(
  fn: (
    db: Db,
    deps: { db: Db; clock: typeof systemClock; secrets: ReturnType<typeof dataDirSecretBox> },
    actor: ReturnType<typeof cliActor> & { companyId: number },
  ) => Promise<T>,
): Promise<T> {
  const db = openDatabase(dataDir)
  try {
    await migrateToLatest(db)
    const deps = { db, clock: systemClock, secrets: dataDirSecretBox(dataDir) }
    return await fn(db, deps, { ...cliActor(1), companyId: 1 })
  } finally {
    await db.destroy()
  }
}
const packageOf = (login: string) =>
  inDb(
    async (db) =>
      (
        await db
          .selectFrom('services as s')
          .innerJoin('products as p', 'p.id', 's.product_id')
          .select('p.name')
          .where('s.pppoe_username', '=', login)
          .where('s.status', '!=', 'putus')
          .executeTakeFirstOrThrow()
      ).name,
  )
const welcomeCount = () =>
  inDb(
    async (db) =>
      (await db.selectFrom('messages').select('id').where('kind', '=', 'welcome').execute()).length,
  )

beforeAll(async () => {
  dataDir = await makeDataDir('loket-router-cli-')
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

  it('welcomes each new active customer once (no number yet: recorded as skipped)', async () => {
    const welcomes = await inDb((db) =>
      db
        .selectFrom('messages')
        .select(['status', 'reason'])
        .where('kind', '=', 'welcome')
        .execute(),
    )
    expect(welcomes).toHaveLength(12)
    expect(welcomes.every((m) => m.status === 'dilewati' && m.reason === 'no_number')).toBe(true)
  }, 60_000)

  it('--packages and --choice decide a package that differs from the router profile', async () => {
    expect((await cli('jobs', 'run', 'device-queue', '--data-dir', dataDir)).code).toBe(0)
    await inDb((_db, deps, actor) =>
      createProduct(deps, actor, { ...PRODUCT, name: 'Rumah 20', routerProfile: '20M' }, TZ),
    )
    sim.state.add('/ppp/profile', { name: '20M', 'rate-limit': '20M/20M' })
    for (const name of ['pel1', 'pel2']) sim.state.find('/ppp/secret', { name })[0]!.profile = '20M'

    const preview = await cli('router', 'import', 'RB-Pusat', '--dry-run', '--data-dir', dataDir)
    expect(preview.json).toMatchObject({ packages: { differ: 2, keepLoket: 2, followRouter: 0 } })
    const done = await cli(
      'router',
      'import',
      'RB-Pusat',
      '--packages',
      'router',
      '--choice',
      'pel2=loket',
      '--data-dir',
      dataDir,
    )
    expect(done).toMatchObject({
      code: 0,
      json: { packages: { differ: 2, keepLoket: 1, followRouter: 1 } },
    })
    expect(await packageOf('pel1')).toBe('Rumah 20')
    expect(await packageOf('pel2')).toBe('10M')
    expect((await cli('jobs', 'run', 'device-queue', '--data-dir', dataDir)).code).toBe(0)
    expect(sim.state.find('/ppp/secret', { name: 'pel2' })[0]!.profile).toBe('10M')
  }, 60_000)

  it('an enabled secret of a putus customer waits for --putus, then is disabled through the queue', async () => {
    await inDb(async (db, deps, actor) => {
      const c = await db
        .selectFrom('customers')
        .select('id')
        .where('code', '=', 'CBG01-0003')
        .executeTakeFirstOrThrow()
      await terminateCustomer(deps, actor, { customerId: c.id, reason: 'Berhenti' }, TZ)
    })
    expect((await cli('jobs', 'run', 'device-queue', '--data-dir', dataDir)).code).toBe(0)
    // Someone enables the secret again by hand (Winbox): the customer would surf unbilled.
    sim.state.find('/ppp/secret', { name: 'pel3' })[0]!.disabled = 'false'

    const refused = await cli('router', 'import', 'RB-Pusat', '--data-dir', dataDir)
    expect(refused).toMatchObject({
      code: 1,
      json: { ok: false, error: { code: 'ROUTER_IMPORT_UNDECIDED', details: { logins: 'pel3' } } },
    })
    const done = await cli(
      'router',
      'import',
      'RB-Pusat',
      '--putus',
      'disable',
      '--data-dir',
      dataDir,
    )
    expect(done).toMatchObject({ code: 0, json: { services: 0, putus: { disable: 1 } } })
    expect((await cli('jobs', 'run', 'device-queue', '--data-dir', dataDir)).code).toBe(0)
    expect(sim.state.find('/ppp/secret', { name: 'pel3' })[0]!.disabled).toBe('true')
  }, 60_000)

  it('demo data does not flood the outbox with welcome messages', async () => {
    const before = await welcomeCount()
    const demo = await cli(
      'demo-data',
      '--customers',
      '15',
      '--seed',
      'sepi',
      '--data-dir',
      dataDir,
    )
    expect(demo.code).toBe(0)
    expect(await welcomeCount()).toBe(before)
  }, 60_000)

  it('an unknown router is a clear error', async () => {
    const missing = await cli('router', 'import', 'Tidak-Ada', '--data-dir', dataDir)
    expect(missing.code).toBe(1)
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  }, 60_000)
})
