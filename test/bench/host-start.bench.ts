import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT, freePort, report, spawnHost, stopHost, waitHealthy } from './lib'

/** Host cold start: process spawn → first healthy /api/health answer, on an initialised data dir. */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-bench-start-'))
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/cli.ts',
      'init',
      '--company',
      'Bench Net',
      '--admin-user',
      'owner',
      '--admin-password',
      'Sangat-Rahasia-42',
      '--data-dir',
      dataDir,
      '--json',
    ],
    { cwd: ROOT },
  )
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    const port = await freePort()
    const started = performance.now()
    const child = spawnHost(dataDir, port)
    await waitHealthy(port)
    samples.push(performance.now() - started)
    await stopHost(child)
  }
  rmSync(dataDir, { recursive: true, force: true })
  report('host_cold_start_to_healthy', 'ms', samples)
}
