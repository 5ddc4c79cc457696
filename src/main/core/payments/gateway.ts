import { dateInZone } from '@shared/dates'
import { appendAudit, type Actor } from '../audit'
import { takeTurn, writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { insertPayment } from './record'

export interface GatewayNotice {
  gateway: string
  /** The gateway's own reference: one payment per reference, however often it is told (rule 27). */
  reference: string
  invoiceNumber: string
  amount: number
  /** Verified by the gateway adapter (HMAC of the raw body); false changes nothing. */
  signatureValid: boolean
  payload: string
}

export type GatewayOutcome =
  'applied' | 'duplicate' | 'bad_signature' | 'amount_mismatch' | 'unknown_invoice'

/**
 * A paid notice from a payment gateway, by callback or by polling (rule 27): applied once per
 * reference; a bad signature or an amount that does not match the invoice changes nothing and is
 * logged (gateway_events, and the audit log for the rejections).
 */
export async function applyGatewayNotice(
  deps: CoreDeps,
  companyId: number,
  n: GatewayNotice,
  timeZone: string,
): Promise<{ outcome: GatewayOutcome; paymentId: number | null }> {
  const actor: Actor & { companyId: number } = {
    companyId,
    userId: null,
    username: `gateway:${n.gateway}`,
    ip: null,
    userAgent: null,
  }
  return writeTx(deps.db, async (tx) => {
    const at = deps.clock.now().toISOString()
    const log = async (outcome: GatewayOutcome, paymentId: number | null) => {
      await tx
        .insertInto('gateway_events')
        .values({
          company_id: companyId,
          gateway: n.gateway,
          reference: n.reference,
          invoice_number: n.invoiceNumber,
          amount: n.amount,
          outcome,
          payment_id: paymentId,
          payload: n.payload,
          at,
        })
        .execute()
      if (outcome !== 'applied' && outcome !== 'duplicate') {
        await appendAudit(tx, deps.clock, actor, {
          action: 'payments.gateway_rejected',
          entityType: 'gateway_event',
          entityId: n.reference,
          after: { gateway: n.gateway, outcome, invoice: n.invoiceNumber, amount: n.amount },
        })
      }
      return { outcome, paymentId }
    }
    if (!n.signatureValid) return log('bad_signature', null)
    // The same notice delivered twice at once is decided one after the other: the second sees
    // the first's payment (on PostgreSQL too, where writers do not wait for each other).
    await takeTurn(tx, `gateway:${n.gateway}:${n.reference}`)
    const earlier = await tx
      .selectFrom('payments')
      .select('id')
      .where('company_id', '=', companyId)
      .where('method', '=', 'gateway')
      .where('reference', '=', n.reference)
      .executeTakeFirst()
    if (earlier) return log('duplicate', earlier.id)
    const invoice = await tx
      .selectFrom('invoices')
      .select(['id', 'customer_id', 'total', 'paid', 'status'])
      .where('company_id', '=', companyId)
      .where('number', '=', n.invoiceNumber)
      .executeTakeFirst()
    if (!invoice || invoice.status !== 'issued') return log('unknown_invoice', null)
    if (n.amount !== invoice.total - invoice.paid) return log('amount_mismatch', null)
    const paid = await insertPayment(
      tx,
      deps,
      actor,
      {
        customerId: invoice.customer_id,
        amount: n.amount,
        method: 'gateway',
        reference: n.reference,
        invoiceId: invoice.id,
        notes: null,
      },
      { date: dateInZone(deps.clock.now(), timeZone), source: 'gateway' },
    )
    return log('applied', paid.paymentId)
  })
}
