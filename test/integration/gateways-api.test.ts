import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { startGatewayPayment } from '@core/gateways'
import {
  companyOwner,
  startTestHost,
  twoBilledCustomers,
  type TestHost,
} from '../helpers/http-host'
import { signTripay, startTripaySim, type TripaySim } from '../sim/gateways/tripay'

let host: TestHost | null = null
let sim: TripaySim | null = null
afterEach(async () => {
  await host?.stop()
  await sim?.close()
  host = sim = null
})

/** A POST as the gateway sends it: its own bytes, under the public name the office gave it. */
function post(
  url: string,
  hostHeader: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: { host: hostHeader, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function setup() {
  host = await startTestHost()
  sim = await startTripaySim()
  const { owner } = await companyOwner(host)
  const { ids } = await twoBilledCustomers(owner)
  const saved = await owner.gateways.save.mutate({
    gateway: 'tripay',
    enabled: true,
    mode: 'sandbox',
    baseUrl: sim.baseUrl,
    keys: { ...sim.keys },
    feePolicy: 'customer',
    expiryHours: 24,
    pollMinutes: 5,
    channels: null,
  })
  const services = host.services
  const invoice = await services.db
    .selectFrom('invoices')
    .select(['id', 'company_id'])
    .where('customer_id', '=', ids[0])
    .executeTakeFirstOrThrow()
  const actor = {
    companyId: invoice.company_id,
    userId: null,
    username: 'portal',
    ip: null,
    userAgent: null,
  }
  const started = await startGatewayPayment(
    services,
    {
      companyId: invoice.company_id,
      timeZone: 'Asia/Jakarta',
      actor,
      publicBaseUrl: host.url,
    },
    { customerId: ids[0], invoiceIds: [invoice.id], channel: 'BRIVA', via: 'portal' },
  )
  const payments = () =>
    services.db.selectFrom('payments').selectAll().where('customer_id', '=', ids[0]).execute()
  return { owner, saved, started, payments, sim: sim!, host: host! }
}

describe('online payment through the running host (issue 17)', () => {
  it('keys are never read back; Tes koneksi lists the channels', async () => {
    const { owner, saved } = await setup()
    expect(saved.keysSaved).toEqual(['merchantCode', 'apiKey', 'privateKey'])
    const list = await owner.gateways.settings.query()
    expect(JSON.stringify(list)).not.toContain(sim!.keys.privateKey)
    expect(JSON.stringify(list)).not.toContain(sim!.keys.apiKey)
    const test = await owner.gateways.test.mutate({ gateway: 'tripay' })
    expect(test.channels.map((c) => c.code)).toContain('BRIVA')
  })

  it('POST /api/pay/tripay: a forged callback changes nothing; the real one (under the public name) applies once however often it comes', async () => {
    const { owner, started, payments, sim, host } = await setup()
    expect(sim.transactions.get(started.reference)!.callback_url).toBe(`${host.url}api/pay/tripay`)
    sim.pay(started.reference)

    const forged = await sim.sendCallback(started.reference, { signWith: 'tebakan' })
    expect(forged.status).toBe(400)
    expect(JSON.parse(forged.body)).toMatchObject({ success: false })
    expect(await payments()).toEqual([])

    const raw = sim.callbackBody(started.reference)
    expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw)
    const real = await post(`${host.url}api/pay/tripay`, 'bayar.netjaya.id', raw, {
      'x-callback-event': 'payment_status',
      'x-callback-signature': signTripay(sim.keys.privateKey, raw),
    })
    expect(real).toEqual({ status: 200, body: '{"success":true}' })
    const replay = await sim.sendCallback(started.reference)
    expect(replay.status).toBe(200)
    expect(await payments()).toHaveLength(1)

    const [tx] = await owner.gateways.transactions.query({ state: null, limit: 10 })
    expect(tx).toMatchObject({ reference: started.reference, state: 'paid', amount: 150_000 })
    const events = await host.services.db
      .selectFrom('gateway_events')
      .select(['outcome', 'source'])
      .orderBy('id')
      .execute()
    expect(events.map((e) => e.outcome)).toEqual(['bad_signature', 'applied', 'duplicate'])
  })

  it('an unknown gateway is a 404, and a held payment is approved through the API', async () => {
    const { owner, started, payments, sim, host } = await setup()
    expect((await post(`${host.url}api/pay/paypal`, 'x', '{}', {})).status).toBe(404)
    sim.pay(started.reference, { amount: 120_000 })
    expect((await sim.sendCallback(started.reference)).status).toBe(200)
    const [held] = await owner.gateways.transactions.query({ state: 'held', limit: 10 })
    expect(held).toMatchObject({ paidAmount: 120_000 })
    const approved = await owner.gateways.approve.mutate({ id: held!.id, reason: 'cek mutasi' })
    expect(approved.amount).toBe(120_000 - 4_250)
    expect(await payments()).toHaveLength(1)
  })
})
