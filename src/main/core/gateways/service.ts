import { randomBytes } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { Actor } from '../audit'
import { writeTx } from '../db'
import type { ChannelGroup, GatewayChannel, GatewayName } from './adapter'
import type { GatewayDeps } from './deps'
import { callGateway } from './errors'
import { GATEWAYS } from './registry'
import { pollTransaction } from './poll'
import { audit, gatewayActor, nextPollAt, type GatewayTxRow } from './settle'
import { enabledGateway, type OpenGateway } from './settings'

export interface PortalChannel {
  code: string
  name: string
  group: ChannelGroup
  fee: number
  total: number
}

/** The enabled gateway and its adapter; GATEWAY_NOT_CONFIGURED when there is none to use. */
export async function usableGateway(deps: GatewayDeps, companyId: number) {
  const open = await enabledGateway(deps, companyId)
  const adapter = open ? GATEWAYS[open.gateway].adapter : null
  if (!open || !adapter) throw new AppError('GATEWAY_NOT_CONFIGURED')
  return { ...open, adapter }
}

/** The channels the company offers: active at the gateway and allowed in the settings. */
async function offeredChannels(
  open: OpenGateway & { adapter: NonNullable<(typeof GATEWAYS)[GatewayName]['adapter']> },
) {
  const all = await callGateway(open.gateway, () => open.adapter.channels(open.config))
  const allowed = open.settings.channels
  return all.filter((c) => c.active && (allowed === null || allowed.includes(c.code)))
}

const feeFor = (open: OpenGateway, c: GatewayChannel, amount: number) =>
  open.settings.feePolicy === 'customer' ? c.fee(amount) : 0

/**
 * The enabled gateway's channels for the portal, with the fee for `amount` under the company's
 * fee policy (the customer pays it on top, or the company absorbs it: fee 0).
 */
export async function gatewayChannels(
  deps: GatewayDeps,
  companyId: number,
  o: { amount: number },
): Promise<{ gateway: GatewayName | null; channels: PortalChannel[] }> {
  const open = await enabledGateway(deps, companyId)
  const adapter = open ? GATEWAYS[open.gateway].adapter : null
  if (!open || !adapter) return { gateway: null, channels: [] }
  const channels = await offeredChannels({ ...open, adapter })
  return {
    gateway: open.gateway,
    channels: channels.map((c) => {
      const fee = feeFor(open, c, o.amount)
      return { code: c.code, name: c.name, group: c.group, fee, total: o.amount + fee }
    }),
  }
}

export interface StartedPayment {
  reference: string
  /** Loket's own id of the transaction (the gateway's merchant_ref / order_id). */
  merchantRef: string
  checkoutUrl: string | null
  payCode: string | null
  amount: number
  fee: number
  /** What the customer pays (amount + fee). */
  total: number
  expiresAt: string
  instructions: { title: string; steps: string[] }[]
  channelName: string
  gateway: GatewayName
}

/** Loket's id for a new transaction: company, day, and a random part nobody can guess. */
const newMerchantRef = (companyId: number, now: Date) =>
  `LK${companyId}-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(5)
    .toString('hex')
    .toUpperCase()}`

/**
 * Opens a gateway transaction for some of one customer's unpaid invoices (each the customer's,
 * issued and not fully paid; the amount is what they still owe). The gateway is asked outside
 * any database transaction; its answer is stored before returning.
 */
export async function startGatewayPayment(
  deps: GatewayDeps,
  ctx: {
    companyId: number
    timeZone: string
    actor: Actor & { companyId: number }
    publicBaseUrl: string | null
  },
  p: {
    customerId: number
    invoiceIds: number[]
    channel: string
    via: 'portal' | 'isolir' | 'link' | 'staff'
  },
): Promise<StartedPayment> {
  const ids = [...new Set(p.invoiceIds)]
  if (ids.length === 0) throw new AppError('GATEWAY_INVOICE_NOT_PAYABLE')
  const invoices = await deps.db
    .selectFrom('invoices')
    .select(['id', 'number', 'total', 'paid', 'status', 'customer_id', 'company_id', 'due_date'])
    .where('id', 'in', ids)
    .orderBy('due_date')
    .orderBy('id')
    .execute()
  const payable = invoices.filter(
    (i) =>
      i.company_id === ctx.companyId &&
      i.customer_id === p.customerId &&
      i.status === 'issued' &&
      i.total - i.paid > 0,
  )
  if (payable.length !== ids.length) throw new AppError('GATEWAY_INVOICE_NOT_PAYABLE')
  const customer = await deps.db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'email', 'phone'])
    .where('id', '=', p.customerId)
    .where('company_id', '=', ctx.companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('GATEWAY_INVOICE_NOT_PAYABLE')

  const open = await usableGateway(deps, ctx.companyId)
  const channel = (await offeredChannels(open)).find((c) => c.code === p.channel)
  if (!channel) throw new AppError('GATEWAY_CHANNEL_UNKNOWN', undefined, { channel: p.channel })
  const amount = payable.reduce((sum, i) => sum + i.total - i.paid, 0)
  const fee = feeFor(open, channel, amount)
  const now = deps.clock.now()
  const merchantRef = newMerchantRef(ctx.companyId, now)
  const base = ctx.publicBaseUrl?.replace(/\/+$/, '') ?? null
  const created = await callGateway(open.gateway, () =>
    open.adapter.create(open.config, {
      merchantRef,
      channel: channel.code,
      amount: amount + fee,
      customer: { name: customer.name, email: customer.email, phone: customer.phone },
      items: [
        ...payable.map((i) => ({
          sku: i.number ?? `INV-${i.id}`,
          name: `Tagihan ${i.number ?? i.id}`,
          price: i.total - i.paid,
          quantity: 1,
        })),
        ...(fee > 0
          ? [{ sku: 'BIAYA', name: `Biaya ${channel.name}`, price: fee, quantity: 1 }]
          : []),
      ],
      callbackUrl: base ? `${base}/api/pay/${open.gateway}` : null,
      returnUrl: base ? `${base}/portal` : null,
      expiresAt: new Date(now.getTime() + open.settings.expiryHours * 3_600_000),
    }),
  )
  const at = now.toISOString()
  const row = await writeTx(deps.db, async (tx) => {
    const inserted = await tx
      .insertInto('gateway_transactions')
      .values({
        company_id: ctx.companyId,
        gateway: open.gateway,
        merchant_ref: merchantRef,
        reference: created.reference,
        customer_id: customer.id,
        amount,
        fee,
        total: created.amount,
        channel: channel.code,
        channel_name: channel.name,
        checkout_url: created.checkoutUrl,
        pay_code: created.payCode,
        instructions: JSON.stringify(created.instructions),
        expires_at: created.expiresAt.toISOString(),
        state: 'unpaid',
        paid_amount: null,
        paid_at: null,
        payment_id: null,
        held_reason: null,
        reviewed_by: null,
        reviewed_at: null,
        next_poll_at: null,
        last_polled_at: null,
        via: p.via,
        created_by: ctx.actor.username ?? p.via,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await tx
      .updateTable('gateway_transactions')
      .set({ next_poll_at: nextPollAt(inserted, now, open.settings.pollMinutes) })
      .where('id', '=', inserted.id)
      .execute()
    await tx
      .insertInto('gateway_transaction_invoices')
      .values(
        payable.map((i) => ({
          transaction_id: inserted.id,
          invoice_id: i.id,
          amount: i.total - i.paid,
        })),
      )
      .execute()
    await audit(tx, deps, ctx.actor, inserted, 'gateways.start', {
      customer: customer.code,
      invoices: payable.map((i) => i.number),
      amount,
      fee,
      total: created.amount,
      channel: channel.code,
      via: p.via,
    })
    return inserted
  })
  return {
    reference: row.reference,
    merchantRef,
    checkoutUrl: row.checkout_url,
    payCode: row.pay_code,
    amount,
    fee,
    total: row.total,
    expiresAt: row.expires_at,
    instructions: created.instructions,
    channelName: channel.name,
    gateway: open.gateway,
  }
}

/** A stored transaction by the gateway's reference or Loket's merchant_ref. */
export function findTransaction(deps: GatewayDeps, companyId: number, reference: string) {
  return deps.db
    .selectFrom('gateway_transactions')
    .selectAll()
    .where('company_id', '=', companyId)
    .where((eb) => eb.or([eb('reference', '=', reference), eb('merchant_ref', '=', reference)]))
    .executeTakeFirst()
}

/** How old the last answer may be before the page's question asks the gateway again. */
const FRESH_MS = 60_000

/**
 * The transaction's state as Loket knows it, for the page that updates itself when the payment
 * arrives. While unpaid and not asked for a minute, the gateway is asked once (behind NAT no
 * callback comes). null: no such transaction of this customer.
 */
export async function gatewayPaymentState(
  deps: GatewayDeps,
  companyId: number,
  p: { reference: string; customerId: number },
): Promise<{
  state: 'unpaid' | 'paid' | 'expired' | 'failed' | 'held' | 'refund'
  paidAt: string | null
  invoiceIds: number[]
} | null> {
  let row: GatewayTxRow | undefined = await findTransaction(deps, companyId, p.reference)
  if (!row || row.customer_id !== p.customerId) return null
  const last = Date.parse(row.last_polled_at ?? row.created_at)
  if (row.state === 'unpaid' && deps.clock.now().getTime() - last >= FRESH_MS) {
    try {
      await pollTransaction(deps, row)
      row = await findTransaction(deps, companyId, p.reference)
    } catch {
      // The gateway is not answering now: the stored state stands, the next poll tries again.
    }
  }
  if (!row) return null
  const invoices = await deps.db
    .selectFrom('gateway_transaction_invoices')
    .select('invoice_id')
    .where('transaction_id', '=', row.id)
    .orderBy('invoice_id')
    .execute()
  return {
    state: row.state as 'unpaid',
    paidAt: row.paid_at,
    invoiceIds: invoices.map((i) => i.invoice_id),
  }
}

export { gatewayActor }
