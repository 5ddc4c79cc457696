/**
 * A Tripay simulator (https://tripay.co.id/developer, INTEGRATIONS.md "Payment gateways") for
 * tests, benches and demos, on 127.0.0.1 only. It speaks the closed-payment API under both the
 * sandbox and production prefixes (`/api-sandbox/…`, `/api/…`):
 *
 * - `GET merchant/payment-channel` — `Authorization: Bearer <api_key>`; each channel with group,
 *   code, name, fee_merchant / fee_customer / total_fee {flat, percent}, minimum_fee, maximum_fee,
 *   active.
 * - `POST transaction/create` — method, merchant_ref, amount, customer_*, order_items (their sum
 *   must equal amount), callback_url, return_url, expired_time, signature = hex
 *   HMAC-SHA256(private_key, merchant_code + merchant_ref + amount); answers the transaction
 *   (reference, checkout_url, pay_code, status UNPAID, instructions …).
 * - `GET transaction/detail?reference=…` — the transaction as it stands.
 * - Every answer is `{success, message, data}`; refusals are HTTP 4xx with success false.
 *
 * Tests and demos act as the customer and as Tripay: `pay` (optionally another amount),
 * `expire`, `fail`, and `sendCallback`, which POSTs the signed callback (headers
 * `X-Callback-Event: payment_status`, `X-Callback-Signature` = HMAC-SHA256 of the raw body) to
 * the transaction's callback_url. The body is written the way PHP writes it — escaped slashes,
 * spaces, `150000.0` — so a receiver that re-serialises before checking fails. The same actions
 * are reachable over HTTP for demos: `POST /_sim/pay {reference, amount?, callback?}`,
 * `POST /_sim/expire {reference}`, `GET /_sim/transactions`.
 */
import { createHmac, randomInt } from 'node:crypto'
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface TripaySimKeys {
  merchantCode: string
  apiKey: string
  privateKey: string
}

export const TRIPAY_SIM_KEYS: TripaySimKeys = {
  merchantCode: 'T0001',
  apiKey: 'DEV-sim-api-key-0001',
  privateKey: 'sim-private-key-0001',
}

interface Fee {
  flat: number
  percent: number
}

interface SimChannel {
  group: string
  code: string
  name: string
  fee_customer: Fee
  fee_merchant: Fee
  minimum_fee: number | null
  maximum_fee: number | null
  active: boolean
}

export const TRIPAY_SIM_CHANNELS: SimChannel[] = [
  channel('Virtual Account', 'BRIVA', 'BRI Virtual Account', { flat: 4250, percent: 0 }),
  channel('Virtual Account', 'BCAVA', 'BCA Virtual Account', { flat: 5500, percent: 0 }),
  channel(
    'Virtual Account',
    'MANDIRIVA',
    'Mandiri Virtual Account',
    { flat: 4250, percent: 0 },
    { active: false },
  ),
  channel('E-Wallet', 'QRIS', 'QRIS by ShopeePay', { flat: 750, percent: 0.7 }),
  channel('E-Wallet', 'OVO', 'OVO', { flat: 0, percent: 3 }, { minimum: 1000 }),
  channel('Convenience Store', 'ALFAMART', 'Alfamart', { flat: 3500, percent: 0 }),
]

function channel(
  group: string,
  code: string,
  name: string,
  fee: Fee,
  o: { active?: boolean; minimum?: number; maximum?: number } = {},
): SimChannel {
  return {
    group,
    code,
    name,
    fee_customer: fee,
    fee_merchant: { flat: 0, percent: 0 },
    minimum_fee: o.minimum ?? null,
    maximum_fee: o.maximum ?? null,
    active: o.active ?? true,
  }
}

export type SimStatus = 'UNPAID' | 'PAID' | 'EXPIRED' | 'FAILED' | 'REFUND'

export interface SimTransaction {
  reference: string
  merchant_ref: string
  method: string
  amount: number
  fee_customer: number
  customer_name: string
  customer_email: string
  customer_phone: string
  callback_url: string | null
  return_url: string | null
  expired_time: number
  status: SimStatus
  /** What the customer actually paid (may differ from amount when a test says so). */
  paid_amount: number | null
  paid_at: number | null
  pay_code: string | null
  order_items: unknown[]
}

export interface CallbackResult {
  status: number
  body: string
  /** The exact bytes posted. */
  sent: string
}

export interface TripaySim {
  readonly url: string
  /** http://127.0.0.1:PORT/api-sandbox/ — the base URL to save in Loket's settings. */
  readonly baseUrl: string
  readonly keys: TripaySimKeys
  readonly transactions: Map<string, SimTransaction>
  readonly requests: { method: string; path: string; status: number }[]
  /** Answer every API call with HTTP 503 while true (the gateway in trouble). */
  down: boolean
  byMerchantRef(merchantRef: string): SimTransaction | undefined
  /** The customer pays (the whole amount unless told otherwise); no callback is sent. */
  pay(reference: string, o?: { amount?: number; at?: Date }): SimTransaction
  expire(reference: string): SimTransaction
  fail(reference: string): SimTransaction
  /**
   * POSTs the transaction's callback to its callback_url (or `to`), signed over the exact
   * bytes sent. `signWith` signs with another key (a forgery); `body` replaces the text.
   */
  sendCallback(
    reference: string,
    o?: { to?: string; signWith?: string; body?: string; event?: string },
  ): Promise<CallbackResult>
  /** The callback body Tripay would send now, PHP-style (escaped slashes, `.0` amounts). */
  callbackBody(reference: string): string
  /** A transaction put straight into the sim's book (benches seeding thousands). */
  adopt(t: Omit<SimTransaction, 'order_items' | 'customer_email' | 'customer_phone'>): void
  close(): Promise<void>
}

export const signTripay = (privateKey: string, data: string | Buffer) =>
  createHmac('sha256', privateKey).update(data).digest('hex')

const feeOf = (c: SimChannel, amount: number) => {
  let fee = c.fee_customer.flat + (amount * c.fee_customer.percent) / 100
  if (c.minimum_fee && fee < c.minimum_fee) fee = c.minimum_fee
  if (c.maximum_fee && fee > c.maximum_fee) fee = c.maximum_fee
  return Math.ceil(fee)
}

/** PHP's json_encode escapes "/" as "\/"; the rest is ordinary JSON. */
const phpString = (value: string) => JSON.stringify(value).replace(/\//g, '\\/')

function instructionsFor(t: SimTransaction, c: SimChannel) {
  const code = t.pay_code ?? ''
  if (c.code === 'QRIS')
    return [
      {
        title: 'Pembayaran via QRIS',
        steps: [
          'Buka aplikasi e-wallet atau m-banking.',
          'Pindai kode QR pada halaman pembayaran.',
          'Periksa jumlah lalu konfirmasi pembayaran.',
        ],
      },
    ]
  if (c.group === 'Convenience Store')
    return [
      {
        title: `Pembayaran via ${c.name}`,
        steps: [
          `Datangi kasir ${c.name}.`,
          `Sebutkan pembayaran TRIPAY dengan kode ${code}.`,
          'Bayar sesuai jumlah yang disebutkan kasir.',
        ],
      },
    ]
  return [
    {
      title: 'Internet Banking',
      steps: [
        `Pilih Transfer ke ${c.name}.`,
        `Masukkan nomor ${code}.`,
        'Periksa jumlah lalu konfirmasi.',
      ],
    },
    {
      title: 'ATM',
      steps: [
        'Pilih Transaksi Lain → Pembayaran → Virtual Account.',
        `Masukkan nomor ${code}.`,
        'Konfirmasi pembayaran.',
      ],
    },
  ]
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startTripaySim(
  o: { port?: number; keys?: Partial<TripaySimKeys> } = {},
): Promise<TripaySim> {
  const keys = { ...TRIPAY_SIM_KEYS, ...o.keys }
  const transactions = new Map<string, SimTransaction>()
  const requests: TripaySim['requests'] = []
  let counter = 0
  const sockets = new Set<Socket>()

  const view = (t: SimTransaction, url: string) => {
    const c = TRIPAY_SIM_CHANNELS.find((x) => x.code === t.method)!
    return {
      reference: t.reference,
      merchant_ref: t.merchant_ref,
      payment_selection_type: 'static',
      payment_method: t.method,
      payment_name: c.name,
      customer_name: t.customer_name,
      customer_email: t.customer_email,
      customer_phone: t.customer_phone,
      callback_url: t.callback_url,
      return_url: t.return_url,
      amount: t.amount,
      fee_merchant: 0,
      fee_customer: t.fee_customer,
      total_fee: t.fee_customer,
      amount_received: t.amount - t.fee_customer,
      pay_code: t.pay_code,
      pay_url: null,
      checkout_url: `${url}/checkout/${t.reference}`,
      status: t.status,
      paid_at: t.paid_at,
      expired_time: t.expired_time,
      order_items: t.order_items,
      instructions: instructionsFor(t, c),
    }
  }

  const get = (reference: string) => {
    const t = transactions.get(reference)
    if (!t) throw new Error(`tripay sim: no transaction ${reference}`)
    return t
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const answer = (status: number, body: unknown) => {
        requests.push({ method: req.method ?? '', path: url.pathname, status })
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      const refuse = (status: number, message: string) =>
        answer(status, { success: false, message })
      const text = await readBody(req)
      if (url.pathname.startsWith('/_sim/')) return control(url, req.method ?? 'GET', text, answer)
      if (sim.down) return refuse(503, 'Service Unavailable')
      const path = url.pathname.replace(/^\/api(-sandbox)?\//, '')
      if (path === url.pathname) return refuse(404, 'Not Found')
      if (req.headers.authorization !== `Bearer ${keys.apiKey}`)
        return refuse(401, 'Invalid API Key')
      if (req.method === 'GET' && path === 'merchant/payment-channel') {
        return answer(200, {
          success: true,
          message: 'Success',
          data: TRIPAY_SIM_CHANNELS.map((c) => ({
            group: c.group,
            code: c.code,
            name: c.name,
            type: 'direct',
            fee_merchant: c.fee_merchant,
            fee_customer: c.fee_customer,
            total_fee: {
              flat: c.fee_customer.flat + c.fee_merchant.flat,
              percent: String(c.fee_customer.percent + c.fee_merchant.percent),
            },
            minimum_fee: c.minimum_fee,
            maximum_fee: c.maximum_fee,
            icon_url: `${sim.url}/icons/${c.code}.png`,
            active: c.active,
          })),
        })
      }
      if (req.method === 'POST' && path === 'transaction/create') {
        let body: Record<string, unknown>
        try {
          body = JSON.parse(text) as Record<string, unknown>
        } catch {
          return refuse(400, 'Invalid JSON body')
        }
        const c = TRIPAY_SIM_CHANNELS.find((x) => x.code === body.method)
        if (!c || !c.active) return refuse(400, 'Payment channel is not enabled')
        const amount = Number(body.amount)
        if (!Number.isInteger(amount) || amount <= 0)
          return refuse(400, 'The amount field is required')
        const merchantRef = String(body.merchant_ref ?? '')
        if (!merchantRef) return refuse(400, 'The merchant ref field is required')
        if (!body.customer_name) return refuse(400, 'The customer name field is required')
        const expected = signTripay(
          keys.privateKey,
          keys.merchantCode + merchantRef + String(amount),
        )
        if (body.signature !== expected) return refuse(400, 'Invalid signature')
        const items = Array.isArray(body.order_items)
          ? (body.order_items as { price: number; quantity: number }[])
          : []
        const sum = items.reduce((s, i) => s + Number(i.price) * Number(i.quantity), 0)
        if (sum !== amount)
          return refuse(400, 'Total amount of order items does not match with transaction amount')
        if ([...transactions.values()].some((t) => t.merchant_ref === merchantRef))
          return refuse(400, 'Duplicate merchant ref')
        counter += 1
        const reference = `DEV-T${keys.merchantCode.slice(1)}${String(Date.now()).slice(-7)}${String(counter).padStart(5, '0')}`
        const t: SimTransaction = {
          reference,
          merchant_ref: merchantRef,
          method: c.code,
          amount,
          fee_customer: feeOf(c, amount),
          customer_name: String(body.customer_name),
          customer_email: String(body.customer_email ?? ''),
          customer_phone: String(body.customer_phone ?? ''),
          callback_url: typeof body.callback_url === 'string' ? body.callback_url : null,
          return_url: typeof body.return_url === 'string' ? body.return_url : null,
          expired_time: Number(body.expired_time) || Math.floor(Date.now() / 1000) + 86_400,
          status: 'UNPAID',
          paid_amount: null,
          paid_at: null,
          pay_code:
            c.group === 'E-Wallet' ? null : `8800${randomInt(1_000_000_000, 9_999_999_999)}`,
          order_items: items,
        }
        transactions.set(reference, t)
        return answer(200, { success: true, message: '', data: view(t, sim.url) })
      }
      if (req.method === 'GET' && path === 'transaction/detail') {
        const t = transactions.get(url.searchParams.get('reference') ?? '')
        if (!t) return refuse(404, 'Transaction not found')
        const data = view(t, sim.url)
        // What was paid, when a test made it differ from what was asked.
        if (t.paid_amount !== null) data.amount = t.paid_amount
        return answer(200, { success: true, message: 'Transaction found', data })
      }
      return refuse(404, 'Not Found')
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error))
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })

  const control = (
    url: URL,
    method: string,
    text: string,
    answer: (status: number, body: unknown) => void,
  ) => {
    try {
      if (method === 'GET' && url.pathname === '/_sim/transactions')
        return answer(200, [...transactions.values()])
      const body = (text ? JSON.parse(text) : {}) as {
        reference?: string
        amount?: number
        callback?: boolean
      }
      const reference = String(body.reference ?? '')
      if (url.pathname === '/_sim/pay') {
        const t = sim.pay(reference, { amount: body.amount })
        if (body.callback !== false && t.callback_url) {
          return void sim.sendCallback(reference).then(
            (r) => answer(200, { transaction: t, callback: { status: r.status, body: r.body } }),
            (error: unknown) => answer(200, { transaction: t, callback: { error: String(error) } }),
          )
        }
        return answer(200, { transaction: t })
      }
      if (url.pathname === '/_sim/expire')
        return answer(200, { transaction: sim.expire(reference) })
      return answer(404, { error: 'unknown sim action' })
    } catch (error) {
      return answer(400, { error: error instanceof Error ? error.message : String(error) })
    }
  }

  server.listen(o.port ?? 0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`

  const sim: TripaySim = {
    url: base,
    baseUrl: `${base}/api-sandbox/`,
    keys,
    transactions,
    requests,
    down: false,
    byMerchantRef: (ref) => [...transactions.values()].find((t) => t.merchant_ref === ref),
    pay(reference, p = {}) {
      const t = get(reference)
      t.status = 'PAID'
      t.paid_amount = p.amount ?? t.amount
      t.paid_at = Math.floor((p.at ?? new Date()).getTime() / 1000)
      return t
    },
    expire(reference) {
      const t = get(reference)
      t.status = 'EXPIRED'
      return t
    },
    fail(reference) {
      const t = get(reference)
      t.status = 'FAILED'
      return t
    },
    callbackBody(reference) {
      const t = get(reference)
      const total = t.paid_amount ?? t.amount
      return [
        '{',
        `"reference": ${phpString(t.reference)}, `,
        `"merchant_ref": ${phpString(t.merchant_ref)}, `,
        `"payment_method": ${phpString(TRIPAY_SIM_CHANNELS.find((c) => c.code === t.method)!.name)}, `,
        `"payment_method_code": ${phpString(t.method)}, `,
        `"total_amount": ${total}.0, `,
        `"fee_merchant": 0, "fee_customer": ${t.fee_customer}, "total_fee": ${t.fee_customer}, `,
        `"amount_received": ${total - t.fee_customer}, `,
        `"is_closed_payment": 1, `,
        `"status": ${phpString(t.status)}, `,
        `"paid_at": ${t.paid_at ?? 'null'}, `,
        `"note": ${phpString(`Dibayar via ${t.method} / simulator`)}`,
        '}',
      ].join('')
    },
    async sendCallback(reference, p = {}) {
      const t = get(reference)
      const to = p.to ?? t.callback_url
      if (!to) throw new Error(`tripay sim: ${reference} has no callback_url`)
      const body = p.body ?? sim.callbackBody(reference)
      const response = await fetch(to, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Callback-Event': p.event ?? 'payment_status',
          'X-Callback-Signature': signTripay(p.signWith ?? keys.privateKey, body),
        },
        body,
      })
      return { status: response.status, body: await response.text(), sent: body }
    },
    adopt(t) {
      transactions.set(t.reference, {
        ...t,
        customer_email: '',
        customer_phone: '',
        order_items: [],
      })
    },
    async close() {
      for (const s of sockets) s.destroy()
      server.close()
      await once(server, 'close').catch(() => undefined)
    },
  }
  return sim
}
