import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { startChildHost } from '../helpers/child-host'
import { freePort, initDataDir, report, ROOT } from './lib'

export const SERVICES = 5003
const LATENCY_MS = 1

type SimStats = {
  commands: Record<string, number>
  total: number
  ids: Record<string, number>
  kicked: number
  online: number
  profiles: Record<string, number>
}

/**
 * Isolir of 5,003 PPPoE services the way an operator meets it: the host (`serve`) running with
 * its own device worker, the RouterOS simulator in a process of its own that works through each
 * connection's commands in order, 1 ms each, and the customers' modems dialling in again after a
 * kick. Measured from the batch call until the router queue is empty, once with nobody touching
 * the queue and once with "Terapkan sekarang" pressed while the worker is at it (which must
 * neither apply a job twice nor fail one).
 */
export async function run(): Promise<void> {
  for (const button of [false, true]) await scenario(button)
}

async function scenario(button: boolean): Promise<void> {
  const sim = await startSim()
  const dataDir = initDataDir('loket-bench-isolir-host-')
  const host = { current: null as Awaited<ReturnType<typeof startChildHost>> | null }
  try {
    seed(dataDir, sim.port)
    host.current = await startChildHost(dataDir)
    const api = host.current.client()
    const { token } = await api.auth.login.mutate({
      username: 'owner',
      password: 'Sangat-Rahasia-42',
    })
    const client = host.current.client(token)
    const label = button ? ', "Terapkan sekarang" pressed mid-run' : ''

    // The import queued one job per service: the host's worker provisions them on its own.
    let t = performance.now()
    if (button) void client.network.runQueue.mutate({ routerId: null })
    await queueEmpty(client)
    const provisioned = await sim.stats()
    report(
      `provision ${SERVICES} imported PPPoE services through the host${label}`,
      'ms',
      [performance.now() - t],
      {
        adds: provisioned.commands['/ppp/secret/add'] ?? 0,
        sets: provisioned.commands['/ppp/secret/set'] ?? 0,
        online: provisioned.online,
        commands: provisioned.total,
        failedJobs: (await client.network.jobCounts.query()).failed,
      },
    )

    const serviceIds = activeServiceIds(dataDir)
    t = performance.now()
    const batch = client.network.isolir.mutate({
      action: 'isolir',
      serviceIds,
      reason: 'bench',
    })
    if (button) {
      // The operator presses the button as soon as the batch is in and again while it runs.
      await batch
      await Promise.all([client.network.runQueue.mutate({ routerId: null }), queueEmpty(client)])
    }
    const changed = (await batch).changed
    await queueEmpty(client)
    const ms = performance.now() - t
    const after = await sim.stats()
    const counts = await client.network.jobCounts.query()
    const delta = (what: 'commands' | 'ids', command: string) =>
      (after[what][command] ?? 0) - (provisioned[what][command] ?? 0)
    report(`isolir ${SERVICES} services through the host and its worker${label}`, 'ms', [ms], {
      target: '≤ 5000',
      changed,
      isolatedOnRouter: after.profiles.ISOLIR ?? 0,
      setCommands: delta('commands', '/ppp/secret/set'),
      secretsSet: delta('ids', '/ppp/secret/set'),
      kickCommands: delta('commands', '/ppp/active/remove'),
      kicked: after.kicked - provisioned.kicked,
      commands: after.total - provisioned.total,
      failedJobs: counts.failed,
      latencyMs: LATENCY_MS,
    })
  } finally {
    await host.current?.kill9()
    await sim.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function queueEmpty(
  client: ReturnType<Awaited<ReturnType<typeof startChildHost>>['client']>,
) {
  const deadline = Date.now() + 120_000
  for (;;) {
    const { pending } = await client.network.jobCounts.query()
    if (pending === 0) return
    if (Date.now() > deadline) throw new Error(`router queue still has ${pending} jobs`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

function activeServiceIds(dataDir: string): number[] {
  const db = new Database(path.join(dataDir, 'loket.sqlite'), { readonly: true })
  try {
    return (
      db.prepare("SELECT id FROM services WHERE status = 'aktif' ORDER BY id").all() as {
        id: number
      }[]
    ).map((r) => r.id)
  } finally {
    db.close()
  }
}

/** A router, one area, one package whose profile the router has, and the customers, via the CLI. */
export function seed(dataDir: string, simPort: number): void {
  const cli = (...args: string[]) =>
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/main/cli.ts', ...args, '--data-dir', dataDir, '--json'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    )
  cli(
    'router',
    'add',
    '--name',
    'Bench',
    '--host',
    '127.0.0.1',
    '--port',
    String(simPort),
    '--user',
    'admin',
    '--password',
    'admin',
  )
  const file = (name: string, text: string) => {
    const f = path.join(dataDir, name)
    writeFileSync(f, text)
    return f
  }
  cli('import', 'areas', file('areas.csv', 'kode;nama\nBNC01;Bench\n'))
  cli(
    'import',
    'products',
    file(
      'paket.csv',
      'nama;tipe_layanan;harga;prabayar;unduh_mbps;unggah_mbps;profil_router\n' +
        'Bench 10 Mbps;pppoe;150000;ya;10;10;10M\n',
    ),
  )
  const rows = Array.from(
    { length: SERVICES },
    (_, i) => `Pelanggan ${i + 1};BNC01;Bench 10 Mbps;01/11/2026;aktif`,
  )
  cli(
    'import',
    'customers',
    file('pelanggan.csv', `nama;area;paket;tanggal_aktif;status\n${rows.join('\n')}\n`),
  )
}

/** The RouterOS simulator as its own process (`npm run sim:routeros`), modems dialling in. */
export async function startSim(): Promise<{
  port: number
  stats: () => Promise<SimStats>
  traffic: () => Promise<number>
  stop: () => Promise<void>
}> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/sim/routeros/cli.ts',
      '--port',
      String(port),
      '--latency',
      String(LATENCY_MS),
      '--dial-in',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  const deadline = Date.now() + 30_000
  while (!out.includes('listening')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`simulator: ${out}`)
    await new Promise((r) => setTimeout(r, 10))
  }
  /** Signals the simulator and reads the one JSON line it prints in answer. */
  const answer = async (signal: NodeJS.Signals): Promise<unknown> => {
    const seen = out.length
    child.kill(signal)
    while (!out.slice(seen).includes('\n')) await new Promise((r) => setTimeout(r, 5))
    return JSON.parse(out.slice(seen).split('\n')[0]!)
  }
  return {
    port,
    stats: async () => (await answer('SIGUSR2')) as SimStats,
    /** Every online session moves some traffic; answers how many sessions did. */
    traffic: async () => ((await answer('SIGUSR1')) as { traffic: number }).traffic,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}
