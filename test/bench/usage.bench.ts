import { rmSync } from 'node:fs'
import { startChildHost } from '../helpers/child-host'
import { queueEmpty, seed, SERVICES, startSim } from './isolir-host.bench'
import { initDataDir, report } from './lib'

type Client = ReturnType<Awaited<ReturnType<typeof startChildHost>>['client']>

/**
 * Usage collection for 5,003 PPPoE sessions on one router, the way the office meets it: the host
 * (`serve`) runs the `usage-collect` job (run by hand from "Jadwal & riwayat") against the
 * RouterOS simulator in its own process, 1 ms per command. The first collection sets each
 * session's starting point; then every session moves traffic and the second one is measured,
 * from the button until the run is recorded as done. Target ≤ 3 s.
 */
export async function run(): Promise<void> {
  const sim = await startSim()
  const dataDir = initDataDir('loket-bench-usage-')
  const host = { current: null as Awaited<ReturnType<typeof startChildHost>> | null }
  try {
    seed(dataDir, sim.port)
    host.current = await startChildHost(dataDir)
    const { token } = await host.current.client().auth.login.mutate({
      username: 'owner',
      password: 'Sangat-Rahasia-42',
    })
    const client = host.current.client(token)
    await queueEmpty(client)
    await collect(client)
    const sessions = await sim.traffic()
    const before = await sim.stats()
    const t = performance.now()
    const done = await collect(client)
    const ms = performance.now() - t
    const after = await sim.stats()
    report(
      `usage collection of ${SERVICES} PPPoE sessions on one router through the host`,
      'ms',
      [ms],
      {
        target: '≤ 3000',
        sessions,
        servicesRead: done.counts.services,
        routerCommands: after.total - before.total,
        interfacePrints:
          (after.commands['/interface/print'] ?? 0) - (before.commands['/interface/print'] ?? 0),
      },
    )
  } finally {
    await host.current?.kill9()
    await sim.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Runs `usage-collect` by hand and waits for its recorded run to finish. */
async function collect(client: Client) {
  const { runId } = await client.schedule.runNow.mutate({ job: 'usage-collect' })
  const deadline = Date.now() + 60_000
  for (;;) {
    const run = await client.schedule.run.query({ id: runId })
    if (run.status === 'failed') throw new Error(`usage-collect failed: ${run.error ?? ''}`)
    if (run.status === 'done') return run
    if (Date.now() > deadline) throw new Error('usage-collect still running')
    await new Promise((r) => setTimeout(r, 5))
  }
}
