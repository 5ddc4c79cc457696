/**
 * npm run sim:routeros -- --port 18728 [--latency 1] [--user admin --password admin] [--legacy]
 *                         [--tls] [--secrets N] [--identity NAME] [--version '6.49.10 (long-term)']
 *                         [--dial-in]
 *
 * Runs the RouterOS API simulator on 127.0.0.1 until SIGINT/SIGTERM. `--secrets N` seeds N PPPoE
 * secrets over a few profiles (plus an ISOLIR profile), with about two thirds of them online.
 * `--dial-in`: customers' modems come online when their secret is added and dial in again after
 * a kick. SIGUSR2 prints one JSON line of what the router was asked (benchmarks read it).
 * SIGUSR1: every online PPPoE session moves some traffic (a few MB up, tens of MB down), then one
 * JSON line `{"traffic": sessions}` is printed.
 */
import { parseArgs } from 'node:util'
import { seedDemo } from './demo.js'
import { startRouterSim, type RouterSim } from './index.js'

/** What the router was asked, per command, and what it holds: for benchmarks in another process. */
function simStats(sim: RouterSim) {
  const commands: Record<string, number> = {}
  /** Rows addressed per command: `=.id=*1,*2,*3` is one command for three rows. */
  const ids: Record<string, number> = {}
  for (const c of sim.commands) {
    commands[c.command] = (commands[c.command] ?? 0) + 1
    const ref = c.attrs['.id'] ?? c.attrs.numbers
    if (ref) ids[c.command] = (ids[c.command] ?? 0) + ref.split(',').length
  }
  const profiles: Record<string, number> = {}
  for (const s of sim.state.table('/ppp/secret'))
    profiles[s.profile ?? ''] = (profiles[s.profile ?? ''] ?? 0) + 1
  return {
    commands,
    total: sim.commands.length,
    ids,
    kicked: sim.kicked.length,
    online: sim.state.table('/ppp/active').length,
    profiles,
    connections: sim.acceptedCount(),
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8728' },
      latency: { type: 'string', default: '0' },
      user: { type: 'string', default: 'admin' },
      password: { type: 'string', default: 'admin' },
      legacy: { type: 'boolean', default: false },
      tls: { type: 'boolean', default: false },
      secrets: { type: 'string', default: '0' },
      identity: { type: 'string' },
      version: { type: 'string' },
      'dial-in': { type: 'boolean', default: false },
    },
    strict: true,
  })
  const sim = await startRouterSim({
    port: Number(values.port),
    latencyMs: Number(values.latency),
    users: [{ name: values.user, password: values.password }],
    legacyLogin: values.legacy,
    tls: values.tls,
    ...(values.identity !== undefined ? { identity: values.identity } : {}),
    ...(values.version !== undefined ? { version: values.version } : {}),
  })
  seedDemo(sim, Number(values.secrets))
  sim.knobs.dialIn = values['dial-in']
  process.on('SIGUSR2', () => console.log(JSON.stringify(simStats(sim))))
  process.on('SIGUSR1', () => {
    const sessions = sim.state.table('/ppp/active')
    sessions.forEach((s, i) => {
      const mb = 1 + (i % 7)
      sim.state.addSessionTraffic(s.name ?? '', mb * 1_000_000, mb * 9_000_000)
    })
    console.log(JSON.stringify({ traffic: sessions.length }))
  })
  console.log(`RouterOS simulator listening on ${sim.host}:${sim.port} (user ${values.user})`)
  const stop = (): void => {
    void sim.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
