import { afterEach, describe, expect, it } from 'vitest'
import { saveGatewaySettings, startGatewayPayment, type GatewayName } from '@core/gateways'
import {
  companyOwner,
  startTestHost,
  twoBilledCustomers,
  type TestHost,
} from '../../../test/helpers/http-host'
import { startMidtransSim, type MidtransSim } from '../../../test/sim/gateways/midtrans'
import { postCallback, type Delivery } from '../../../test/sim/gateways/sim-http'
import { startXenditSim, type XenditSim } from '../../../test/sim/gateways/xendit'

/**
 * Midtrans and Xendit callbacks through the host's real route (`POST /api/pay/<gateway>`), from
 * their simulators: Budi's November invoice (Rp150.000) paid online, BCA / BRI virtual account
 * (fee Rp4.440 on top).
 */
interface Driver {
  gateway: GatewayName
  channel: string
  keys: Record<string, string>
  baseUrl: string
  /** Points the gateway's callbacks at the host (Xendit: its dashboard; Midtrans: per transaction). */
  aim(callbackUrl: string): void
  /** Where the gateway will post this transaction's callbacks. */
  callbackUrlOf(reference: string): string | null
  /** The customer pays while the gateway cannot reach Loket (no callback goes out). */
  payUnheard(reference: string): Promise<void>
  /** The gateway posts the transaction's callback (again). */
  notify(reference: string): Promise<Delivery | null>
  /** The paid callback as someone without the keys would send it. */
  forged(reference: string): { body: string; headers: Record<string, string> }
  close(): Promise<void>
}

async function midtransDriver(): Promise<Driver> {
  const sim: MidtransSim = await startMidtransSim()
  const tx = (ref: string) => sim.transactions.get(ref)!
  return {
    gateway: 'midtrans',
    channel: 'bca_va',
    keys: { serverKey: sim.serverKey },
    baseUrl: sim.url,
    aim: () => {}, // Loket sends X-Override-Notification with each transaction
    callbackUrlOf: (ref) => tx(ref).notificationUrl,
    async payUnheard(ref) {
      const url = tx(ref).notificationUrl
      tx(ref).notificationUrl = null
      await sim.pay(ref)
      tx(ref).notificationUrl = url
    },
    notify: (ref) => sim.notify(ref),
    forged: (ref) => ({
      body: sim.notification(ref, { serverKey: 'SB-Mid-server-guessed' }),
      headers: {},
    }),
    close: () => sim.close(),
  }
}

async function xenditDriver(): Promise<Driver> {
  const sim: XenditSim = await startXenditSim()
  return {
    gateway: 'xendit',
    channel: 'BRI',
    keys: { secretKey: sim.secretKey, callbackToken: sim.callbackToken },
    baseUrl: sim.url,
    aim: (url) => {
      sim.callbackUrl = url
    },
    callbackUrlOf: () => sim.callbackUrl,
    async payUnheard(ref) {
      const url = sim.callbackUrl
      sim.callbackUrl = null
      await sim.pay(ref)
      sim.callbackUrl = url
    },
    notify: (ref) => sim.notify(ref),
    forged: (ref) => ({
      body: sim.callbackBody(ref),
      headers: { 'x-callback-token': 'xendit-callback-token-guessed' },
    }),
    close: () => sim.close(),
  }
}

let host: TestHost | null = null
let driver: Driver | null = null
afterEach(async () => {
  await driver?.close()
  await host?.stop()
  host = driver = null
})

async function setup(makeDriver: () => Promise<Driver>) {
  const h = (host = await startTestHost())
  const d = (driver = await makeDriver())
  const { owner } = await companyOwner(h)
  const me = await owner.auth.me.query()
  const { ids } = await twoBilledCustomers(owner)
  const budi = ids[0]
  const actor = {
    companyId: me.company.id,
    userId: me.user.id,
    username: me.user.username,
    ip: '127.0.0.1',
    userAgent: 'vitest',
  }
  await saveGatewaySettings(h.services, actor, {
    gateway: d.gateway,
    enabled: true,
    mode: 'sandbox',
    baseUrl: d.baseUrl,
    keys: d.keys,
    feePolicy: 'customer',
    expiryHours: 24,
    pollMinutes: 5,
    channels: null,
  })
  const route = `${h.url}api/pay/${d.gateway}`
  d.aim(route)
  const invoice = await h.services.db
    .selectFrom('invoices')
    .select('id')
    .where('customer_id', '=', budi)
    .executeTakeFirstOrThrow()
  const started = await startGatewayPayment(
    h.services,
    { companyId: me.company.id, timeZone: me.company.timeZone, actor, publicBaseUrl: h.url },
    { customerId: budi, invoiceIds: [invoice.id], channel: d.channel, via: 'portal' },
  )
  const payments = () =>
    h.services.db.selectFrom('payments').selectAll().where('customer_id', '=', budi).execute()
  const state = async () =>
    (
      await h.services.db
        .selectFrom('gateway_transactions')
        .select('state')
        .where('reference', '=', started.reference)
        .executeTakeFirstOrThrow()
    ).state
  return { d, route, started, payments, state }
}

describe.each([
  ['Midtrans', midtransDriver],
  ['Xendit', xenditDriver],
])('%s callbacks on POST /api/pay/<gateway>', (_name, makeDriver) => {
  it('forged: nothing changes; genuine: one payment; replayed: still one', async () => {
    const { d, route, started, payments, state } = await setup(makeDriver)
    expect(started.amount + started.fee).toBe(154_440)
    expect(d.callbackUrlOf(started.reference)).toBe(route)
    await d.payUnheard(started.reference)

    const forged = d.forged(started.reference)
    const refused = await postCallback(route, forged.body, forged.headers)
    expect(refused.status).toBe(401)
    expect(await payments()).toEqual([])
    expect(await state()).toBe('unpaid')

    const genuine = await d.notify(started.reference)
    expect(genuine?.status).toBe(200)
    expect(await payments()).toHaveLength(1)
    expect((await payments())[0]).toMatchObject({
      amount: 150_000,
      method: 'gateway',
      reference: started.reference,
    })
    expect(await state()).toBe('paid')

    const replayed = await Promise.all([d.notify(started.reference), d.notify(started.reference)])
    expect(replayed.map((r) => r?.status)).toEqual([200, 200])
    expect(await payments()).toHaveLength(1)
  })
})
