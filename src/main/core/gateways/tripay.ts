import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  GatewayCallError,
  type ChannelGroup,
  type GatewayAdapter,
  type GatewayChannel,
  type GatewayConfig,
  type TransactionState,
  type TransactionStatus,
} from './adapter'

/**
 * Tripay (INTEGRATIONS.md "Payment gateways"): closed transactions, `Authorization: Bearer
 * <api_key>`, every answer `{success, message, data}`. Keys: merchantCode, apiKey, privateKey.
 */
export const TRIPAY_BASE_URLS = {
  sandbox: 'https://tripay.co.id/api-sandbox/',
  production: 'https://tripay.co.id/api/',
} as const

const TIMEOUT_MS = 20_000

interface TripayFee {
  flat?: number | string | null
  percent?: number | string | null
}

interface TripayChannel {
  group?: string
  code: string
  name: string
  fee_customer?: TripayFee | null
  total_fee?: TripayFee | null
  minimum_fee?: number | string | null
  maximum_fee?: number | string | null
  active?: boolean
}

interface TripayTransaction {
  reference: string
  merchant_ref: string
  amount?: number | string
  total_amount?: number | string
  status: string
  paid_at?: number | string | null
  expired_time?: number | string | null
  checkout_url?: string | null
  pay_code?: string | null
  instructions?: { title?: string; steps?: string[] }[] | null
}

const num = (v: unknown): number => {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : NaN
  return Number.isFinite(n) ? n : 0
}

/**
 * The fee the customer is charged on a channel for `amount`: flat + percent of the amount,
 * kept within the channel's minimum and maximum (when set), rounded up to a whole rupiah.
 */
export function tripayFee(c: TripayChannel, amount: number): number {
  const fee = c.fee_customer ?? c.total_fee ?? {}
  let value = num(fee.flat) + (amount * num(fee.percent)) / 100
  const min = num(c.minimum_fee)
  const max = num(c.maximum_fee)
  if (min > 0 && value < min) value = min
  if (max > 0 && value > max) value = max
  // 0.1 + 0.2 style noise must not cost the customer a rupiah.
  return Math.ceil(Math.round(value * 1000) / 1000)
}

function groupOf(c: TripayChannel): ChannelGroup {
  const code = c.code.toUpperCase()
  const group = (c.group ?? '').toLowerCase()
  if (code.includes('QRIS')) return 'qris'
  if (group.includes('virtual') || code.endsWith('VA')) return 'virtual_account'
  if (group.includes('wallet')) return 'ewallet'
  if (group.includes('convenience') || group.includes('retail') || group.includes('toko'))
    return 'retail'
  return 'other'
}

const STATES: Record<string, TransactionState> = {
  UNPAID: 'unpaid',
  PAID: 'paid',
  EXPIRED: 'expired',
  FAILED: 'failed',
  REFUND: 'refund',
}

function stateOf(status: unknown): TransactionState {
  const s = STATES[String(status).toUpperCase()]
  if (!s) throw new GatewayCallError('tripay', `unknown transaction status ${String(status)}`)
  return s
}

const unixDate = (v: unknown): Date | null => {
  const n = num(v)
  return n > 0 ? new Date(n * 1000) : null
}

function statusOf(t: TripayTransaction): TransactionStatus {
  const state = stateOf(t.status)
  return {
    reference: String(t.reference),
    merchantRef: String(t.merchant_ref),
    state,
    amount: Math.round(num(t.total_amount ?? t.amount)),
    paidAt: state === 'paid' ? (unixDate(t.paid_at) ?? null) : null,
  }
}

const url = (cfg: GatewayConfig, path: string) =>
  new URL(path, cfg.baseUrl.endsWith('/') ? cfg.baseUrl : `${cfg.baseUrl}/`).toString()

const key = (cfg: GatewayConfig, name: 'merchantCode' | 'apiKey' | 'privateKey') => {
  const value = cfg.keys[name]
  if (!value) throw new GatewayCallError('tripay', `${name} is not set`)
  return value
}

async function call<T>(
  cfg: GatewayConfig,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown },
): Promise<T> {
  let response: Response
  try {
    response = await fetch(url(cfg, path), {
      method: init.method,
      headers: {
        Authorization: `Bearer ${key(cfg, 'apiKey')}`,
        Accept: 'application/json',
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    throw new GatewayCallError('tripay', error instanceof Error ? error.message : String(error))
  }
  const text = await response.text()
  type Answer = { success?: boolean; message?: string; data?: T }
  let body: Answer | null
  try {
    body = JSON.parse(text) as Answer | null
  } catch {
    body = null
  }
  if (!response.ok || !body || body.success !== true) {
    const message = body?.message || `HTTP ${response.status}`
    throw new GatewayCallError('tripay', message, response.status)
  }
  return body.data as T
}

export const hmacHex = (secret: string, data: string | Buffer) =>
  createHmac('sha256', secret).update(data).digest('hex')

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b.toLowerCase(), 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

export const tripayAdapter: GatewayAdapter = {
  name: 'tripay',

  async channels(cfg) {
    const list = await call<TripayChannel[]>(cfg, 'merchant/payment-channel', { method: 'GET' })
    return list.map((c): GatewayChannel => ({
      code: c.code,
      name: c.name,
      group: groupOf(c),
      fee: (amount) => tripayFee(c, amount),
      active: c.active !== false,
    }))
  },

  async create(cfg, tx) {
    const signature = hmacHex(
      key(cfg, 'privateKey'),
      key(cfg, 'merchantCode') + tx.merchantRef + String(tx.amount),
    )
    const data = await call<TripayTransaction>(cfg, 'transaction/create', {
      method: 'POST',
      body: {
        method: tx.channel,
        merchant_ref: tx.merchantRef,
        amount: tx.amount,
        customer_name: tx.customer.name,
        customer_email: tx.customer.email ?? '',
        customer_phone: tx.customer.phone ?? '',
        order_items: tx.items,
        ...(tx.callbackUrl ? { callback_url: tx.callbackUrl } : {}),
        ...(tx.returnUrl ? { return_url: tx.returnUrl } : {}),
        expired_time: Math.floor(tx.expiresAt.getTime() / 1000),
        signature,
      },
    })
    return {
      reference: String(data.reference),
      checkoutUrl: data.checkout_url ?? null,
      payCode: data.pay_code ?? null,
      amount: Math.round(num(data.amount)),
      expiresAt: unixDate(data.expired_time) ?? tx.expiresAt,
      instructions: (data.instructions ?? []).map((i) => ({
        title: String(i.title ?? ''),
        steps: (i.steps ?? []).map(String),
      })),
    }
  },

  async status(cfg, t) {
    const data = await call<TripayTransaction>(
      cfg,
      `transaction/detail?reference=${encodeURIComponent(t.reference)}`,
      { method: 'GET' },
    )
    return statusOf(data)
  },

  verifyCallback(cfg, rawBody, headers) {
    const refuse = (message: string) => ({
      valid: false,
      status: null,
      // Anything but {"success":true} makes Tripay send the callback again later.
      reply: { code: 400, body: { success: false, message } },
    })
    const privateKey = cfg.keys.privateKey
    if (!privateKey) return refuse('gateway not configured')
    const given = headers['x-callback-signature']
    if (!given || !sameHex(hmacHex(privateKey, rawBody), given)) return refuse('Invalid signature')
    const event = headers['x-callback-event']
    if (event !== 'payment_status') return refuse(`Unrecognized callback event: ${event ?? ''}`)
    let body: TripayTransaction
    try {
      body = JSON.parse(rawBody.toString('utf8')) as TripayTransaction
      return {
        valid: true,
        status: statusOf(body),
        reply: { code: 200, body: { success: true } },
      }
    } catch (error) {
      return refuse(error instanceof Error ? error.message : 'Invalid body')
    }
  },
}
