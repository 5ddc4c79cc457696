/**
 * Midtrans: Snap for opening a transaction, the Core API for its status, HTTP notifications signed
 * with SHA-512 (docs.midtrans.com: "Snap API", "GET Status API Requests", "Handle Notifications").
 *
 * Hosts. Midtrans serves Snap and the Core API from two hosts per mode:
 *   sandbox     Snap https://app.sandbox.midtrans.com   Core API https://api.sandbox.midtrans.com
 *   production  Snap https://app.midtrans.com           Core API https://api.midtrans.com
 * The configuration carries one base URL, either host of the mode (the registry's default is
 * Snap's `app.` host; `MIDTRANS_BASE_URLS` lists the Core API's). On a midtrans.com host the other
 * API's host is the same name with `app.` and `api.` swapped. Any other
 * base URL — a simulator, a proxy — serves both APIs under itself: `<base>/snap/v1/transactions`
 * and `<base>/v2/<order_id>/status`.
 *
 * The gateway reference is Loket's own order_id (Snap answers only a token and a payment page);
 * until the customer picks a payment method on that page the Core API does not know the order and
 * answers 404, which is "not paid yet", not an error.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import {
  GatewayCallError,
  type CallbackVerdict,
  type CreateTransaction,
  type GatewayAdapter,
  type GatewayConfig,
  type TransactionState,
  type TransactionStatus,
} from './adapter'
import { fixedChannels, type PublishedChannel } from './published-fees'
import {
  asRecord,
  secondsUntil,
  unexpectedReply,
  vendorClient,
  type AdapterOptions,
} from './vendor-http'

export const MIDTRANS_BASE_URLS = {
  sandbox: 'https://api.sandbox.midtrans.com',
  production: 'https://api.midtrans.com',
} as const

/**
 * Snap's `enabled_payments` codes with Midtrans's published prices (midtrans.com/pricing, before
 * PPN): bank transfer Rp 4.000, GoPay and ShopeePay 2%, QRIS 0,7%, Indomaret and Alfamart
 * Rp 5.000, Akulaku 1,7%, Kredivo 2%, cards 2,9% + Rp 2.000.
 */
export const MIDTRANS_CHANNELS: readonly PublishedChannel[] = [
  { code: 'bca_va', name: 'BCA Virtual Account', group: 'virtual_account', flat: 4000 },
  { code: 'bni_va', name: 'BNI Virtual Account', group: 'virtual_account', flat: 4000 },
  { code: 'bri_va', name: 'BRI Virtual Account', group: 'virtual_account', flat: 4000 },
  { code: 'echannel', name: 'Mandiri Bill Payment', group: 'virtual_account', flat: 4000 },
  { code: 'permata_va', name: 'Permata Virtual Account', group: 'virtual_account', flat: 4000 },
  { code: 'cimb_va', name: 'CIMB Niaga Virtual Account', group: 'virtual_account', flat: 4000 },
  {
    code: 'other_va',
    name: 'Bank lain (ATM Bersama, Prima, Alto)',
    group: 'virtual_account',
    flat: 4000,
  },
  { code: 'other_qris', name: 'QRIS', group: 'qris', percentBp: 70 },
  { code: 'gopay', name: 'GoPay', group: 'ewallet', percentBp: 200 },
  { code: 'shopeepay', name: 'ShopeePay', group: 'ewallet', percentBp: 200 },
  { code: 'indomaret', name: 'Indomaret', group: 'retail', flat: 5000 },
  { code: 'alfamart', name: 'Alfamart', group: 'retail', flat: 5000 },
  { code: 'akulaku', name: 'Akulaku PayLater', group: 'other', percentBp: 170 },
  { code: 'kredivo', name: 'Kredivo', group: 'other', percentBp: 200 },
  { code: 'credit_card', name: 'Kartu kredit/debit', group: 'other', flat: 2000, percentBp: 290 },
]

export function midtransHosts(cfg: GatewayConfig): { snap: string; coreApi: string } {
  const base = (cfg.baseUrl || MIDTRANS_BASE_URLS[cfg.mode]).replace(/\/+$/, '')
  const url = new URL(base)
  if (!/(^|\.)midtrans\.com$/.test(url.hostname)) return { snap: base, coreApi: base }
  const host = (prefix: string) =>
    `${url.protocol}//${url.host.replace(/^(api|app)\./, `${prefix}.`)}`
  return { snap: host('app'), coreApi: host('api') }
}

/** Midtrans answers times as "2021-06-23 11:27:50" in WIB. */
function wibTime(text: unknown): Date | null {
  if (typeof text !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text)) return null
  return new Date(`${text.replace(' ', 'T')}+07:00`)
}

function wibStamp(d: Date): string {
  const wib = new Date(d.getTime() + 7 * 3600_000).toISOString()
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)} +0700`
}

/** "10000.00" → 10000; Midtrans amounts are decimal strings with at most two fraction digits. */
export function rupiahFromMidtrans(text: string): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null
  return Math.round(Number(text))
}

/** transaction_status (+ fraud_status for cards) as Loket's state. */
export function midtransState(status: string, fraud: string | undefined): TransactionState | null {
  switch (status) {
    case 'settlement':
      return 'paid'
    case 'capture':
      // A captured card payment is money in only once the fraud check accepts it; "challenge"
      // waits for the merchant's review in the Midtrans dashboard.
      return fraud === 'accept' ? 'paid' : 'unpaid'
    case 'pending':
    case 'authorize':
      return 'unpaid'
    case 'expire':
      return 'expired'
    case 'deny':
    case 'cancel':
    case 'failure':
      return 'failed'
    case 'refund':
    case 'partial_refund':
    case 'chargeback':
    case 'partial_chargeback':
      return 'refund'
    default:
      return null
  }
}

/**
 * The status_codes Midtrans sends with each state (docs.midtrans.com "code statuses", "cancel
 * transaction", "expire transaction"): money moved is 200; waiting is 201; a cancel's notification
 * carries 200 (the cancel succeeded), an expiry 202 (or 407 from the expire API), a deny 202.
 * What matters is that money never follows a code that did not say it moved.
 */
const STATUS_CODES_OF: Record<TransactionState, readonly string[]> = {
  paid: ['200'],
  refund: ['200'],
  unpaid: ['201'],
  expired: ['202', '407'],
  failed: ['200', '202'],
}

/** The gross_amount exactly as it stands in the body: a JSON string's content, or a bare number's digits. */
export function rawGrossAmount(rawBody: string, parsed: unknown): string | null {
  if (typeof parsed === 'string') return parsed
  if (typeof parsed !== 'number') return null
  const m = /"gross_amount"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(rawBody)
  return m?.[1] ?? null
}

function statusFrom(body: Record<string, unknown>, grossAmount: string): TransactionStatus | null {
  const orderId = body.order_id
  const state = midtransState(String(body.transaction_status ?? ''), body.fraud_status as string)
  const amount = rupiahFromMidtrans(grossAmount)
  if (typeof orderId !== 'string' || state === null || amount === null) return null
  const paidAt =
    state === 'paid' ? (wibTime(body.settlement_time) ?? wibTime(body.transaction_time)) : null
  return { reference: orderId, merchantRef: orderId, state, amount, paidAt }
}

function midtransMessage(json: Record<string, unknown> | null, fallback: string): string {
  const list = json?.error_messages
  if (Array.isArray(list) && list.length) return list.map(String).join('; ')
  if (typeof json?.status_message === 'string') return json.status_message
  return fallback
}

export function createMidtransAdapter(o: AdapterOptions = {}): GatewayAdapter {
  const http = vendorClient('midtrans', 'serverKey', o)

  return {
    name: 'midtrans',
    confirmsPaidByStatus: true,

    /**
     * The fixed list, after one authenticated Core API call (the status of an order that does not
     * exist: 404 with a good key, 401 with a wrong one) so "tes koneksi" proves the keys work.
     */
    async channels(cfg) {
      const reply = await http.get(cfg, `${midtransHosts(cfg).coreApi}/v2/loket-tes-koneksi/status`)
      const json = asRecord(reply.json)
      if (!json) throw unexpectedReply('midtrans', reply)
      const code = Number(json.status_code ?? reply.status)
      if (code === 401 || code >= 500)
        throw new GatewayCallError('midtrans', midtransMessage(json, `HTTP ${code}`), code)
      return fixedChannels(MIDTRANS_CHANNELS)
    },

    async create(cfg, tx: CreateTransaction) {
      const itemsTotal = tx.items.reduce((sum, i) => sum + i.price * i.quantity, 0)
      const items = tx.items.map((i) => ({
        id: i.sku.slice(0, 50),
        name: i.name.slice(0, 50),
        price: i.price,
        quantity: i.quantity,
      }))
      // Snap refuses a gross_amount that is not the sum of the items; the difference is the fee
      // the customer pays on top.
      if (itemsTotal !== tx.amount)
        items.push({
          id: 'BIAYA',
          name: 'Biaya pembayaran',
          price: tx.amount - itemsTotal,
          quantity: 1,
        })
      const body = {
        transaction_details: { order_id: tx.merchantRef, gross_amount: tx.amount },
        item_details: items,
        customer_details: {
          first_name: tx.customer.name.slice(0, 255),
          ...(tx.customer.email ? { email: tx.customer.email } : {}),
          ...(tx.customer.phone ? { phone: tx.customer.phone } : {}),
        },
        enabled_payments: [tx.channel],
        expiry: {
          start_time: wibStamp(http.now()),
          unit: 'minutes',
          duration: Math.ceil(secondsUntil(tx.expiresAt, http.now()) / 60),
        },
        ...(tx.returnUrl ? { callbacks: { finish: tx.returnUrl } } : {}),
      }
      const reply = await http.post(
        cfg,
        `${midtransHosts(cfg).snap}/snap/v1/transactions`,
        body,
        // Per-transaction notification URL instead of the dashboard's one.
        tx.callbackUrl ? { 'X-Override-Notification': tx.callbackUrl } : {},
      )
      const json = asRecord(reply.json)
      if (reply.status >= 300 || !json)
        throw json
          ? new GatewayCallError(
              'midtrans',
              midtransMessage(json, `HTTP ${reply.status}`),
              reply.status,
            )
          : unexpectedReply('midtrans', reply)
      if (typeof json.token !== 'string' || typeof json.redirect_url !== 'string')
        throw unexpectedReply('midtrans', reply)
      return {
        reference: tx.merchantRef,
        checkoutUrl: json.redirect_url,
        payCode: null,
        amount: tx.amount,
        expiresAt: tx.expiresAt,
        instructions: [],
      }
    },

    async status(cfg, t) {
      const reply = await http.get(
        cfg,
        `${midtransHosts(cfg).coreApi}/v2/${encodeURIComponent(t.reference)}/status`,
      )
      const json = asRecord(reply.json)
      if (!json) throw unexpectedReply('midtrans', reply)
      const code = String(json.status_code ?? reply.status)
      // Snap order whose payment method is not chosen yet: Core API has no transaction.
      if (code === '404')
        return {
          reference: t.reference,
          merchantRef: t.merchantRef,
          state: 'unpaid',
          amount: 0,
          paidAt: null,
        }
      if (reply.status >= 300 || !json.transaction_status)
        throw new GatewayCallError(
          'midtrans',
          midtransMessage(json, `HTTP ${reply.status}`),
          Number(code) || reply.status,
        )
      const status = statusFrom(json, String(json.gross_amount ?? ''))
      if (!status) throw unexpectedReply('midtrans', reply)
      return status
    },

    verifyCallback(cfg, rawBody) {
      const refuse = (code: number, message: string): CallbackVerdict => ({
        valid: false,
        status: null,
        reply: { code, body: { status: 'error', message } },
      })
      const text = rawBody.toString('utf8')
      let body: Record<string, unknown> | null
      try {
        body = asRecord(JSON.parse(text))
      } catch {
        body = null
      }
      if (!body) return refuse(400, 'body is not a JSON object')
      const { order_id: orderId, status_code: statusCode, signature_key: signature } = body
      const grossAmount = rawGrossAmount(text, body.gross_amount)
      if (
        typeof orderId !== 'string' ||
        typeof statusCode !== 'string' ||
        typeof signature !== 'string' ||
        grossAmount === null
      )
        return refuse(400, 'order_id, status_code, gross_amount and signature_key are required')
      const serverKey = cfg.keys.serverKey ?? ''
      const expected = createHash('sha512')
        .update(orderId + statusCode + grossAmount + serverKey)
        .digest()
      const given = Buffer.from(signature.toLowerCase(), 'hex')
      // A 401 makes Midtrans retry: a wrong server key in Loket can be fixed before it gives up.
      if (!serverKey || given.length !== expected.length || !timingSafeEqual(given, expected))
        return refuse(401, 'invalid signature_key')
      // The signature does not cover transaction_status: a genuine "pending" (201) notification
      // with its status rewritten to "settlement" would pass it. Each state has its status_code.
      const status = statusFrom(body, grossAmount)
      if (status && !STATUS_CODES_OF[status.state].includes(statusCode))
        return refuse(401, `status_code ${statusCode} does not match transaction_status`)
      return { valid: true, status, reply: { code: 200, body: { status: 'ok' } } }
    },
  }
}

export const midtransAdapter = createMidtransAdapter()
