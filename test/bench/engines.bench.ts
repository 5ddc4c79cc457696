import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { openDatabase, openPostgres, type Db } from '@core/db'
import { createPostgresDatabase } from '@core/db/test-db'
import { postgresBin, startPostgresCluster } from '../../scripts/postgres-cluster.mjs'
import { addThreeYears, bill, demoDataDir, recordPayment, withHostDb } from './billing.bench'
import { search } from './customers.bench'
import { ROOT, report } from './lib'

/**
 * `npm run bench -- engines`: the same work on SQLite and on PostgreSQL in one run — the invoice
 * run at 50,000 services, a cashier's payment over HTTP at 50,000 customers × 3 years, and the
 * counter's search over HTTP. The PostgreSQL company is the SQLite one moved with
 * `db move-to-postgres`, on a throwaway cluster on 127.0.0.1 (or LOKET_BENCH_POSTGRES, a URL to
 * a server's maintenance database). Target: PostgreSQL within 2× of SQLite on each figure.
 */
export async function run(): Promise<void> {
  const given = process.env.LOKET_BENCH_POSTGRES
  if (!given && !postgresBin()) {
    console.log(JSON.stringify({ bench: 'engines', skipped: 'no PostgreSQL installed' }))
    return
  }
  const cluster = given ? null : await startPostgresCluster()
  const server = given ?? cluster!.url
  const sqliteDir = demoDataDir(50_000)
  const postgresDir = mkdtempSync(path.join(tmpdir(), 'loket-bench-pg-'))
  try {
    cpSync(sqliteDir, postgresDir, { recursive: true })
    const moved = await createPostgresDatabase(server, `loket_bench_${Date.now().toString(36)}`)
    const t = performance.now()
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main/cli.ts',
        'db',
        'move-to-postgres',
        '--data-dir',
        postgresDir,
        '--database',
        moved,
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    console.log(
      JSON.stringify({
        bench: 'move_to_postgres_50000_customers',
        unit: 'ms',
        ms: Math.round(performance.now() - t),
      }),
    )

    const runs = { sqlite: [] as number[], postgres: [] as number[] }
    for (let i = 0; i < 3; i++) {
      // SQLite: a copy of the file. PostgreSQL: a copy of the moved database (TEMPLATE).
      const copy = mkdtempSync(path.join(tmpdir(), 'loket-bench-run-'))
      cpSync(path.join(sqliteDir, 'loket.sqlite'), path.join(copy, 'loket.sqlite'))
      runs.sqlite.push(await timedRun(openDatabase(copy, { url: null })))
      rmSync(copy, { recursive: true, force: true })
      const name = `${new URL(moved).pathname.slice(1)}_run${i}`
      const url = await createPostgresDatabase(server, name, new URL(moved).pathname.slice(1))
      runs.postgres.push(await timedRun(openPostgres(url)))
      await dropDatabase(server, name)
    }
    report('engines_invoice_run_50000_sqlite', 'ms', runs.sqlite)
    report('engines_invoice_run_50000_postgres', 'ms', runs.postgres, {
      ratio: ratio(runs.postgres, runs.sqlite),
      target_ratio: 2,
    })

    await addThreeYears(sqliteDir)
    await addThreeYears(postgresDir)
    await recordPayment(sqliteDir, 'engines_payment_http_50000_3y_sqlite')
    await recordPayment(postgresDir, 'engines_payment_http_50000_3y_postgres')
    await search(sqliteDir, 'engines_counter_search_http_50000_sqlite')
    await search(postgresDir, 'engines_counter_search_http_50000_postgres')
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true })
    rmSync(postgresDir, { recursive: true, force: true })
    cluster?.stop()
  }
}

async function timedRun(db: Db): Promise<number> {
  return withHostDb(db, async () => {
    const t = performance.now()
    await bill(db, '2026-12')
    return performance.now() - t
  })
}

async function dropDatabase(server: string, name: string): Promise<void> {
  const admin = openPostgres(server, { max: 1 })
  await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin)
  await admin.destroy()
}

function ratio(a: number[], b: number[]): number {
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
  return Math.round((median(a) / median(b)) * 100) / 100
}
