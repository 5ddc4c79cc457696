/**
 * A Xendit simulator on 127.0.0.1, written from docs.xendit.co (Invoices API, callbacks):
 *  - `POST /v2/invoices` (Basic auth `SecretKey:`): external_id, amount, payer_email,
 *    description, invoice_duration (seconds, default 24 h), payment_methods, success/failure
 *    redirect URLs → the invoice (id, status PENDING, invoice_url, expiry_date ISO);
 *    errors as {error_code, message} (INVALID_API_KEY 401, API_VALIDATION_ERROR 400,
 *    UNAVAILABLE_PAYMENT_METHOD_ERROR 400).
 *  - `GET /v2/invoices?limit=N` → the newest invoices, an array.
 *  - `GET /v2/invoices/<id>` → the invoice (PENDING, PAID, SETTLED, EXPIRED) or
 *    INVOICE_NOT_FOUND_ERROR 404.
 *  - Invoice callbacks: JSON POST to the callback URL set in the dashboard (here `callbackUrl`)
 *    with header `x-callback-token` = the account's verification token, on PAID and EXPIRED.
 * Tests drive the customer's side with `pay` (optionally another amount), `settle`, `expire`;
 * demos the same over HTTP: `POST /_sim/pay {"id"|"external_id":"…","amount"?:N}` (and settle,
 * expire, notify, `callback-url {"url":…}`), `GET /_sim/invoices`, the invoice page's button.
 */
import { randomBytes } from 'node:crypto'
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

export type XenditStatus = 'PENDING' | 'PAID' | 'SETTLED' | 'EXPIRED'

export interface XenditSimInvoice {
  id: string
  externalId: string
  amount: number
  paidAmount: number | null
  status: XenditStatus
  paymentMethods: string[]
  paymentChannel: string | null
  payerEmail: string | null
  description: string
  created: Date
  expiresAt: Date
  paidAt: Date | null
  successRedirectUrl: string | null
}

export const XENDIT_SIM_SECRET_KEY = 'xnd_development_simulator0001'
export const XENDIT_SIM_CALLBACK_TOKEN = 'xendit-callback-token-sim'

const METHODS: Record<string, string> = {
  BCA: 'BANK_TRANSFER',
  BNI: 'BANK_TRANSFER',
  BRI: 'BANK_TRANSFER',
  MANDIRI: 'BANK_TRANSFER',
  PERMATA: 'BANK_TRANSFER',
  BSI: 'BANK_TRANSFER',
  BJB: 'BANK_TRANSFER',
  CIMB: 'BANK_TRANSFER',
  SAHABAT_SAMPOERNA: 'BANK_TRANSFER',
  QRIS: 'QR_CODE',
  OVO: 'EWALLET',
  DANA: 'EWALLET',
  SHOPEEPAY: 'EWALLET',
  LINKAJA: 'EWALLET',
  ASTRAPAY: 'EWALLET',
  ALFAMART: 'RETAIL_OUTLET',
  INDOMARET: 'RETAIL_OUTLET',
  KREDIVO: 'PAYLATER',
  AKULAKU: 'PAYLATER',
  CREDIT_CARD: 'CREDIT_CARD',
}

export interface XenditSimOptions {
  port?: number
  secretKey?: string
  callbackToken?: string
  /** The dashboard's "Invoices paid" callback URL. */
  callbackUrl?: string | null
}

export interface XenditSim extends SimServer {
  readonly secretKey: string
  readonly callbackToken: string
  callbackUrl: string | null
  now: () => Date
  readonly invoices: Map<string, XenditSimInvoice>
  readonly deliveries: (Delivery & { body: string; token: string })[]
  byExternalId(externalId: string): XenditSimInvoice
  /** The customer pays; `amount` reports a different paid_amount (for mismatch tests). */
  pay(id: string, o?: { amount?: number; channel?: string }): Promise<Delivery | null>
  /** Funds settled to the balance: status SETTLED, no new callback. */
  settle(id: string): void
  expire(id: string): Promise<Delivery | null>
  /** The callback body for the invoice's current state. */
  callbackBody(id: string): string
  /** Posts the current state's callback again (a retry), with `token` instead of the real one. */
  notify(id: string, o?: { token?: string }): Promise<Delivery | null>
}

export async function startXenditSim(options: XenditSimOptions = {}): Promise<XenditSim> {
  const secretKey = options.secretKey ?? XENDIT_SIM_SECRET_KEY
  const callbackToken = options.callbackToken ?? XENDIT_SIM_CALLBACK_TOKEN
  const invoices = new Map<string, XenditSimInvoice>()
  const deliveries: XenditSim['deliveries'] = []
  const userId = randomBytes(12).toString('hex')

  const refreshExpiry = (inv: XenditSimInvoice) => {
    if (inv.status === 'PENDING' && sim.now() >= inv.expiresAt) inv.status = 'EXPIRED'
  }

  const invoiceJson = (inv: XenditSimInvoice) => ({
    id: inv.id,
    external_id: inv.externalId,
    user_id: userId,
    status: inv.status,
    merchant_name: 'Loket Simulator',
    amount: inv.amount,
    ...(inv.payerEmail ? { payer_email: inv.payerEmail } : {}),
    description: inv.description,
    expiry_date: inv.expiresAt.toISOString(),
    invoice_url: `${sim.url}/web/${inv.id}`,
    available_banks: inv.paymentMethods
      .filter((m) => METHODS[m] === 'BANK_TRANSFER')
      .map((bank_code) => ({ bank_code, collection_type: 'POOL', transfer_amount: inv.amount })),
    currency: 'IDR',
    created: inv.created.toISOString(),
    updated: (inv.paidAt ?? inv.created).toISOString(),
    ...(inv.successRedirectUrl ? { success_redirect_url: inv.successRedirectUrl } : {}),
    ...(inv.paidAt
      ? {
          paid_amount: inv.paidAmount,
          paid_at: inv.paidAt.toISOString(),
          payment_method: METHODS[inv.paymentChannel ?? ''] ?? 'BANK_TRANSFER',
          payment_channel: inv.paymentChannel,
        }
      : {}),
  })

  const refuse = (res: http.ServerResponse, status: number, error_code: string, message: string) =>
    sendJson(res, status, { error_code, message })

  const create = (req: http.IncomingMessage, res: http.ServerResponse, text: string) => {
    const body = parseJsonObject(text)
    if (!body) return refuse(res, 400, 'API_VALIDATION_ERROR', 'Request body is not valid JSON')
    const { external_id: externalId, amount, invoice_duration: duration } = body
    if (typeof externalId !== 'string' || !externalId)
      return refuse(res, 400, 'API_VALIDATION_ERROR', '"external_id" is required')
    if (typeof amount !== 'number' || amount < 1)
      return refuse(res, 400, 'API_VALIDATION_ERROR', '"amount" must be a positive number')
    if (duration !== undefined && (typeof duration !== 'number' || duration < 1))
      return refuse(
        res,
        400,
        'API_VALIDATION_ERROR',
        '"invoice_duration" must be a positive number',
      )
    const methods = Array.isArray(body.payment_methods)
      ? body.payment_methods.map(String)
      : Object.keys(METHODS)
    const unknown = methods.filter((m) => !(m in METHODS))
    if (unknown.length || methods.length === 0)
      return refuse(
        res,
        400,
        'UNAVAILABLE_PAYMENT_METHOD_ERROR',
        `The payment method choices did not match with the available one on this business: ${unknown.join(', ')}`,
      )
    const now = sim.now()
    const inv: XenditSimInvoice = {
      id: randomBytes(12).toString('hex'),
      externalId,
      amount: Math.trunc(amount), // IDR decimals are truncated
      paidAmount: null,
      status: 'PENDING',
      paymentMethods: methods,
      paymentChannel: null,
      payerEmail: typeof body.payer_email === 'string' ? body.payer_email : null,
      description: typeof body.description === 'string' ? body.description : '',
      created: now,
      expiresAt: new Date(
        now.getTime() + (typeof duration === 'number' ? duration : 86_400) * 1000,
      ),
      paidAt: null,
      successRedirectUrl:
        typeof body.success_redirect_url === 'string' ? body.success_redirect_url : null,
    }
    invoices.set(inv.id, inv)
    sendJson(res, 200, invoiceJson(inv))
  }

  const server = await startSimServer(options.port ?? 0, async (req, res, body) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    let m: RegExpExecArray | null
    const api = path.startsWith('/v2/')
    if (api && basicUser(req) !== secretKey)
      return refuse(res, 401, 'INVALID_API_KEY', 'API key is not authorized for this API service')
    if (req.method === 'POST' && /^\/v2\/invoices\/?$/.test(path)) return create(req, res, body)
    if (req.method === 'GET' && /^\/v2\/invoices\/?$/.test(path)) {
      const limit = Number(new URL(req.url ?? '/', sim.url).searchParams.get('limit') ?? 10)
      const newest = [...invoices.values()].reverse().slice(0, limit)
      return sendJson(
        res,
        200,
        newest.map((inv) => (refreshExpiry(inv), invoiceJson(inv))),
      )
    }
    if (req.method === 'GET' && (m = /^\/v2\/invoices\/([^/]+)$/.exec(path))) {
      const inv = invoices.get(decodeURIComponent(m[1] ?? ''))
      if (!inv) return refuse(res, 404, 'INVOICE_NOT_FOUND_ERROR', 'Invoice not found')
      refreshExpiry(inv)
      return sendJson(res, 200, invoiceJson(inv))
    }
    if (req.method === 'GET' && (m = /^\/web\/([^/]+)$/.exec(path))) {
      const inv = invoices.get(m[1] ?? '')
      if (!inv) return sendHtml(res, 404, '<h1>Invoice tidak ditemukan</h1>')
      refreshExpiry(inv)
      const rupiah = new Intl.NumberFormat('id-ID').format(inv.amount)
      const pay =
        inv.status === 'PENDING'
          ? `<form method="post" action="/_sim/pay/${inv.id}"><button>Bayar (simulasi)</button></form>`
          : ''
      return sendHtml(
        res,
        200,
        `<!doctype html><meta charset="utf-8"><title>Xendit (simulator)</title>
<h1>Xendit Invoice (simulator)</h1><p>${escapeHtml(inv.externalId)} · Rp ${rupiah}</p>
<p>Status: ${inv.status}</p>${pay}`,
      )
    }
    if (req.method === 'POST' && (m = /^\/_sim\/pay\/([^/]+)$/.exec(path))) {
      const inv = invoices.get(m[1] ?? '')
      if (inv?.status === 'PENDING') await sim.pay(inv.id)
      return sendHtml(res, inv ? 200 : 404, inv ? '<p>Dibayar (simulasi).</p>' : 'not found')
    }
    if (req.method === 'GET' && path === '/_sim/invoices')
      return sendJson(res, 200, [...invoices.values()])
    const id = (a: Record<string, unknown>) =>
      a.id !== undefined ? String(a.id) : sim.byExternalId(String(a.external_id ?? '')).id
    const controlled = await simControl(req, res, path, body, {
      pay: (a) => sim.pay(id(a), { amount: a.amount === undefined ? undefined : Number(a.amount) }),
      settle: (a) => sim.settle(id(a)),
      expire: (a) => sim.expire(id(a)),
      notify: (a) => sim.notify(id(a)),
      'callback-url': (a) => {
        sim.callbackUrl = typeof a.url === 'string' && a.url ? a.url : null
        return sim.callbackUrl
      },
    })
    if (controlled) return
    refuse(res, 404, 'NOT_FOUND', 'The requested resource was not found')
  })

  const find = (id: string) => {
    const inv = invoices.get(id)
    if (!inv) throw new Error(`xendit sim: no invoice ${id}`)
    refreshExpiry(inv)
    return inv
  }

  const sim: XenditSim = Object.assign(server, {
    secretKey,
    callbackToken,
    callbackUrl: options.callbackUrl ?? null,
    now: () => new Date(),
    invoices,
    deliveries,
    byExternalId(externalId: string) {
      const inv = [...invoices.values()].find((i) => i.externalId === externalId)
      if (!inv) throw new Error(`xendit sim: no invoice for ${externalId}`)
      return inv
    },
    async pay(id: string, o: { amount?: number; channel?: string } = {}) {
      const inv = find(id)
      if (inv.status !== 'PENDING') throw new Error(`xendit sim: ${id} is ${inv.status}`)
      inv.status = 'PAID'
      inv.paidAmount = o.amount ?? inv.amount
      inv.paymentChannel = o.channel ?? inv.paymentMethods[0] ?? null
      inv.paidAt = sim.now()
      return sim.notify(id)
    },
    settle(id: string) {
      const inv = find(id)
      if (inv.status !== 'PAID') throw new Error(`xendit sim: ${id} is ${inv.status}`)
      inv.status = 'SETTLED'
    },
    async expire(id: string) {
      const inv = find(id)
      if (inv.status !== 'PENDING') throw new Error(`xendit sim: ${id} is ${inv.status}`)
      inv.status = 'EXPIRED'
      return sim.notify(id)
    },
    callbackBody(id: string) {
      const inv = invoiceJson(find(id))
      const { invoice_url: _url, available_banks: _banks, expiry_date: _exp, ...callback } = inv
      return JSON.stringify({ ...callback, is_high: false })
    },
    async notify(id: string, o: { token?: string } = {}) {
      if (!sim.callbackUrl) return null
      const body = sim.callbackBody(id)
      const token = o.token ?? callbackToken
      const delivery = await postCallback(sim.callbackUrl, body, { 'x-callback-token': token })
      deliveries.push({ ...delivery, body, token })
      return delivery
    },
  })
  return sim
}
