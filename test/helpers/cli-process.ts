import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { cliActor } from '@core/audit'
import { createArea, createProduct } from '@core/catalog'
import { systemClock } from '@core/clock'
import { addService, createCustomer } from '@core/customers'
import { customerInput, serviceInput } from '@core/customers/testing'
import { migrateToLatest, openDatabase } from '@core/db'
import { dataDirSecretBox } from '@core/secrets'
import { CLI_ENTRY } from './node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  /** The one JSON object `--json` prints ({} for a human-readable run). */
  json: Record<string, unknown>
}

/**
 * The real CLI (`npm run cli`, bundled: test/helpers/node-entries.ts) in a child process on a data
 * directory: what operators and scripts run. `--json` unless `human` is asked for; a failing
 * command resolves with its code.
 */
export async function runCli(
  dataDir: string,
  args: string[],
  o: { human?: boolean } = {},
): Promise<CliResult> {
  const argv = [CLI_ENTRY, ...args, '--data-dir', dataDir, ...(o.human ? [] : ['--json'])]
  const parse = (stdout: string) =>
    o.human ? {} : (JSON.parse(stdout.trim()) as Record<string, unknown>)
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { cwd: root })
    return { code: 0, stdout, stderr, json: parse(stdout) }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, json: parse(e.stdout) }
  }
}

/** `init` through the CLI: a company and its superadmin in a fresh data directory. */
export async function initCompany(
  dataDir: string,
  company: string,
  admin: { user: string; password: string },
): Promise<void> {
  const init = await runCli(dataDir, [
    'init',
    '--company',
    company,
    '--admin-user',
    admin.user,
    '--admin-password',
    admin.password,
  ])
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`)
}

/**
 * Straight into a data directory the CLI just initialised, through the same core services:
 * area CBG01 and one Rp150.000 PPPoE package (profile 10M), and customers with one service each.
 * Returns each customer's code and PPPoE login.
 */
export async function seedCustomers(
  dataDir: string,
  names: string[],
  o: { routerId?: number } = {},
): Promise<{ code: string; login: string }[]> {
  const db = openDatabase(dataDir)
  try {
    await migrateToLatest(db)
    const actor = { ...cliActor(1), companyId: 1 }
    const deps = { db, clock: systemClock, secrets: dataDirSecretBox(dataDir) }
    const area = await createArea(deps, actor, {
      code: 'CBG01',
      name: 'Cibinong',
      codePattern: '{AREA}-{0000}',
    })
    const product = await createProduct(
      deps,
      actor,
      {
        name: 'Rumah 10',
        serviceType: 'pppoe',
        monthlyPrice: 150_000,
        billingMode: 'prepaid',
        downloadMbps: 10,
        uploadMbps: 10,
        routerProfile: '10M',
        dataCapGb: null,
        fupNote: null,
        taxable: false,
      },
      'Asia/Jakarta',
    )
    const out = []
    for (const name of names) {
      const c = await createCustomer(deps, actor, customerInput(area.id, name))
      const s = await addService(
        deps,
        actor,
        { ...serviceInput(c.id, product.id), ...(o.routerId ? { routerId: o.routerId } : {}) },
        'Asia/Jakarta',
      )
      const { pppoe_username } = await db
        .selectFrom('services')
        .select('pppoe_username')
        .where('id', '=', s.id)
        .executeTakeFirstOrThrow()
      out.push({ code: c.code, login: pppoe_username ?? '' })
    }
    return out
  } finally {
    await db.destroy()
  }
}
