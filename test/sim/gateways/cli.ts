/**
 * tsx test/sim/gateways/cli.ts [--only tripay,midtrans] [--port-offset N]
 *
 * Starts every payment gateway simulator of registry.ts on 127.0.0.1 until SIGINT/SIGTERM and
 * prints their base URLs and how to point Loket at each.
 */
import { parseArgs } from 'node:util'
import { GATEWAY_SIMS, type RunningGatewaySim } from './registry'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'port-offset': { type: 'string', default: '0' },
    },
    strict: true,
  })
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : null
  const offset = Number(values['port-offset'])
  const running: RunningGatewaySim[] = []
  for (const entry of GATEWAY_SIMS) {
    if (only && !only.includes(entry.name)) continue
    const sim = await entry.start(entry.port === 0 ? 0 : entry.port + offset)
    running.push(sim)
    for (const line of sim.describe()) console.log(line)
  }
  if (running.length === 0) console.log('No simulator matched --only.')
  const stop = (): void => {
    void Promise.all(running.map((s) => s.close())).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
