import { afterEach, describe, expect, it } from 'vitest'
import {
  MIDTRANS_XENDIT_DRIVERS,
  midtransDriver,
  type GatewayDriver,
} from '../../../../test/sim/gateways/midtrans-xendit-drivers'
import { collectionsFixture } from '../collections/testing'
import {
  gatewayChannels,
  handleGatewayCallback,
  listGatewayTransactions,
  pollGateways,
  saveGatewaySettings,
  startGatewayPayment,
} from './index'

/**
 * Midtrans and Xendit through the gateways service, against their simulators, on a real
 * database: Ani's January invoice (Rp150.000), paid online on 20 Jan.
 */
let driver: GatewayDriver | null = null
afterEach(async () => {
  await driver?.close()
  driver = null
})

async function setup(makeDriver: () => Promise<GatewayDriver>) {
  const d = await makeDriver()
  driver = d
  const f = await collectionsFixture()
  await f.whatsappOn()
  const ani = await f.customer('Ani Rahayu')
  await f.contact(ani.customerId, { phone: '081211112222' })
  await f.run('2026-01', '2026-01-01')
  const [invoice] = await f.invoicesOf(ani.customerId)
  await saveGatewaySettings(f.deps, f.actor, {
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
  f.clock.set('2026-01-20T03:00:00Z')
  const start = () =>
    startGatewayPayment(
      f.deps,
      { companyId: f.companyId, timeZone: f.tz, actor: f.actor, publicBaseUrl: null },
      { customerId: ani.customerId, invoiceIds: [invoice!.id], channel: d.channel, via: 'portal' },
    )
  const deliver = (c: { body: Buffer; headers: Record<string, string> }) =>
    handleGatewayCallback(f.deps, d.gateway, c.body, c.headers)
  const payments = () =>
    f.db.selectFrom('payments').selectAll().where('customer_id', '=', ani.customerId).execute()
  const tx = async () =>
    (await listGatewayTransactions(f.deps, f.companyId, { state: null, limit: 10 }))[0]!
  return { f, d, ani, start, deliver, payments, tx }
}

describe.each(MIDTRANS_XENDIT_DRIVERS)('%s through the gateways service', (_name, makeDriver) => {
  it('offers its fixed channels with the fee on top: BRI / BCA virtual account Rp 4.000 + PPN', async () => {
    const { f, d } = await setup(makeDriver)
    const { gateway, channels } = await gatewayChannels(f.deps, f.companyId, { amount: 150_000 })
    expect(gateway).toBe(d.gateway)
    expect(channels.find((c) => c.code === d.channel)).toMatchObject({
      group: 'virtual_account',
      fee: 4_440,
      total: 154_440,
    })
  })

  it('a genuine callback applies one payment; replayed it is still one; a forged one changes nothing', async () => {
    const { f, d, ani, start, deliver, payments, tx } = await setup(makeDriver)
    const started = await start()
    expect(started.amount + started.fee).toBe(154_440)
    await d.pay(started.reference)

    const forged = await deliver(d.forged(started.reference))
    expect(forged).toMatchObject({ code: 401, outcome: 'bad_signature' })
    expect(await payments()).toEqual([])
    expect((await tx()).state).toBe('unpaid')

    const genuine = await deliver(d.callback(started.reference))
    expect(genuine).toMatchObject({ code: 200, outcome: 'applied' })
    const replays = await Promise.all([1, 2].map(() => deliver(d.callback(started.reference))))
    expect(replays.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate'])
    const [payment] = await payments()
    expect(await payments()).toHaveLength(1)
    expect(payment).toMatchObject({
      amount: 150_000,
      method: 'gateway',
      reference: started.reference,
    })
    expect((await f.invoicesOf(ani.customerId))[0]!.payment_status).toBe('lunas')
    expect((await tx()).state).toBe('paid')
  })

  it('a different amount paid is held for review, not applied', async () => {
    const { d, start, deliver, payments, tx } = await setup(makeDriver)
    const started = await start()
    await d.pay(started.reference, 100_000)
    expect(await deliver(d.callback(started.reference))).toMatchObject({
      code: 200,
      outcome: 'amount_mismatch',
    })
    expect(await payments()).toEqual([])
    expect((await tx()).state).toBe('held')
  })

  it('polling finds the payment with no callback, and the late callback adds nothing', async () => {
    const { f, d, start, deliver, payments, tx } = await setup(makeDriver)
    const started = await start()
    await d.pay(started.reference)
    f.clock.set('2026-01-20T03:05:00Z')
    const pass = await pollGateways(f.deps, f.companyId)
    expect(pass.counts).toMatchObject({ polled: 1, paid: 1, errors: 0 })
    expect((await tx()).state).toBe('paid')
    expect(await deliver(d.callback(started.reference))).toMatchObject({ outcome: 'duplicate' })
    expect(await payments()).toHaveLength(1)
  })
})

describe('Midtrans callbacks saying paid', () => {
  // Midtrans signs order_id + status_code + gross_amount, not transaction_status, and a cancel's
  // notification carries status_code 200 like a settlement: the callback is only a hint.
  it('are confirmed with the status API: a genuine cancel rewritten to settlement moves no money', async () => {
    const { d, start, deliver, payments, tx } = await setup(midtransDriver)
    const started = await start()
    await d.cancel!(started.reference)
    const cancel = d.callback(started.reference)
    const rewritten = Buffer.from(
      cancel.body
        .toString('utf8')
        .replace('"transaction_status":"cancel"', '"transaction_status":"settlement"'),
    )
    expect(rewritten.equals(cancel.body)).toBe(false)
    expect((await deliver({ body: rewritten, headers: cancel.headers })).outcome).not.toBe(
      'applied',
    )
    expect(await payments()).toEqual([])
    expect((await tx()).state).not.toBe('paid')
  })
})
