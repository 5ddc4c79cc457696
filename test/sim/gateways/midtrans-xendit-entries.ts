/**
 * The Midtrans and Xendit entries of `npm run sim:gateways` (registry.ts). Their callbacks go to
 * the Loket host at LOKET_URL (default http://127.0.0.1:8080, `npm run serve`'s port): Xendit's
 * is a dashboard setting, so the simulator needs it up front; Midtrans uses it when a transaction
 * carries no X-Override-Notification (Loket sends one when it knows its public URL).
 */
import { startMidtransSim } from './midtrans'
import type { GatewaySimEntry } from './registry'
import { startXenditSim } from './xendit'

const loketUrl = (): string =>
  (process.env.LOKET_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')

export const midtransSimEntry: GatewaySimEntry = {
  name: 'midtrans',
  port: 18091,
  async start(port) {
    const sim = await startMidtransSim({ port, notificationUrl: `${loketUrl()}/api/pay/midtrans` })
    return {
      describe: () => [
        `Midtrans simulator on ${sim.url} (Snap and Core API on one port)`,
        `  npm run cli -- gateway set midtrans --mode sandbox --server-key ${sim.serverKey} --base-url ${sim.url}`,
        `  notifications without X-Override-Notification go to ${sim.notificationUrl}`,
        `  pay:    curl -X POST ${sim.url}/_sim/pay -d '{"order_id":"…"}'   (add "amount" to pay another amount)`,
        `  expire: curl -X POST ${sim.url}/_sim/expire -d '{"order_id":"…"}'`,
        `  list:   curl ${sim.url}/_sim/transactions`,
      ],
      close: () => sim.close(),
    }
  },
}

export const xenditSimEntry: GatewaySimEntry = {
  name: 'xendit',
  port: 18092,
  async start(port) {
    const sim = await startXenditSim({ port, callbackUrl: `${loketUrl()}/api/pay/xendit` })
    return {
      describe: () => [
        `Xendit simulator on ${sim.url}`,
        `  npm run cli -- gateway set xendit --mode sandbox --secret-key ${sim.secretKey} --callback-token ${sim.callbackToken} --base-url ${sim.url}`,
        `  invoice callbacks go to ${sim.callbackUrl} (change: curl -X POST ${sim.url}/_sim/callback-url -d '{"url":"…"}')`,
        `  pay:    curl -X POST ${sim.url}/_sim/pay -d '{"external_id":"…"}'   (add "amount" to pay another amount)`,
        `  expire: curl -X POST ${sim.url}/_sim/expire -d '{"external_id":"…"}'`,
        `  list:   curl ${sim.url}/_sim/invoices`,
      ],
      close: () => sim.close(),
    }
  },
}
