/**
 * A Midtrans simulator on 127.0.0.1, written from docs.midtrans.com:
 *  - Snap `POST /snap/v1/transactions` (Basic auth `ServerKey:`) → 201 {token, redirect_url};
 *    gross_amount must be a whole number equal to the items' sum; a used order_id is refused;
 *    `expiry {start_time, unit, duration}`; `X-Override-Notification` replaces the notification URL.
 *  - Core API `GET /v2/<order_id>/status`: 404 "Transaction doesn't exist." until the customer
 *    has picked a payment method on the Snap page, then the transaction (status_code 201 pending,
 *    200 settlement and cancel, 202 expire/deny/failure — docs.midtrans.com "cancel transaction",
 *    "expire transaction").
 *  - HTTP notifications: JSON POST with gross_amount as a decimal string ("10000.00") and
 *    signature_key = SHA-512(order_id + status_code + gross_amount + ServerKey).
 * Both APIs answer on the one port (the adapter's simulator base URL). Tests drive the customer's
 * side with `choose`, `pay` (optionally a different amount), `expire`, `fail`, `refund`; demos
 * the same over HTTP: `POST /_sim/pay {"order_id":"…","amount"?:N}` (and choose, expire, fail,
 * refund, notify), `GET /_sim/transactions`, and the Snap page's "Bayar" button.
 */
import { createHash, randomUUID } from 'node:crypto'
import type http from 'node:http'
import {
  basicUser,
  escapeHtml,
  parseJsonObject,
  postCallback,
  sendHtml,
  sendJson,
  simControl,
  startSimServer,
  type Delivery,
  type SimServer,
} from './sim-http'

export type MidtransStatus =
  | 'created' // Snap token issued, no payment method chosen yet (unknown to the Core API)
  | 'pending'
  | 'settlement'
  | 'expire'
  | 'deny'
  | 'cancel'
  | 'failure'
  | 'refund'

export interface MidtransSimTransaction {
  orderId: string
  transactionId: string
  token: string
  /** What Snap was asked for. */
  grossAmount: number
  /** What the payment reports (differs only when a test pays another amount). */
  paidAmount: number
  status: MidtransStatus
  paymentType: string | null
  enabledPayments: string[]
  expiresAt: Date
  transactionTime: Date | null
  settlementTime: Date | null
  notificationUrl: string | null
  finishUrl: string | null
  customer: Record<string, unknown>
}

export const MIDTRANS_SIM_SERVER_KEY = 'SB-Mid-server-simulator0001'

/** Snap's `enabled_payments` codes the simulator accepts, with the Core API payment_type each becomes. */
const PAYMENT_TYPES: Record<string, string> = {
  bca_va: 'bank_transfer',
  bni_va: 'bank_transfer',
  bri_va: 'bank_transfer',
  permata_va: 'bank_transfer',
  cimb_va: 'bank_transfer',
  other_va: 'bank_transfer',
  echannel: 'echannel',
  gopay: 'gopay',
  shopeepay: 'shopeepay',
  other_qris: 'qris',
  indomaret: 'cstore',
  alfamart: 'cstore',
  akulaku: 'akulaku',
  kredivo: 'kredivo',
  credit_card: 'credit_card',
}

export interface MidtransSimOptions {
  port?: number
  serverKey?: string
  /** The dashboard's Payment Notification URL (a transaction's X-Override-Notification wins). */
  notificationUrl?: string | null
}

export interface MidtransSim extends SimServer {
  readonly serverKey: string
  notificationUrl: string | null
  /** The simulator's clock (expiry); tests move it instead of waiting. */
  now: () => Date
  readonly transactions: Map<string, MidtransSimTransaction>
  /** Every notification posted, with the answer it got. */
  readonly deliveries: (Delivery & { body: string })[]
  /** The customer picks a payment method on the Snap page: the transaction becomes pending. */
  choose(orderId: string, method?: string): Promise<Delivery | null>
  /** The customer pays; `amount` reports a different gross_amount (for mismatch tests). */
  pay(orderId: string, o?: { amount?: number }): Promise<Delivery | null>
  expire(orderId: string): Promise<Delivery | null>
  fail(orderId: string, status: 'deny' | 'cancel' | 'failure'): Promise<Delivery | null>
  refund(orderId: string): Promise<Delivery | null>
  /**
   * The notification body for the transaction's current state, signed with the server key.
   * `rawGrossAmount` is the gross_amount's JSON text as written in the body (default `"10000.00"`
   * style, quoted); the signature covers its digits exactly as written.
   */
  notification(orderId: string, o?: { rawGrossAmount?: string; serverKey?: string }): string
  /** Posts the current state's notification again (Midtrans retries, and sometimes sends twice). */
  notify(orderId: string): Promise<Delivery | null>
}

function statusCode(status: MidtransStatus): string {
  if (status === 'pending' || status === 'created') return '201'
  if (status === 'settlement' || status === 'refund' || status === 'cancel') return '200'
  return '202'
}

function wib(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

export function midtransSignature(
  orderId: string,
  code: string,
  grossAmount: string,
  serverKey: string,
): string {
  return createHash('sha512')
    .update(orderId + code + grossAmount + serverKey)
    .digest('hex')
}

/** "yyyy-MM-dd HH:mm:ss Z" as Snap's expiry.start_time. */
function parseStartTime(text: unknown): Date | null {
  if (typeof text !== 'string') return null
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-])(\d\d)(\d\d)$/.exec(text)
  if (!m) return null
  return new Date(`${m[1]}T${m[2]}${m[3]}${m[4]}:${m[5]}`)
}

const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
}

export async function startMidtransSim(options: MidtransSimOptions = {}): Promise<MidtransSim> {
  const serverKey = options.serverKey ?? MIDTRANS_SIM_SERVER_KEY
  const transactions = new Map<string, MidtransSimTransaction>()
  const byToken = new Map<string, MidtransSimTransaction>()
  const deliveries: MidtransSim['deliveries'] = []

  const unauthorized = (res: http.ServerResponse, coreApi: boolean) =>
    coreApi
      ? sendJson(res, 401, {
          status_code: '401',
          status_message:
            'Access denied due to unauthorized transaction, please check client or server key',
          id: randomUUID(),
        })
      : sendJson(res, 401, {
          error_messages: [
            'Access denied due to unauthorized transaction, please check client or server key',
            'Visit https://snap-docs.midtrans.com/#request-headers for more details',
          ],
        })

  const refreshExpiry = (t: MidtransSimTransaction) => {
    if ((t.status === 'created' || t.status === 'pending') && sim.now() >= t.expiresAt)
      t.status = 'expire'
  }

  const statusBody = (t: MidtransSimTransaction, gross: string, key: string) => ({
    status_code: statusCode(t.status),
    status_message:
      t.status === 'pending' ? 'Success, transaction is found' : 'midtrans payment notification',
    transaction_id: t.transactionId,
    order_id: t.orderId,
    merchant_id: 'G000SIM01',
    gross_amount: gross,
    currency: 'IDR',
    payment_type: t.paymentType,
    transaction_time: wib(t.transactionTime ?? sim.now()),
    transaction_status: t.status,
    fraud_status: 'accept',
    expiry_time: wib(t.expiresAt),
    ...(t.settlementTime ? { settlement_time: wib(t.settlementTime) } : {}),
    ...(t.paymentType === 'bank_transfer'
      ? {
          va_numbers: [
            {
              bank: (t.enabledPayments[0] ?? 'bca').replace('_va', ''),
              va_number: `8800${t.transactionId.replace(/\D/g, '').padEnd(12, '0').slice(0, 12)}`,
            },
          ],
        }
      : {}),
    signature_key: midtransSignature(t.orderId, statusCode(t.status), gross, key),
  })

  const createSnap = (req: http.IncomingMessage, res: http.ServerResponse, text: string) => {
    if (basicUser(req) !== serverKey) return unauthorized(res, false)
    const body = parseJsonObject(text)
    const details = body?.transaction_details as Record<string, unknown> | undefined
    const orderId = details?.order_id
    const gross = details?.gross_amount
    const refuse = (msg: string) => sendJson(res, 400, { error_messages: [msg] })
    if (!body || !details) return refuse('transaction_details is required')
    if (typeof orderId !== 'string' || !/^[A-Za-z0-9\-_.~]{1,50}$/.test(orderId))
      return refuse('transaction_details.order_id is invalid')
    if (typeof gross !== 'number' || !Number.isInteger(gross) || gross < 1)
      return refuse('transaction_details.gross_amount must be a whole number of rupiah')
    if (transactions.has(orderId)) return refuse('transaction_details.order_id sudah digunakan')
    const items = body.item_details
    if (Array.isArray(items)) {
      const sum = items.reduce<number>((s, i) => s + Number(i?.price) * Number(i?.quantity), 0)
      if (sum !== gross)
        return refuse('transaction_details.gross_amount is not equal to the sum of item_details')
    }
    const enabled = Array.isArray(body.enabled_payments)
      ? body.enabled_payments.filter(
          (p): p is string => typeof p === 'string' && p in PAYMENT_TYPES,
        )
      : Object.keys(PAYMENT_TYPES)
    if (enabled.length === 0) return refuse('enabled_payments does not contain any active payment')
    let expiresAt = new Date(sim.now().getTime() + 86_400_000)
    const expiry = body.expiry as Record<string, unknown> | undefined
    if (expiry) {
      const start = expiry.start_time === undefined ? sim.now() : parseStartTime(expiry.start_time)
      const unit = UNIT_MS[String(expiry.unit)]
      const duration = expiry.duration
      if (
        !start ||
        !unit ||
        typeof duration !== 'number' ||
        !Number.isInteger(duration) ||
        duration < 1
      )
        return refuse('expiry.start_time, expiry.unit or expiry.duration is invalid')
      expiresAt = new Date(start.getTime() + duration * unit)
    }
    const override = req.headers['x-override-notification']
    const callbacks = body.callbacks as Record<string, unknown> | undefined
    const t: MidtransSimTransaction = {
      orderId,
      transactionId: randomUUID(),
      token: randomUUID(),
      grossAmount: gross,
      paidAmount: gross,
      status: 'created',
      paymentType: null,
      enabledPayments: enabled,
      expiresAt,
      transactionTime: null,
      settlementTime: null,
      notificationUrl: typeof override === 'string' && override ? override : null,
      finishUrl: typeof callbacks?.finish === 'string' ? callbacks.finish : null,
      customer: (body.customer_details as Record<string, unknown>) ?? {},
    }
    transactions.set(orderId, t)
    byToken.set(t.token, t)
    sendJson(res, 201, {
      token: t.token,
      redirect_url: `${sim.url}/snap/v4/redirection/${t.token}`,
    })
  }

  const getStatus = (req: http.IncomingMessage, res: http.ServerResponse, id: string) => {
    if (basicUser(req) !== serverKey) return unauthorized(res, true)
    const t = transactions.get(id) ?? [...transactions.values()].find((x) => x.transactionId === id)
    if (t) refreshExpiry(t)
    if (!t || t.status === 'created')
      return sendJson(res, 404, {
        status_code: '404',
        status_message: "Transaction doesn't exist.",
        id: randomUUID(),
      })
    sendJson(res, 200, statusBody(t, t.paidAmount.toFixed(2), serverKey))
  }

  const page = (res: http.ServerResponse, token: string) => {
    const t = byToken.get(token)
    if (!t) return sendHtml(res, 404, '<h1>Transaksi tidak ditemukan</h1>')
    refreshExpiry(t)
    const rupiah = new Intl.NumberFormat('id-ID').format(t.grossAmount)
    const pay =
      t.status === 'created' || t.status === 'pending'
        ? `<form method="post" action="/_sim/pay/${encodeURIComponent(t.orderId)}"><button>Bayar (simulasi)</button></form>`
        : ''
    sendHtml(
      res,
      200,
      `<!doctype html><meta charset="utf-8"><title>Midtrans (simulator)</title>
<h1>Midtrans Snap (simulator)</h1><p>Order ${escapeHtml(t.orderId)} · Rp ${rupiah}</p>
<p>Status: ${t.status}</p>${pay}${t.finishUrl ? `<p><a href="${escapeHtml(t.finishUrl)}">Kembali ke merchant</a></p>` : ''}`,
    )
  }

  const server = await startSimServer(options.port ?? 0, async (req, res, body) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    let m: RegExpExecArray | null
    if (req.method === 'POST' && path === '/snap/v1/transactions') return createSnap(req, res, body)
    if (req.method === 'GET' && (m = /^\/v2\/([^/]+)\/status$/.exec(path)))
      return getStatus(req, res, decodeURIComponent(m[1] ?? ''))
    if (req.method === 'GET' && (m = /^\/snap\/v4\/redirection\/([^/]+)$/.exec(path)))
      return page(res, m[1] ?? '')
    if (req.method === 'POST' && (m = /^\/_sim\/pay\/([^/]+)$/.exec(path))) {
      const t = transactions.get(decodeURIComponent(m[1] ?? ''))
      if (t) await sim.pay(t.orderId)
      return sendHtml(res, t ? 200 : 404, t ? '<p>Dibayar (simulasi).</p>' : 'not found')
    }
    if (req.method === 'GET' && path === '/_sim/transactions')
      return sendJson(res, 200, [...transactions.values()])
    const id = (a: Record<string, unknown>) => String(a.order_id ?? '')
    const amount = (a: Record<string, unknown>) =>
      a.amount === undefined ? undefined : Number(a.amount)
    const controlled = await simControl(req, res, path, body, {
      choose: (a) => sim.choose(id(a), a.method === undefined ? undefined : String(a.method)),
      pay: (a) => sim.pay(id(a), { amount: amount(a) }),
      expire: (a) => sim.expire(id(a)),
      fail: (a) =>
        sim.fail(id(a), a.status === 'deny' || a.status === 'cancel' ? a.status : 'failure'),
      refund: (a) => sim.refund(id(a)),
      notify: (a) => sim.notify(id(a)),
    })
    if (controlled) return
    sendJson(res, 404, {
      status_code: '404',
      status_message: 'The requested resource is not found',
    })
  })

  const find = (orderId: string) => {
    const t = transactions.get(orderId)
    if (!t) throw new Error(`midtrans sim: no transaction ${orderId}`)
    refreshExpiry(t)
    return t
  }
  const move = (t: MidtransSimTransaction, status: MidtransStatus) => {
    t.status = status
    return sim.notify(t.orderId)
  }

  const sim: MidtransSim = Object.assign(server, {
    serverKey,
    notificationUrl: options.notificationUrl ?? null,
    now: () => new Date(),
    transactions,
    deliveries,
    async choose(orderId: string, method?: string) {
      const t = find(orderId)
      if (t.status !== 'created') throw new Error(`midtrans sim: ${orderId} is ${t.status}`)
      const code = method ?? t.enabledPayments[0] ?? ''
      if (!t.enabledPayments.includes(code)) throw new Error(`midtrans sim: ${code} not enabled`)
      t.paymentType = PAYMENT_TYPES[code] ?? null
      t.transactionTime = sim.now()
      return move(t, 'pending')
    },
    async pay(orderId: string, o: { amount?: number } = {}) {
      const t = find(orderId)
      if (t.status === 'created') await sim.choose(orderId)
      if (t.status !== 'pending') throw new Error(`midtrans sim: ${orderId} is ${t.status}`)
      t.paidAmount = o.amount ?? t.grossAmount
      t.settlementTime = sim.now()
      return move(t, 'settlement')
    },
    async expire(orderId: string) {
      const t = find(orderId)
      if (t.status === 'created') {
        t.status = 'expire' // Snap sends nothing for a page nobody chose a method on
        return null
      }
      return move(t, 'expire')
    },
    async fail(orderId: string, status: 'deny' | 'cancel' | 'failure') {
      return move(find(orderId), status)
    },
    async refund(orderId: string) {
      return move(find(orderId), 'refund')
    },
    notification(orderId: string, o: { rawGrossAmount?: string; serverKey?: string } = {}) {
      const t = find(orderId)
      const raw = o.rawGrossAmount ?? JSON.stringify(t.paidAmount.toFixed(2))
      const digits = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw
      const body = statusBody(t, digits, o.serverKey ?? serverKey)
      const marker = '"__GROSS_AMOUNT__"'
      return JSON.stringify({ ...body, gross_amount: '__GROSS_AMOUNT__' }).replace(marker, raw)
    },
    async notify(orderId: string) {
      const t = find(orderId)
      const url = t.notificationUrl ?? sim.notificationUrl
      if (!url) return null
      const body = sim.notification(orderId)
      const delivery = await postCallback(url, body, {})
      deliveries.push({ ...delivery, body })
      return delivery
    },
  })
  return sim
}
