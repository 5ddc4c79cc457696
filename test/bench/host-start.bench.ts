import { rmSync } from 'node:fs'
import { freePort, initDataDir, report, spawnHost, stopHost, waitHealthy } from './lib'

/** Host cold start: process spawn → first healthy /api/health answer, on an initialised data dir. */
export async function run(): Promise<void> {
  const dataDir = initDataDir('loket-bench-start-')
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
