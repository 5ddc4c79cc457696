import { afterEach, describe, expect, it } from 'vitest'
import { signTripay, startTripaySim, type TripaySim } from '../../../../test/sim/gateways/tripay'
import { runAutoIsolir } from '../collections'
import { collectionsFixture } from '../collections/testing'
import {
  approveHeldPayment,
  gatewayChannels,
  gatewayPaymentState,
  handleGatewayCallback,
  listGatewayTransactions,
  pollGateways,
  rejectHeldPayment,
  saveGatewaySettings,
  startGatewayPayment,
} from './index'

/**
 * Online payment through Tripay against the Tripay simulator, on a real database. Ani's January
 * invoice (Rp150.000) is due 11 Jan; she is isolated on 18 Jan and pays online on 20 Jan.
 */
let sim: TripaySim | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

async function setup(o: { feePolicy?: 'customer' | 'company' } = {}) {
  const f = await collectionsFixture()
  await f.whatsappOn()
  const ani = await f.customer('Ani Rahayu')
  await f.contact(ani.customerId, { phone: '081211112222' })
  await f.run('2026-01', '2026-01-01')
  const [invoice] = await f.invoicesOf(ani.customerId)
  sim = await startTripaySim()
  await saveGatewaySettings(f.deps, f.actor, {
    gateway: 'tripay',
    enabled: true,
    mode: 'sandbox',
    baseUrl: sim.baseUrl,
    keys: sim.keys as unknown as Record<string, string>,
    feePolicy: o.feePolicy ?? 'customer',
    expiryHours: 24,
    pollMinutes: 5,
    channels: null,
  })
  const ctx = {
    companyId: f.companyId,
    timeZone: f.tz,
    actor: f.actor,
    publicBaseUrl: 'https://loket.example.net',
  }
  const start = (channel = 'BRIVA') =>
    startGatewayPayment(f.deps, ctx, {
      customerId: ani.customerId,
      invoiceIds: [invoice!.id],
      channel,
      via: 'portal',
    })
  const callback = (raw: string, key = sim!.keys.privateKey) =>
    handleGatewayCallback(f.deps, 'tripay', Buffer.from(raw, 'utf8'), {
      'x-callback-event': 'payment_status',
      'x-callback-signature': signTripay(key, raw),
    })
  const payments = () =>
    f.db.selectFrom('payments').selectAll().where('customer_id', '=', ani.customerId).execute()
  const tx = async () =>
    (await listGatewayTransactions(f.deps, f.companyId, { state: null, limit: 10 }))[0]!
  const events = () => f.db.selectFrom('gateway_events').selectAll().orderBy('id').execute()
  return { f, ani, invoice: invoice!, sim, start, callback, payments, tx, events }
}

describe('channels and starting a payment', () => {
  it('lists the active channels with the fee the customer pays on top, or none when the company absorbs it', async () => {
    const { f } = await setup()
    const { gateway, channels } = await gatewayChannels(f.deps, f.companyId, { amount: 150_000 })
    expect(gateway).toBe('tripay')
    expect(channels.map((c) => c.code)).toEqual(['BRIVA', 'BCAVA', 'QRIS', 'OVO', 'ALFAMART'])
    expect(channels.find((c) => c.code === 'BRIVA')).toEqual({
      code: 'BRIVA',
      name: 'BRI Virtual Account',
      group: 'virtual_account',
      fee: 4_250,
      total: 154_250,
    })
    // 750 + 0.7 % of 150.000, and 3 % for OVO.
    expect(channels.find((c) => c.code === 'QRIS')).toMatchObject({ group: 'qris', fee: 1_800 })
    expect(channels.find((c) => c.code === 'OVO')).toMatchObject({ group: 'ewallet', fee: 4_500 })
    expect(channels.find((c) => c.code === 'ALFAMART')).toMatchObject({ group: 'retail' })

    const company = await setup({ feePolicy: 'company' })
    const absorbed = await gatewayChannels(company.f.deps, company.f.companyId, { amount: 150_000 })
    expect(absorbed.channels[0]).toMatchObject({ fee: 0, total: 150_000 })
  })

  it('offers nothing while no gateway is enabled', async () => {
    const f = await collectionsFixture()
    expect(await gatewayChannels(f.deps, f.companyId, { amount: 50_000 })).toEqual({
      gateway: null,
      channels: [],
    })
  })

  it('opens a signed closed transaction for the unpaid invoice and stores it', async () => {
    const { f, ani, invoice, sim, start, tx } = await setup()
    const started = await start()
    expect(started).toMatchObject({
      amount: 150_000,
      fee: 4_250,
      total: 154_250,
      channelName: 'BRI Virtual Account',
      checkoutUrl: expect.stringContaining('/checkout/'),
      payCode: expect.stringMatching(/^8800\d{10}$/),
    })
    expect(started.instructions.length).toBeGreaterThan(0)
    const atSim = sim.transactions.get(started.reference)!
    expect(atSim).toMatchObject({
      amount: 154_250,
      method: 'BRIVA',
      callback_url: 'https://loket.example.net/api/pay/tripay',
      merchant_ref: started.merchantRef,
    })
    expect(await tx()).toMatchObject({
      reference: started.reference,
      customerId: ani.customerId,
      invoiceNumbers: [invoice.number],
      state: 'unpaid',
      via: 'portal',
    })
    expect(
      await gatewayPaymentState(f.deps, f.companyId, {
        reference: started.reference,
        customerId: ani.customerId,
      }),
    ).toEqual({ state: 'unpaid', paidAt: null, invoiceIds: [invoice.id] })
    // Another customer cannot ask about it.
    expect(
      await gatewayPaymentState(f.deps, f.companyId, {
        reference: started.reference,
        customerId: ani.customerId + 1000,
      }),
    ).toBeNull()
  })

  it('refuses invoices that are not payable and channels that are not offered', async () => {
    const { f, ani, invoice, start } = await setup()
    const budi = await f.customer('Budi Santoso')
    await expect(
      startGatewayPayment(
        f.deps,
        { companyId: f.companyId, timeZone: f.tz, actor: f.actor, publicBaseUrl: null },
        { customerId: budi.customerId, invoiceIds: [invoice.id], channel: 'BRIVA', via: 'portal' },
      ),
    ).rejects.toMatchObject({ code: 'GATEWAY_INVOICE_NOT_PAYABLE' })
    await expect(start('MANDIRIVA')).rejects.toMatchObject({ code: 'GATEWAY_CHANNEL_UNKNOWN' })
    sim!.down = true
    await expect(start()).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE' })
    expect(await f.db.selectFrom('gateway_transactions').selectAll().execute()).toEqual([])
    expect(ani).toBeTruthy()
  })
})

describe('callbacks (rule 27)', () => {
  it('checks the signature over the raw bytes: the real callback applies, restores and sends the receipt; a forged one changes nothing', async () => {
    const { f, ani, invoice, sim, start, callback, payments, tx, events } = await setup()
    await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    expect(await f.serviceStatus(ani.serviceId)).toBe('isolir')
    f.at('2026-01-20')
    const started = await start()
    sim.pay(started.reference)
    const raw = sim.callbackBody(started.reference)
    // PHP's bytes: "150000.0", spaces, "\/". Re-serialised they differ, and so would the HMAC.
    expect(raw).toContain('"total_amount": 154250.0')
    expect(raw).toContain('\\/')
    const reserialised = JSON.stringify(JSON.parse(raw))
    expect(reserialised).not.toBe(raw)
    expect(signTripay(sim.keys.privateKey, reserialised)).not.toBe(
      signTripay(sim.keys.privateKey, raw),
    )

    const forged = await callback(raw, 'not-the-private-key')
    expect(forged).toMatchObject({ code: 400, outcome: 'bad_signature' })
    expect(forged.body).toMatchObject({ success: false })
    expect(await payments()).toEqual([])
    expect((await tx()).state).toBe('unpaid')

    const real = await callback(raw)
    expect(real).toEqual({ code: 200, body: { success: true }, outcome: 'applied' })
    const [payment] = await payments()
    expect(payment).toMatchObject({
      amount: 150_000,
      method: 'gateway',
      source: 'gateway',
      reference: started.reference,
    })
    expect((await f.invoicesOf(ani.customerId))[0]!.payment_status).toBe('lunas')
    expect((await tx()).state).toBe('paid')
    expect(await f.serviceStatus(ani.serviceId)).not.toBe('isolir')
    expect(await f.messages('payment_receipt')).toHaveLength(1)
    expect((await events()).map((e) => [e.outcome, e.source])).toEqual([
      ['bad_signature', 'callback'],
      ['applied', 'callback'],
    ])
    expect(invoice.total).toBe(150_000)
  })

  it('a replayed callback records one payment, however often and however concurrently it comes', async () => {
    const { f, sim, start, callback, payments, events } = await setup()
    f.at('2026-01-20')
    const started = await start()
    sim.pay(started.reference)
    const raw = sim.callbackBody(started.reference)
    const answers = await Promise.all([1, 2, 3].map(() => callback(raw)))
    expect(answers.map((a) => a.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate'])
    expect(answers.every((a) => a.code === 200)).toBe(true)
    expect(await payments()).toHaveLength(1)
    expect(await events()).toHaveLength(3)
  })

  it('a paid amount that differs from what was asked is held for review, then approved', async () => {
    const { f, ani, sim, start, callback, payments, tx } = await setup()
    f.at('2026-01-20')
    const started = await start()
    sim.pay(started.reference, { amount: 100_000 })
    const answer = await callback(sim.callbackBody(started.reference))
    expect(answer.outcome).toBe('amount_mismatch')
    // Acknowledged: the gateway has nothing to retry; a person decides.
    expect(answer.code).toBe(200)
    expect(await payments()).toEqual([])
    const held = await tx()
    expect(held).toMatchObject({
      state: 'held',
      paidAmount: 100_000,
      heldReason: 'amount_mismatch',
    })
    const [note] = await f.db.selectFrom('notifications').selectAll().execute()
    expect(note).toMatchObject({
      kind: 'gateway_payment_held',
      permission: 'payments.gateway_review',
    })

    const approved = await approveHeldPayment(f.deps, f.actor, { id: held.id, reason: 'ok' }, f.tz)
    // What arrived less the fee the customer was asked for.
    expect(approved.amount).toBe(100_000 - 4_250)
    expect(await payments()).toHaveLength(1)
    expect((await f.invoicesOf(ani.customerId))[0]!.payment_status).toBe('sebagian')
    expect((await tx()).state).toBe('paid')
    await expect(
      approveHeldPayment(f.deps, f.actor, { id: held.id, reason: '' }, f.tz),
    ).rejects.toMatchObject({ code: 'GATEWAY_TRANSACTION_NOT_HELD' })
  })

  it('a held payment rejected is closed and nothing is applied', async () => {
    const { f, sim, start, callback, payments, tx } = await setup()
    f.at('2026-01-20')
    const started = await start()
    sim.pay(started.reference, { amount: 200_000 })
    await callback(sim.callbackBody(started.reference))
    const held = await tx()
    await expect(
      rejectHeldPayment(f.deps, f.actor, { id: held.id, reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await rejectHeldPayment(f.deps, f.actor, {
      id: held.id,
      reason: 'Dikembalikan lewat dashboard',
    })
    expect(await tx()).toMatchObject({ state: 'failed', reviewedBy: f.actor.username })
    expect(await payments()).toEqual([])
  })
})

describe('polling (behind NAT)', () => {
  it('finds a payment with no callback, and the late callback records no second payment', async () => {
    const { f, ani, sim, start, callback, payments, tx } = await setup()
    f.clock.set('2026-01-20T03:00:00Z')
    const started = await start()
    sim.pay(started.reference)
    // Not due yet: nothing is asked.
    expect((await pollGateways(f.deps, f.companyId)).counts.polled).toBe(0)
    f.clock.set('2026-01-20T03:05:00Z')
    const pass = await pollGateways(f.deps, f.companyId)
    expect(pass.counts).toMatchObject({ polled: 1, paid: 1, errors: 0 })
    expect((await f.invoicesOf(ani.customerId))[0]!.payment_status).toBe('lunas')
    expect((await tx()).state).toBe('paid')

    const late = await callback(sim.callbackBody(started.reference))
    expect(late).toMatchObject({ code: 200, outcome: 'duplicate' })
    expect(await payments()).toHaveLength(1)
    f.clock.set('2026-01-20T04:00:00Z')
    expect((await pollGateways(f.deps, f.companyId)).counts.polled).toBe(0)
  })

  it('asks every few minutes while fresh and less often later; the page asks once when the last answer is old', async () => {
    const { f, ani, sim, start } = await setup()
    f.clock.set('2026-01-20T03:00:00Z')
    const started = await start()
    const next = async () =>
      (
        await f.db
          .selectFrom('gateway_transactions')
          .select('next_poll_at')
          .executeTakeFirstOrThrow()
      ).next_poll_at
    expect(await next()).toBe('2026-01-20T03:05:00.000Z')
    f.clock.set('2026-01-20T03:05:00Z')
    await pollGateways(f.deps, f.companyId)
    expect(await next()).toBe('2026-01-20T03:10:00.000Z')
    f.clock.set('2026-01-20T04:10:00Z')
    await pollGateways(f.deps, f.companyId)
    expect(await next()).toBe('2026-01-20T04:40:00.000Z')

    sim.pay(started.reference)
    f.clock.set('2026-01-20T04:12:00Z')
    expect(
      await gatewayPaymentState(f.deps, f.companyId, {
        reference: started.reference,
        customerId: ani.customerId,
      }),
    ).toMatchObject({ state: 'paid' })
  })

  it('marks an expired transaction expired and stops asking', async () => {
    const { f, sim, start, tx, payments } = await setup()
    f.clock.set('2026-01-20T03:00:00Z')
    const started = await start()
    sim.expire(started.reference)
    f.clock.set('2026-01-21T03:10:00Z')
    const pass = await pollGateways(f.deps, f.companyId)
    expect(pass.counts).toMatchObject({ polled: 1, expired: 1 })
    expect(await tx()).toMatchObject({ state: 'expired', nextPollAt: null })
    expect(await payments()).toEqual([])
  })

  it('a gateway that does not answer leaves the transaction unpaid and asks again later', async () => {
    const { f, sim, start, tx } = await setup()
    f.clock.set('2026-01-20T03:00:00Z')
    await start()
    sim.down = true
    f.clock.set('2026-01-20T03:06:00Z')
    const pass = await pollGateways(f.deps, f.companyId)
    expect(pass.counts).toMatchObject({ polled: 0, errors: 1 })
    expect(await tx()).toMatchObject({ state: 'unpaid', nextPollAt: '2026-01-20T03:11:00.000Z' })
  })
})
