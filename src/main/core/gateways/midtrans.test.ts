import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  midtransSignature,
  startMidtransSim,
  type MidtransSim,
} from '../../../../test/sim/gateways/midtrans'
import { startCallbackReceiver } from '../../../../test/sim/gateways/sim-http'
import { GatewayCallError, type CreateTransaction, type GatewayConfig } from './adapter'
import { createMidtransAdapter, midtransAdapter, midtransHosts, midtransState } from './midtrans'

let sim: MidtransSim
let cfg: GatewayConfig
const HOUR = 3_600_000

beforeEach(async () => {
  sim = await startMidtransSim()
  cfg = { mode: 'sandbox', baseUrl: sim.url, keys: { serverKey: sim.serverKey } }
})
afterEach(async () => {
  await sim.close()
})

function tx(over: Partial<CreateTransaction> = {}): CreateTransaction {
  return {
    merchantRef: 'LKT-7-000123',
    channel: 'bca_va',
    amount: 154_440,
    customer: { name: 'Budi Santoso', email: null, phone: '6281234567890' },
    items: [
      { sku: 'INV-2026-0042', name: 'Internet 20 Mbps Desember 2026', price: 150_000, quantity: 1 },
    ],
    callbackUrl: null,
    returnUrl: 'http://192.168.1.10:3000/portal/bayar',
    expiresAt: new Date(Date.now() + 24 * HOUR),
    ...over,
  }
}

/** A settled Rp 10.000 order, the amount the docs' examples use. */
async function settledTenThousand(): Promise<string> {
  const created = await midtransAdapter.create(
    cfg,
    tx({ amount: 10_000, items: [{ sku: 'INV-1', name: 'Voucher', price: 10_000, quantity: 1 }] }),
  )
  await sim.pay(created.reference)
  return created.reference
}

/** Re-signs a notification body over `grossAmountText` (what a sloppy sender would sign). */
function resigned(body: string, orderId: string, grossAmountText: string): Buffer {
  const json = JSON.parse(body) as Record<string, string>
  json.signature_key = midtransSignature(
    orderId,
    json.status_code ?? '',
    grossAmountText,
    sim.serverKey,
  )
  return Buffer.from(JSON.stringify(json))
}

describe('Midtrans Snap transactions', () => {
  it('opens a Snap transaction: the payment page is the checkout URL and the order_id the reference', async () => {
    const created = await midtransAdapter.create(cfg, tx())
    expect(created.reference).toBe('LKT-7-000123')
    expect(created.checkoutUrl).toMatch(new RegExp(`^${sim.url}/snap/v4/redirection/`))
    expect(created.amount).toBe(154_440)
    const opened = sim.transactions.get('LKT-7-000123')
    expect(opened?.grossAmount).toBe(154_440)
    expect(opened?.enabledPayments).toEqual(['bca_va'])
    expect(opened?.finishUrl).toBe('http://192.168.1.10:3000/portal/bayar')
    // Expiry sent as start + minutes: within a minute of what Loket asked.
    expect(Math.abs((opened?.expiresAt.getTime() ?? 0) - created.expiresAt.getTime())).toBeLessThan(
      60_000,
    )
  })

  it('refuses a wrong server key with Midtrans words and HTTP 401', async () => {
    const wrong = { ...cfg, keys: { serverKey: 'SB-Mid-server-wrong' } }
    const error = await midtransAdapter.create(wrong, tx()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayCallError)
    expect((error as GatewayCallError).message).toMatch(/Access denied/)
    expect((error as GatewayCallError).httpStatus).toBe(401)
  })

  it('refuses an order_id used before', async () => {
    await midtransAdapter.create(cfg, tx())
    await expect(midtransAdapter.create(cfg, tx())).rejects.toThrow(/order_id sudah digunakan/)
  })

  it('says which setting is missing when there is no server key', async () => {
    await expect(midtransAdapter.create({ ...cfg, keys: {} }, tx())).rejects.toThrow(
      /serverKey belum diisi/,
    )
  })
})

describe('Midtrans status through the Core API', () => {
  const status = (ref: string) => midtransAdapter.status(cfg, { reference: ref, merchantRef: ref })

  it('an order nobody chose a payment method for yet (Core API 404) is unpaid', async () => {
    const { reference } = await midtransAdapter.create(cfg, tx())
    expect((await status(reference)).state).toBe('unpaid')
  })

  it('pending is unpaid; settlement is paid with the amount and the settlement time', async () => {
    const { reference } = await midtransAdapter.create(cfg, tx())
    await sim.choose(reference, 'bca_va')
    expect((await status(reference)).state).toBe('unpaid')
    await sim.pay(reference)
    const paid = await status(reference)
    expect(paid).toMatchObject({
      reference,
      merchantRef: reference,
      state: 'paid',
      amount: 154_440,
    })
    expect(Math.abs((paid.paidAt?.getTime() ?? 0) - Date.now())).toBeLessThan(5_000)
  })

  it('reports the amount actually paid when it differs from the one asked', async () => {
    const { reference } = await midtransAdapter.create(cfg, tx())
    await sim.pay(reference, { amount: 150_000 })
    expect(await status(reference)).toMatchObject({ state: 'paid', amount: 150_000 })
  })

  it('expire is expired, deny / cancel / failure are failed, refund is refund', async () => {
    const refs = ['LKT-EXP', 'LKT-DENY', 'LKT-CANCEL', 'LKT-FAIL', 'LKT-REF']
    for (const merchantRef of refs) await midtransAdapter.create(cfg, tx({ merchantRef }))
    for (const ref of refs) await sim.choose(ref)
    await sim.expire('LKT-EXP')
    await sim.fail('LKT-DENY', 'deny')
    await sim.fail('LKT-CANCEL', 'cancel')
    await sim.fail('LKT-FAIL', 'failure')
    await sim.pay('LKT-REF')
    await sim.refund('LKT-REF')
    const states = await Promise.all(refs.map(async (r) => (await status(r)).state))
    expect(states).toEqual(['expired', 'failed', 'failed', 'failed', 'refund'])
  })

  it('an order past its expiry is expired when Midtrans says so', async () => {
    const { reference } = await midtransAdapter.create(
      cfg,
      tx({ expiresAt: new Date(Date.now() + HOUR) }),
    )
    await sim.choose(reference)
    const later = Date.now() + 2 * HOUR
    sim.now = () => new Date(later)
    expect((await status(reference)).state).toBe('expired')
  })
})

describe('Midtrans notifications', () => {
  it('accepts the notification Midtrans posts to the per-transaction URL, as received', async () => {
    const receiver = await startCallbackReceiver(
      (c) => midtransAdapter.verifyCallback(cfg, c.body, c.headers).reply,
    )
    try {
      const { reference } = await midtransAdapter.create(cfg, tx({ callbackUrl: receiver.url }))
      const delivery = await sim.pay(reference)
      expect(delivery?.status).toBe(200)
      const last = receiver.received.at(-1)
      const verdict = midtransAdapter.verifyCallback(cfg, last?.body ?? Buffer.alloc(0), {})
      expect(verdict.valid).toBe(true)
      expect(verdict.status).toMatchObject({ reference, state: 'paid', amount: 154_440 })
    } finally {
      await receiver.close()
    }
  })

  it('refuses a notification signed with another server key, and answers so Midtrans retries', async () => {
    const ref = await settledTenThousand()
    const forged = sim.notification(ref, { serverKey: 'SB-Mid-server-attacker' })
    const verdict = midtransAdapter.verifyCallback(cfg, Buffer.from(forged), {})
    expect(verdict).toMatchObject({ valid: false, status: null })
    expect(verdict.reply.code).toBe(401)
  })

  // transaction_status is outside the signature; its status_code is inside.
  it('refuses a genuine pending notification whose status was rewritten to settlement', async () => {
    const { reference } = await midtransAdapter.create(cfg, tx())
    await sim.choose(reference)
    const pending = sim.notification(reference)
    const tampered = pending.replace(
      '"transaction_status":"pending"',
      '"transaction_status":"settlement"',
    )
    expect(tampered).not.toBe(pending)
    expect(midtransAdapter.verifyCallback(cfg, Buffer.from(tampered), {}).valid).toBe(false)
  })

  it('believes genuine cancel (200), deny and expire (202) notifications: they move no money', async () => {
    const refs = ['LKT-N-CANCEL', 'LKT-N-DENY', 'LKT-N-EXP']
    for (const merchantRef of refs) await midtransAdapter.create(cfg, tx({ merchantRef }))
    for (const ref of refs) await sim.choose(ref)
    await sim.fail('LKT-N-CANCEL', 'cancel')
    await sim.fail('LKT-N-DENY', 'deny')
    await sim.expire('LKT-N-EXP')
    const verdicts = refs.map((ref) =>
      midtransAdapter.verifyCallback(cfg, Buffer.from(sim.notification(ref)), {}),
    )
    expect(verdicts.map((v) => [v.valid, v.status?.state])).toEqual([
      [true, 'failed'],
      [true, 'failed'],
      [true, 'expired'],
    ])
    // A cancel's own status_code (200) does not make a rewritten status "settlement" believable
    // as money: the same 200 with settlement needs Midtrans's signature over a settled amount.
    expect(sim.notification('LKT-N-CANCEL')).toContain('"status_code":"200"')
  })

  it('checks gross_amount "10000.00" over the exact string: a signature over 10000 re-formatted fails', async () => {
    const ref = await settledTenThousand()
    const genuine = sim.notification(ref, { rawGrossAmount: '"10000.00"' })
    expect(midtransAdapter.verifyCallback(cfg, Buffer.from(genuine), {})).toMatchObject({
      valid: true,
      status: { state: 'paid', amount: 10_000 },
    })
    for (const reformatted of ['10000', '10000.0', '10,000.00'])
      expect(
        midtransAdapter.verifyCallback(cfg, resigned(genuine, ref, reformatted), {}).valid,
      ).toBe(false)
  })

  it('reads a bare-number gross_amount from the raw bytes, not from a re-serialisation', async () => {
    const ref = await settledTenThousand()
    // JSON.parse turns 10000.00 into 10000; the signature covers the digits as sent.
    const bare = sim.notification(ref, { rawGrossAmount: '10000.00' })
    expect(bare).toContain('"gross_amount":10000.00')
    expect(midtransAdapter.verifyCallback(cfg, Buffer.from(bare), {}).valid).toBe(true)
  })

  it('refuses a body that is not a notification without crashing', () => {
    for (const body of ['', 'not json', '[]', '{"order_id":"X"}'])
      expect(midtransAdapter.verifyCallback(cfg, Buffer.from(body), {})).toMatchObject({
        valid: false,
        reply: { code: 400 },
      })
  })
})

describe('Midtrans states', () => {
  it('maps transaction_status (and fraud_status for a card capture) to Loket states', () => {
    expect(midtransState('settlement', undefined)).toBe('paid')
    expect(midtransState('capture', 'accept')).toBe('paid')
    expect(midtransState('capture', 'challenge')).toBe('unpaid')
    expect(midtransState('pending', undefined)).toBe('unpaid')
    expect(midtransState('expire', undefined)).toBe('expired')
    expect(['deny', 'cancel', 'failure'].map((s) => midtransState(s, undefined))).toEqual([
      'failed',
      'failed',
      'failed',
    ])
    expect(midtransState('refund', undefined)).toBe('refund')
    expect(midtransState('something_new', undefined)).toBeNull()
  })
})

describe('Midtrans hosts and channels', () => {
  it('derives Snap from the Core API host per mode, and serves both from a simulator URL', () => {
    const hosts = (mode: 'sandbox' | 'production', baseUrl: string) =>
      midtransHosts({ mode, baseUrl, keys: {} })
    expect(hosts('sandbox', '')).toEqual({
      snap: 'https://app.sandbox.midtrans.com',
      coreApi: 'https://api.sandbox.midtrans.com',
    })
    expect(hosts('production', '')).toEqual({
      snap: 'https://app.midtrans.com',
      coreApi: 'https://api.midtrans.com',
    })
    expect(hosts('production', 'https://app.midtrans.com/')).toEqual(hosts('production', ''))
    expect(hosts('sandbox', 'http://127.0.0.1:18091/')).toEqual({
      snap: 'http://127.0.0.1:18091',
      coreApi: 'http://127.0.0.1:18091',
    })
  })

  it('"tes koneksi" (the channel list) proves the server key with one Core API call', async () => {
    await expect(midtransAdapter.channels(cfg)).resolves.toHaveLength(15)
    const wrong = { ...cfg, keys: { serverKey: 'SB-Mid-server-wrong' } }
    await expect(midtransAdapter.channels(wrong)).rejects.toThrow(/Access denied/)
  })

  it('lists the fixed channels grouped, with the published fee plus PPN', async () => {
    const channels = await midtransAdapter.channels(cfg)
    const fee = (code: string, amount: number) => channels.find((c) => c.code === code)?.fee(amount)
    expect(new Set(channels.map((c) => c.group))).toEqual(
      new Set(['virtual_account', 'qris', 'ewallet', 'retail', 'other']),
    )
    expect(fee('bca_va', 150_000)).toBe(4_440) // Rp 4.000 + 11%
    expect(fee('other_qris', 150_000)).toBe(1_166) // 0,7% = 1.050, + 11% = 1.165,5 → up
    expect(fee('gopay', 150_000)).toBe(3_330)
    expect(fee('credit_card', 100_000)).toBe(5_439) // (2.000 + 2.900) × 1,11
  })
})

describe('Midtrans unreachable', () => {
  it('a simulator that is down is a GatewayCallError naming the host', async () => {
    await sim.down()
    const error = await midtransAdapter.create(cfg, tx()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayCallError)
    expect((error as Error).message).toBe(`127.0.0.1:${sim.port} menolak koneksi (ECONNREFUSED)`)
  })

  it('a simulator that never answers is a GatewayCallError after the deadline', async () => {
    sim.hangNext(1)
    const quick = createMidtransAdapter({ timeoutMs: 300 })
    const error = await quick
      .status(cfg, { reference: 'LKT-1', merchantRef: 'LKT-1' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayCallError)
    expect((error as Error).message).toBe(`127.0.0.1:${sim.port} tidak menjawab dalam 300 ms`)
  })
})
