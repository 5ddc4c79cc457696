import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCallbackReceiver } from '../../../../test/sim/gateways/sim-http'
import { startXenditSim, type XenditSim } from '../../../../test/sim/gateways/xendit'
import { GatewayCallError, type CreateTransaction, type GatewayConfig } from './adapter'
import { createXenditAdapter, xenditAdapter } from './xendit'

let sim: XenditSim
let cfg: GatewayConfig
const HOUR = 3_600_000

beforeEach(async () => {
  sim = await startXenditSim()
  cfg = {
    mode: 'sandbox',
    baseUrl: sim.url,
    keys: { secretKey: sim.secretKey, callbackToken: sim.callbackToken },
  }
})
afterEach(async () => {
  await sim.close()
})

function tx(over: Partial<CreateTransaction> = {}): CreateTransaction {
  return {
    merchantRef: 'LKT-7-000124',
    channel: 'BRI',
    amount: 154_440,
    customer: { name: 'Siti Aminah', email: 'siti@example.com', phone: '6281298765432' },
    items: [
      { sku: 'INV-2026-0043', name: 'Internet 20 Mbps Desember 2026', price: 150_000, quantity: 1 },
    ],
    callbackUrl: 'http://203.0.113.5/api/pay/xendit',
    returnUrl: 'http://192.168.1.10:3000/portal/bayar',
    expiresAt: new Date(Date.now() + 24 * HOUR),
    ...over,
  }
}

const status = (reference: string) =>
  xenditAdapter.status(cfg, { reference, merchantRef: 'LKT-7-000124' })

describe('Xendit invoices', () => {
  it('creates an invoice: its invoice_url is the checkout URL and its id the reference', async () => {
    const created = await xenditAdapter.create(cfg, tx())
    const inv = sim.invoices.get(created.reference)
    expect(inv).toMatchObject({
      externalId: 'LKT-7-000124',
      amount: 154_440,
      paymentMethods: ['BRI'],
      payerEmail: 'siti@example.com',
      successRedirectUrl: 'http://192.168.1.10:3000/portal/bayar',
    })
    expect(created.checkoutUrl).toBe(`${sim.url}/web/${created.reference}`)
    expect(created.amount).toBe(154_440)
    // invoice_duration in seconds from now: the expiry Xendit answers is the one Loket asked.
    expect(Math.abs(created.expiresAt.getTime() - Date.now() - 24 * HOUR)).toBeLessThan(5_000)
  })

  it('refuses a wrong secret key with Xendit words and HTTP 401', async () => {
    const wrong = { ...cfg, keys: { ...cfg.keys, secretKey: 'xnd_development_wrong' } }
    const error = await xenditAdapter.create(wrong, tx()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayCallError)
    expect((error as GatewayCallError).message).toBe(
      'INVALID_API_KEY: API key is not authorized for this API service',
    )
    expect((error as GatewayCallError).httpStatus).toBe(401)
  })

  it('refuses a payment method the account does not offer', async () => {
    await expect(xenditAdapter.create(cfg, tx({ channel: 'GOPAY' }))).rejects.toThrow(
      /UNAVAILABLE_PAYMENT_METHOD_ERROR/,
    )
  })

  it('an unknown invoice id is the gateway saying so', async () => {
    await expect(status('0123456789abcdef01234567')).rejects.toThrow(
      'INVOICE_NOT_FOUND_ERROR: Invoice not found',
    )
  })
})

describe('Xendit invoice status', () => {
  it('PENDING is unpaid, PAID is paid with the paid amount and time, SETTLED stays paid', async () => {
    const { reference } = await xenditAdapter.create(cfg, tx())
    expect((await status(reference)).state).toBe('unpaid')
    await sim.pay(reference)
    const paid = await status(reference)
    expect(paid).toMatchObject({
      reference,
      merchantRef: 'LKT-7-000124',
      state: 'paid',
      amount: 154_440,
    })
    expect(paid.paidAt?.toISOString()).toBe(sim.invoices.get(reference)?.paidAt?.toISOString())
    sim.settle(reference)
    expect(await status(reference)).toMatchObject({ state: 'paid', amount: 154_440 })
  })

  it('reports the amount actually paid when it differs from the invoice', async () => {
    const { reference } = await xenditAdapter.create(cfg, tx())
    await sim.pay(reference, { amount: 150_000 })
    expect(await status(reference)).toMatchObject({ state: 'paid', amount: 150_000 })
  })

  it('EXPIRED is expired, whether expired by hand or by time', async () => {
    const a = await xenditAdapter.create(cfg, tx())
    const b = await xenditAdapter.create(cfg, tx({ expiresAt: new Date(Date.now() + HOUR) }))
    await sim.expire(a.reference)
    expect((await status(a.reference)).state).toBe('expired')
    const later = Date.now() + 2 * HOUR
    sim.now = () => new Date(later)
    expect((await status(b.reference)).state).toBe('expired')
  })
})

describe('Xendit callbacks', () => {
  it('accepts the callback Xendit posts with the account token, as received', async () => {
    const receiver = await startCallbackReceiver(
      (c) => xenditAdapter.verifyCallback(cfg, c.body, c.headers).reply,
    )
    sim.callbackUrl = receiver.url
    try {
      const { reference } = await xenditAdapter.create(cfg, tx())
      const delivery = await sim.pay(reference)
      expect(delivery?.status).toBe(200)
      const last = receiver.received.at(-1)
      expect(last?.headers['x-callback-token']).toBe(sim.callbackToken)
      const verdict = xenditAdapter.verifyCallback(
        cfg,
        last?.body ?? Buffer.alloc(0),
        last?.headers ?? {},
      )
      expect(verdict.valid).toBe(true)
      expect(verdict.status).toMatchObject({
        reference,
        merchantRef: 'LKT-7-000124',
        state: 'paid',
        amount: 154_440,
      })
    } finally {
      await receiver.close()
    }
  })

  it('an expiry callback says expired', async () => {
    const { reference } = await xenditAdapter.create(cfg, tx())
    await sim.expire(reference)
    const verdict = xenditAdapter.verifyCallback(cfg, Buffer.from(sim.callbackBody(reference)), {
      'x-callback-token': sim.callbackToken,
    })
    expect(verdict).toMatchObject({ valid: true, status: { state: 'expired' } })
  })

  it('refuses a callback with a wrong token, or none, and answers so Xendit retries', async () => {
    const { reference } = await xenditAdapter.create(cfg, tx())
    await sim.pay(reference)
    const body = Buffer.from(sim.callbackBody(reference))
    for (const token of ['xendit-callback-token-wrong', `${sim.callbackToken}x`, '', undefined]) {
      const verdict = xenditAdapter.verifyCallback(cfg, body, { 'x-callback-token': token })
      expect(verdict).toMatchObject({ valid: false, status: null, reply: { code: 401 } })
    }
  })

  it('refuses every callback while Loket has no callback token saved', async () => {
    const { reference } = await xenditAdapter.create(cfg, tx())
    await sim.pay(reference)
    const noToken = { ...cfg, keys: { secretKey: sim.secretKey } }
    const verdict = xenditAdapter.verifyCallback(
      noToken,
      Buffer.from(sim.callbackBody(reference)),
      {
        'x-callback-token': '',
      },
    )
    expect(verdict.valid).toBe(false)
  })

  it('a genuine token on a body that is not an invoice is answered 400 with no status', () => {
    const verdict = xenditAdapter.verifyCallback(cfg, Buffer.from('{"id":"x"}'), {
      'x-callback-token': sim.callbackToken,
    })
    expect(verdict).toMatchObject({ valid: true, status: null, reply: { code: 400 } })
  })
})

describe('Xendit channels and an unreachable gateway', () => {
  it('"tes koneksi" (the channel list) proves the secret key by listing one invoice', async () => {
    await expect(xenditAdapter.channels(cfg)).resolves.toHaveLength(20)
    const wrong = { ...cfg, keys: { ...cfg.keys, secretKey: 'xnd_development_wrong' } }
    await expect(xenditAdapter.channels(wrong)).rejects.toThrow(/INVALID_API_KEY/)
  })

  it('lists the fixed channels grouped, with the published fee plus PPN where it is not included', async () => {
    const channels = await xenditAdapter.channels(cfg)
    const fee = (code: string) => channels.find((c) => c.code === code)?.fee(150_000)
    expect(new Set(channels.map((c) => c.group))).toEqual(
      new Set(['virtual_account', 'qris', 'ewallet', 'retail', 'other']),
    )
    expect(fee('BRI')).toBe(4_440)
    expect(fee('QRIS')).toBe(1_050) // 0,7% incl. PPN
    expect(fee('OVO')).toBe(2_498) // 1,5% = 2.250, + 11% = 2.497,5 → up
    expect(fee('ALFAMART')).toBe(5_550)
  })

  it('a simulator that is down is a GatewayCallError naming the host', async () => {
    await sim.down()
    const error = await xenditAdapter.create(cfg, tx()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayCallError)
    expect((error as Error).message).toBe(`127.0.0.1:${sim.port} menolak koneksi (ECONNREFUSED)`)
  })

  it('a simulator that never answers is a GatewayCallError after the deadline', async () => {
    sim.hangNext(1)
    const error = await createXenditAdapter({ timeoutMs: 300 })
      .create(cfg, tx())
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayCallError)
    expect((error as Error).message).toBe(`127.0.0.1:${sim.port} tidak menjawab dalam 300 ms`)
  })
})
