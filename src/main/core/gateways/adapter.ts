/**
 * What Loket asks of a payment gateway (Tripay, Midtrans, Xendit; INTEGRATIONS.md has each
 * protocol). One adapter per gateway speaks its HTTP API; everything else — which invoices a
 * transaction pays, polling, callbacks, applying the money like the counter does — is the
 * gateways service's and the same for all three.
 *
 * Adapters take their configuration already opened (keys in plain text, for this call only) and
 * never touch the database; they throw `GatewayCallError` when the gateway cannot be reached or
 * refuses, with the gateway's own words.
 */

export type GatewayName = 'tripay' | 'midtrans' | 'xendit'

export const GATEWAY_NAMES: readonly GatewayName[] = ['tripay', 'midtrans', 'xendit']

/** How the portal groups payment channels. */
export type ChannelGroup = 'virtual_account' | 'qris' | 'ewallet' | 'retail' | 'other'

export interface GatewayChannel {
  /** The gateway's own code (Tripay `BRIVA`, `QRIS`; Midtrans `bca_va`, `gopay`; Xendit `BCA`, `OVO`). */
  code: string
  /** As the gateway names it ("BRI Virtual Account"). */
  name: string
  group: ChannelGroup
  /** The fee the gateway charges for `amount` on this channel, whole rupiah (rounded up). */
  fee: (amount: number) => number
  active: boolean
}

export interface GatewayConfig {
  mode: 'sandbox' | 'production'
  /** The API's base URL (the mode's default unless the operator set one, e.g. a simulator). */
  baseUrl: string
  /**
   * The keys, opened for this call. Tripay: merchantCode, apiKey, privateKey. Midtrans:
   * serverKey (clientKey optional). Xendit: secretKey, callbackToken.
   */
  keys: Record<string, string>
}

export interface CreateTransaction {
  /** Loket's own id for the transaction (unique per company), the gateway's merchant_ref / order_id / external_id. */
  merchantRef: string
  channel: string
  /** What the customer pays in total, fee included when the customer pays the fee. */
  amount: number
  customer: { name: string; email: string | null; phone: string | null }
  items: { sku: string; name: string; price: number; quantity: number }[]
  /** Where the gateway should post its callback (may be unreachable behind NAT: polling covers it). */
  callbackUrl: string | null
  returnUrl: string | null
  expiresAt: Date
}

export interface CreatedTransaction {
  /** The gateway's reference for the transaction (Tripay reference, Midtrans order_id, Xendit invoice id). */
  reference: string
  checkoutUrl: string | null
  payCode: string | null
  /** What the gateway will charge the customer, as it answered. */
  amount: number
  expiresAt: Date
  /** Payment steps, when the gateway gives them (Tripay instructions), in its words. */
  instructions: { title: string; steps: string[] }[]
}

export type TransactionState = 'unpaid' | 'paid' | 'expired' | 'failed' | 'refund'

export interface TransactionStatus {
  reference: string
  merchantRef: string
  state: TransactionState
  /** The amount the gateway says was paid (or is asked), whole rupiah. */
  amount: number
  paidAt: Date | null
}

export interface CallbackVerdict {
  /** The signature / token matched; only then is `status` to be believed. */
  valid: boolean
  status: TransactionStatus | null
  /** What this gateway expects as the answer (so it retries on failure, stops on success). */
  reply: { code: number; body: unknown }
}

export interface GatewayAdapter {
  name: GatewayName
  /**
   * The callback's signature does not cover everything that decides "paid" (Midtrans signs
   * order_id + status_code + gross_amount, not transaction_status): a callback saying paid is
   * confirmed with `status()` before any money is applied.
   */
  confirmsPaidByStatus?: boolean
  /** Channels the merchant account offers (Tripay `merchant/payment-channel`; fixed lists for the others). */
  channels(cfg: GatewayConfig): Promise<GatewayChannel[]>
  create(cfg: GatewayConfig, tx: CreateTransaction): Promise<CreatedTransaction>
  /** The transaction's state now (polling: Tripay `transaction/detail`, Midtrans status, Xendit invoice). */
  status(
    cfg: GatewayConfig,
    t: { reference: string; merchantRef: string },
  ): Promise<TransactionStatus>
  /**
   * Checks a callback over the raw body bytes exactly as received (never a re-serialisation)
   * and the headers (lower-case names).
   */
  verifyCallback(
    cfg: GatewayConfig,
    rawBody: Buffer,
    headers: Record<string, string | undefined>,
  ): CallbackVerdict
}

/** The gateway could not be reached, or refused the request; `message` is the gateway's own text. */
export class GatewayCallError extends Error {
  constructor(
    readonly gateway: GatewayName,
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super(message)
    this.name = 'GatewayCallError'
  }
}
