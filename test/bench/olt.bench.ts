import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { initDataDir, report, ROOT, withOwnerHost } from './lib'

const ONUS = 2048
const RUNS = 5

/** The OLT simulator in its own process (npm run sim:olt), and the agent it printed. */
async function startSim() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/sim/olt/cli.ts', '--vendor', 'zte-1012', '--onus', String(ONUS)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const lines = createInterface({ input: child.stdout! })
  for await (const line of lines) {
    if (!line.startsWith('{')) continue
    const { agents } = JSON.parse(line) as { agents: { port: number; community: string }[] }
    return { child, agent: agents[0]! }
  }
  throw new Error('OLT simulator exited before it listened')
}

const cli = (dataDir: string, args: string[]) =>
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli.ts', ...args, '--data-dir', dataDir, '--json'],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).toString()

/**
 * The ONU list of an OLT with 2,048 ONUs (ZTE C320, 32 PON ports), the simulator in its own
 * process: through the host's API (`olt.poll` walks the three tables and stores them, then
 * `olt.onus` reads the list the page shows), and through the CLI (`olt onus NAME --json`, a
 * whole process start included). Target ≤ 2 s.
 */
export async function run(): Promise<void> {
  const { child, agent } = await startSim()
  const dataDir = initDataDir('loket-bench-olt-')
  try {
    cli(dataDir, [
      'olt',
      'add',
      '--name',
      'OLT Bench',
      '--vendor',
      'zte-1012',
      '--host',
      '127.0.0.1',
      '--port',
      String(agent.port),
      '--community',
      agent.community,
    ])
    const samples: number[] = []
    let listed = 0
    await withOwnerHost(dataDir, async (api) => {
      const [olt] = await api.olt.list.query()
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now()
        await api.olt.poll.mutate({ id: olt!.id })
        const list = await api.olt.onus.query({ oltId: olt!.id, filter: 'all', search: '' })
        samples.push(performance.now() - started)
        listed = list.onus.length
      }
    })
    if (listed !== ONUS) throw new Error(`listed ${listed} ONUs, expected ${ONUS}`)
    const cliStarted = performance.now()
    const out = JSON.parse(cli(dataDir, ['olt', 'onus', 'OLT Bench'])) as {
      total: number
      ms: number
    }
    const cliMs = performance.now() - cliStarted
    report('olt-onu-list-2048-host', 'ms', samples, {
      onus: listed,
      target: 2000,
      cliWholeCommandMs: Math.round(cliMs),
      cliPollMs: out.ms,
    })
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
    rmSync(dataDir, { recursive: true, force: true })
  }
}
