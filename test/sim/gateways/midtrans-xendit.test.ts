import { afterEach, describe, expect, it } from 'vitest'
import { startMidtransSim, type MidtransSim } from './midtrans'
import { startCallbackReceiver, type CallbackReceiver } from './sim-http'
import { startXenditSim, type XenditSim } from './xendit'

let midtrans: MidtransSim | null = null
let xendit: XenditSim | null = null
let receiver: CallbackReceiver | null = null
afterEach(async () => {
  await Promise.all([midtrans?.close(), xendit?.close(), receiver?.close()])
  midtrans = xendit = receiver = null
})

const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`

const post = (url: string, body: unknown, auth?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: JSON.stringify(body),
  })

describe('demo controls over HTTP', () => {
  it('Midtrans: POST /_sim/pay settles the order and posts the notification to the dashboard URL', async () => {
    receiver = await startCallbackReceiver(() => ({ code: 200, body: { status: 'ok' } }))
    midtrans = await startMidtransSim({ notificationUrl: receiver.url })
    const snap = await post(
      `${midtrans.url}/snap/v1/transactions`,
      { transaction_details: { order_id: 'DEMO-1', gross_amount: 25_000 } },
      basicAuth(midtrans.serverKey),
    )
    expect(snap.status).toBe(201)
    const paid = await post(`${midtrans.url}/_sim/pay`, { order_id: 'DEMO-1' })
    expect(paid.status).toBe(200)
    expect(midtrans.transactions.get('DEMO-1')?.status).toBe('settlement')
    const bodies = receiver.received.map(
      (c) => JSON.parse(c.body.toString()) as Record<string, string>,
    )
    // Choosing a method (pending) then paying (settlement): two notifications, as Midtrans sends.
    expect(bodies.map((b) => [b.transaction_status, b.status_code, b.gross_amount])).toEqual([
      ['pending', '201', '25000.00'],
      ['settlement', '200', '25000.00'],
    ])
    const unknown = await post(`${midtrans.url}/_sim/pay`, { order_id: 'NOPE' })
    expect(unknown.status).toBe(400)
  })

  it('Xendit: POST /_sim/pay by external_id pays the invoice and posts the callback with the token', async () => {
    receiver = await startCallbackReceiver(() => ({ code: 200, body: {} }))
    xendit = await startXenditSim({ callbackUrl: receiver.url })
    const created = await post(
      `${xendit.url}/v2/invoices`,
      { external_id: 'DEMO-2', amount: 25_000 },
      basicAuth(xendit.secretKey),
    )
    expect(created.status).toBe(200)
    const paid = await post(`${xendit.url}/_sim/pay`, { external_id: 'DEMO-2', amount: 20_000 })
    expect(paid.status).toBe(200)
    const callback = receiver.received[0]
    expect(callback?.headers['x-callback-token']).toBe(xendit.callbackToken)
    expect(JSON.parse(callback?.body.toString() ?? '{}')).toMatchObject({
      external_id: 'DEMO-2',
      status: 'PAID',
      amount: 25_000,
      paid_amount: 20_000,
    })
  })

  it('both refuse API calls without the key', async () => {
    midtrans = await startMidtransSim()
    xendit = await startXenditSim()
    const snap = await post(`${midtrans.url}/snap/v1/transactions`, {})
    const invoice = await post(`${xendit.url}/v2/invoices`, {}, basicAuth('xnd_development_other'))
    expect([snap.status, invoice.status]).toEqual([401, 401])
  })
})
