/**
 * npm run sim:routeros -- --port 18728 [--latency 1] [--user admin --password admin] [--legacy]
 *                         [--tls] [--secrets N] [--identity NAME] [--version '6.49.10 (long-term)']
 *
 * Runs the RouterOS API simulator on 127.0.0.1 until SIGINT/SIGTERM. `--secrets N` seeds N PPPoE
 * secrets over a few profiles (plus an ISOLIR profile), with about two thirds of them online.
 */
import { parseArgs } from 'node:util'
import { seedDemo } from './demo.js'
import { startRouterSim } from './index.js'

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
