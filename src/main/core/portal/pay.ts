import { AppError } from '@shared/errors'
import {
  gatewayChannels,
  gatewayPaymentState,
  startGatewayPayment,
  type GatewayDeps,
} from '../gateways'
import { customerFacingBase } from '../collections'
import type { PortalCustomer } from './sessions'

/**
 * Bayar: what the customer picked must be their own issued, unpaid invoices; the amount is
 * what they still owe on them. The gateways service (core/gateways) does the rest, through
 * the same path as the counter once the payment arrives.
 */
async function owedOn(deps: GatewayDeps, c: PortalCustomer, invoiceIds: number[]) {
  const ids = [...new Set(invoiceIds)]
  const rows = await deps.db
    .selectFrom('invoices')
    .select(['id', 'total', 'paid', 'status', 'customer_id'])
    .where('id', 'in', ids)
    .where('company_id', '=', c.companyId)
    .execute()
  const payable = rows.filter(
    (r) => r.customer_id === c.customerId && r.status === 'issued' && r.total > r.paid,
  )
  if (payable.length !== ids.length) throw new AppError('GATEWAY_INVOICE_NOT_PAYABLE')
  return payable.reduce((sum, r) => sum + r.total - r.paid, 0)
}

export async function portalChannels(deps: GatewayDeps, c: PortalCustomer, invoiceIds: number[]) {
  const amount = await owedOn(deps, c, invoiceIds)
  return { amount, ...(await gatewayChannels(deps, c.companyId, { amount })) }
}

export async function portalPay(
  deps: GatewayDeps,
  c: PortalCustomer,
  actor: Parameters<typeof startGatewayPayment>[1]['actor'],
  p: { invoiceIds: number[]; channel: string },
) {
  await owedOn(deps, c, p.invoiceIds)
  const started = await startGatewayPayment(
    deps,
    {
      companyId: c.companyId,
      timeZone: c.timeZone,
      actor,
      // The gateway's callback reaches the host only where customers reach it; without that
      // address (an office behind NAT) the payment is found by polling.
      publicBaseUrl: await customerFacingBase(deps.db, c.companyId),
    },
    { customerId: c.customerId, invoiceIds: p.invoiceIds, channel: p.channel, via: 'portal' },
  )
  return {
    reference: started.reference,
    checkoutUrl: started.checkoutUrl,
    payCode: started.payCode,
    amount: started.amount,
    fee: started.fee,
    expiresAt: started.expiresAt,
    instructions: started.instructions,
    channelName: started.channelName,
  }
}

export async function portalPaymentState(deps: GatewayDeps, c: PortalCustomer, reference: string) {
  const state = await gatewayPaymentState(deps, c.companyId, {
    reference,
    customerId: c.customerId,
  })
  if (!state) throw new AppError('NOT_FOUND', 'payment')
  return state
}
