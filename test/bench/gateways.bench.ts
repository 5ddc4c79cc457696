import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { startGatewayPayment, pollGateways } from '@core/gateways'
import { areaAndPackage, companyOwner, startTestHost } from '../helpers/http-host'
import { signTripay, TRIPAY_SIM_KEYS } from '../sim/gateways/tripay'
import { freePort, report, ROOT } from './lib'

const CUSTOMERS = 30
const OPEN = 10_000

/** The gateway simulators of `npm run sim:gateways`, in a process of their own. */
async function startSimProcess(): Promise<{ child: ChildProcess; url: string; baseUrl: string }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/sim/gateways/cli.ts',
      '--only',
      'tripay',
      '--port-offset',
      String(port - 18090),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let text = ''
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()))
  while (!text.includes('Tripay simulator on')) await once(child.stdout!, 'data')
  const baseUrl = /Tripay simulator on (\S+)/.exec(text)![1]!
  return { child, url: new URL(baseUrl).origin, baseUrl }
}

/**
 * Online payment through the running host (real HTTP, SQLite) with the Tripay simulator in its
 * own process: (1) a signed callback for an isolated customer's invoice, from the POST until the
 * host has applied the payment, queued the receipt and restored the service (the answer comes
 * after all three); (2) one polling pass over 10,000 open transactions (each one
 * `transaction/detail` call and one write).
 */
export async function run(): Promise<void> {
  const sim = await startSimProcess()
  const host = await startTestHost()
  try {
    const { owner } = await companyOwner(host)
    const { area, product } = await areaAndPackage(owner)
    const db = host.services.db
    const customers: number[] = []
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = await owner.customers.create.mutate({ areaId: area.id, name: `Pelanggan ${i + 1}` })
      await owner.customers.addService.mutate({
        customerId: c.id,
        productId: product.id,
        status: 'aktif',
        activationDate: '2026-10-01',
      })
      customers.push(c.id)
    }
    await owner.billing.runPeriod.mutate({ period: '2026-11', asOf: '2026-11-01' })
    await db.updateTable('services').set({ status: 'isolir' }).execute()
    await owner.gateways.save.mutate({
      gateway: 'tripay',
      enabled: true,
      mode: 'sandbox',
      baseUrl: sim.baseUrl,
      keys: { ...TRIPAY_SIM_KEYS },
      feePolicy: 'customer',
      expiryHours: 24,
      pollMinutes: 5,
      channels: null,
    })
    const companyId = (await db.selectFrom('companies').select('id').executeTakeFirstOrThrow()).id
    const actor = { companyId, userId: null, username: 'bench', ip: null, userAgent: null }
    const ctx = { companyId, timeZone: 'Asia/Jakarta', actor, publicBaseUrl: host.url }

    const samples: number[] = []
    let restored = 0
    for (const customerId of customers) {
      const invoice = await db
        .selectFrom('invoices')
        .select('id')
        .where('customer_id', '=', customerId)
        .executeTakeFirstOrThrow()
      const started = await startGatewayPayment(host.services, ctx, {
        customerId,
        invoiceIds: [invoice.id],
        channel: 'BRIVA',
        via: 'portal',
      })
      await fetch(`${sim.url}/_sim/pay`, {
        method: 'POST',
        body: JSON.stringify({ reference: started.reference, callback: false }),
      })
      // The simulator's own bytes, signed as Tripay signs them.
      const txs = (await (await fetch(`${sim.url}/_sim/transactions`)).json()) as {
        reference: string
        merchant_ref: string
        fee_customer: number
      }[]
      const t = txs.find((x) => x.reference === started.reference)!
      const body = `{"reference": "${t.reference}", "merchant_ref": "${t.merchant_ref}", "payment_method_code": "BRIVA", "total_amount": ${started.total}.0, "fee_customer": ${t.fee_customer}, "status": "PAID", "paid_at": ${Math.floor(Date.now() / 1000)}, "note": "bench \\/ sim"}`
      const t0 = performance.now()
      const response = await fetch(`${host.url}api/pay/tripay`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-callback-event': 'payment_status',
          'x-callback-signature': signTripay(TRIPAY_SIM_KEYS.privateKey, body),
        },
        body,
      })
      await response.text()
      samples.push(performance.now() - t0)
      const service = await db
        .selectFrom('services')
        .select('status')
        .where('customer_id', '=', customerId)
        .executeTakeFirstOrThrow()
      if (service.status !== 'isolir') restored += 1
    }
    report('gateways: callback → payment, receipt, restore (host)', 'ms', samples, {
      restored,
      customers: CUSTOMERS,
    })

    // 10,000 open transactions, known to the simulator and due for their poll.
    const customerId = customers[0]!
    const now = host.clock.now()
    const at = now.toISOString()
    const rows = Array.from({ length: OPEN }, (_, i) => ({
      company_id: companyId,
      gateway: 'tripay',
      merchant_ref: `BENCH-${i}`,
      reference: `DEV-BENCH${String(i).padStart(6, '0')}`,
      customer_id: customerId,
      amount: 150_000,
      fee: 4_250,
      total: 154_250,
      channel: 'BRIVA',
      channel_name: 'BRI Virtual Account',
      checkout_url: null,
      pay_code: null,
      instructions: '[]',
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      state: 'unpaid',
      paid_amount: null,
      paid_at: null,
      payment_id: null,
      held_reason: null,
      reviewed_by: null,
      reviewed_at: null,
      next_poll_at: at,
      last_polled_at: null,
      via: 'portal',
      created_by: 'bench',
      created_at: at,
      updated_at: at,
    }))
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('gateway_transactions')
        .values(rows.slice(i, i + 500))
        .execute()
    await fetch(`${sim.url}/_sim/adopt`, {
      method: 'POST',
      body: JSON.stringify(
        rows.map((r) => ({
          reference: r.reference,
          merchant_ref: r.merchant_ref,
          method: 'BRIVA',
          amount: r.total,
          fee_customer: r.fee,
          customer_name: 'Bench',
          callback_url: null,
          return_url: null,
          expired_time: Math.floor(Date.parse(r.expires_at) / 1000),
          status: 'UNPAID',
          paid_amount: null,
          paid_at: null,
          pay_code: null,
        })),
      ),
    })
    const t0 = performance.now()
    const pass = await pollGateways(host.services, companyId)
    const ms = performance.now() - t0
    report('gateways: one polling pass over 10,000 open transactions', 'ms', [ms], {
      polled: pass.counts.polled,
      errors: pass.counts.errors,
      perSecond: Math.round((pass.counts.polled! / ms) * 1000),
    })
    const idle = performance.now()
    await pollGateways(host.services, companyId)
    report('gateways: a polling pass with nothing due', 'ms', [performance.now() - idle])
  } finally {
    await host.stop()
    sim.child.kill()
  }
}
