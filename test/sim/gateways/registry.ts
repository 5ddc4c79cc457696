/**
 * Every payment gateway simulator `npm run sim:gateways` starts. A simulator registers with one
 * entry: its name, how to start it, and the lines telling how to point Loket at it.
 */
import { startTripaySim } from './tripay'

export interface RunningGatewaySim {
  /** What to print: base URL, keys, the CLI line that sets Loket up. */
  describe(): string[]
  close(): Promise<void>
}

export interface GatewaySimEntry {
  name: string
  /** The port it listens on by default (0: a free one). */
  port: number
  start(port: number): Promise<RunningGatewaySim>
}

export const GATEWAY_SIMS: GatewaySimEntry[] = [
  {
    name: 'tripay',
    port: 18090,
    async start(port) {
      const sim = await startTripaySim({ port })
      return {
        describe: () => [
          `Tripay simulator on ${sim.baseUrl}`,
          `  npm run cli -- gateway set tripay --mode sandbox --merchant-code ${sim.keys.merchantCode} --api-key ${sim.keys.apiKey} --private-key ${sim.keys.privateKey} --base-url ${sim.baseUrl}`,
          `  pay:    curl -X POST ${sim.url}/_sim/pay -d '{"reference":"…"}'   (add "amount" to pay another amount)`,
          `  expire: curl -X POST ${sim.url}/_sim/expire -d '{"reference":"…"}'`,
          `  list:   curl ${sim.url}/_sim/transactions`,
        ],
        close: () => sim.close(),
      }
    },
  },
]
