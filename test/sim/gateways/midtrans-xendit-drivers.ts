/**
 * Midtrans and Xendit behind one shape, for tests that run the same rule against both gateways
 * (the service's callbacks and polling, the host's /api/pay/<gateway> route): the gateway's side
 * of a transaction — the customer paying, the callback it posts, and one forged by someone
 * without the keys.
 */
import { startMidtransSim } from './midtrans'
import type { Delivery } from './sim-http'
import { startXenditSim } from './xendit'

export interface GatewayDriver {
  gateway: 'midtrans' | 'xendit'
  /** A virtual-account channel: Rp 4.000 + PPN on top. */
  channel: string
  keys: Record<string, string>
  baseUrl: string
  /** Points the gateway's callbacks at `url` (Xendit: its dashboard; Midtrans: per transaction, nothing to do). */
  aim(url: string): void
  /** Where the gateway will post this transaction's callbacks. */
  callbackUrlOf(reference: string): string | null
  /** The customer pays (another amount when given); the callback goes out if the gateway is aimed. */
  pay(reference: string, amount?: number): Promise<unknown>
  /** The customer pays while the gateway cannot reach Loket (no callback goes out). */
  payUnheard(reference: string): Promise<void>
  /** The gateway posts the transaction's callback (again). */
  notify(reference: string): Promise<Delivery | null>
  /** The callback the gateway posts for the transaction as it stands, as raw bytes and headers. */
  callback(reference: string): { body: Buffer; headers: Record<string, string> }
  /** The same callback as someone without the keys would send it. */
  forged(reference: string): { body: Buffer; headers: Record<string, string> }
  /** The customer's transaction is cancelled (Midtrans: a cancel notification carries status_code 200). */
  cancel?(reference: string): Promise<void>
  close(): Promise<void>
}

export async function midtransDriver(): Promise<GatewayDriver> {
  const sim = await startMidtransSim()
  const tx = (ref: string) => {
    const t = sim.transactions.get(ref)
    if (!t) throw new Error(`midtrans driver: no transaction ${ref}`)
    return t
  }
  return {
    gateway: 'midtrans',
    channel: 'bca_va',
    keys: { serverKey: sim.serverKey },
    baseUrl: sim.url,
    aim: () => {}, // Loket sends X-Override-Notification with each transaction
    callbackUrlOf: (ref) => tx(ref).notificationUrl,
    pay: (ref, amount) => sim.pay(ref, { amount }),
    async payUnheard(ref) {
      const url = tx(ref).notificationUrl
      tx(ref).notificationUrl = null
      await sim.pay(ref)
      tx(ref).notificationUrl = url
    },
    notify: (ref) => sim.notify(ref),
    callback: (ref) => ({ body: Buffer.from(sim.notification(ref)), headers: {} }),
    forged: (ref) => ({
      body: Buffer.from(sim.notification(ref, { serverKey: 'SB-Mid-server-guessed' })),
      headers: {},
    }),
    async cancel(ref) {
      if (tx(ref).status === 'created') await sim.choose(ref)
      await sim.fail(ref, 'cancel')
    },
    close: () => sim.close(),
  }
}

export async function xenditDriver(): Promise<GatewayDriver> {
  const sim = await startXenditSim()
  const signed = (ref: string, token: string) => ({
    body: Buffer.from(sim.callbackBody(ref)),
    headers: { 'x-callback-token': token },
  })
  return {
    gateway: 'xendit',
    channel: 'BRI',
    keys: { secretKey: sim.secretKey, callbackToken: sim.callbackToken },
    baseUrl: sim.url,
    aim: (url) => {
      sim.callbackUrl = url
    },
    callbackUrlOf: () => sim.callbackUrl,
    pay: (ref, amount) => sim.pay(ref, { amount }),
    async payUnheard(ref) {
      const url = sim.callbackUrl
      sim.callbackUrl = null
      await sim.pay(ref)
      sim.callbackUrl = url
    },
    notify: (ref) => sim.notify(ref),
    callback: (ref) => signed(ref, sim.callbackToken),
    forged: (ref) => signed(ref, 'xendit-callback-token-guessed'),
    close: () => sim.close(),
  }
}

/** For `describe.each`: the gateway's display name and its driver. */
export const MIDTRANS_XENDIT_DRIVERS: [string, () => Promise<GatewayDriver>][] = [
  ['Midtrans', midtransDriver],
  ['Xendit', xenditDriver],
]
