import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { addThreeYears, demoDataDir, timedPayment, unpaidCustomers } from './billing.bench'
import { report, withOwnerHost } from './lib'

/**
 * The counter while a backup runs (issue 15): a cashier takes payments one after another while
 * the owner starts "Buat backup sekarang" on the same host, on 50,000 customers × 3 years.
 * Reports the payment's p50/p95 before the backup and during it, and the backup's own time.
 *
 * `BENCH_TAIL=1` also prints the slowest payments with the backup's stage when each started.
 * `LOKET_BENCH_BASE=DIR` reuses a data directory prepared earlier by this bench (it is copied,
 * never changed); without it the base is built first (several minutes).
 */
export async function run(): Promise<void> {
  const prepared = process.env.LOKET_BENCH_BASE
  const base = prepared ?? demoDataDir(50_000)
  if (!prepared) await addThreeYears(base)
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'loket-bench-backup-')), 'data')
  cpSync(base, dataDir, { recursive: true })
  if (!prepared) rmSync(base, { recursive: true, force: true })
  try {
    await duringBackup(dataDir)
  } finally {
    rmSync(path.dirname(dataDir), { recursive: true, force: true })
  }
}

async function duringBackup(dataDir: string): Promise<void> {
  const customers = await unpaidCustomers(dataDir, 5000)
  await withOwnerHost(dataDir, async (api) => {
    let next = 0
    const pay = () => {
      const c = customers[next++]
      if (!c) throw new Error('the bench ran out of unpaid customers')
      return timedPayment(api, c)
    }

    const quiet: number[] = []
    for (let i = 0; i < 200; i++) quiet.push(await pay())
    report('payment_record_http_50000_customers_3y_quiet', 'ms', quiet)

    // The owner's backup, with a passphrase as the page asks for one; the cashier goes on.
    const started = performance.now()
    await api.backups.create.mutate({ passphrase: 'Bench-Backup-Passphrase-2026' })
    let running = true
    let stage = ''
    const stages: string[] = []
    const watcher = (async () => {
      while (running) {
        const view = await api.backups.progress.query()
        stage = view?.stage ?? ''
        if (view && view.status !== 'running') {
          if (view.status === 'failed') throw new Error(`backup failed: ${view.problem}`)
          running = false
          break
        }
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const during: number[] = []
    while (running) {
      const at = stage
      during.push(await pay())
      stages.push(at)
    }
    await watcher
    const backupMs = performance.now() - started
    if (process.env.BENCH_TAIL)
      console.log(
        during
          .map((d, k) => [d, stages[k]] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, 12)
          .map(([d, s]) => `${Math.round(d)}:${s}`)
          .join(' '),
      )
    report('payment_record_http_during_backup_50000_customers_3y', 'ms', during, {
      backup_ms: Math.round(backupMs),
    })
  })
}
