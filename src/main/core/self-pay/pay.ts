import { AppError } from '@shared/errors'
import type { Actor } from '../audit'
import {
  gatewayChannels,
  gatewayPaymentState,
  startGatewayPayment,
  type GatewayDeps,
} from '../gateways'
import { customerFacingBase } from '../collections'
import type { SelfPayOwner } from './who'
import type { SelfPayView } from './view'

/** The gateway's channels with the fee for what the page lists (all its unpaid invoices). */
export function selfPayChannels(deps: GatewayDeps, view: SelfPayView) {
  return gatewayChannels(deps, view.company.id, { amount: view.total })
}

export interface SelfPayRequest {
  invoiceIds: number[]
  channel: string
  /** The isolir page, or a pay link. */
  via: 'isolir' | 'link'
  ip: string
  userAgent: string
}

/**
 * Opens the gateway payment a self-service page asked for: only invoices the page showed (a
 * link's own; the isolir page's customer's unpaid ones), through gw-core's service, which checks
 * they are the customer's and unpaid, stores the transaction and audits it. The actor is the
 * customer as the page knew them (no user), from the browser's address.
 */
export async function startSelfPayment(
  deps: GatewayDeps,
  owner: SelfPayOwner,
  view: SelfPayView,
  req: SelfPayRequest,
) {
  const payable = new Set(view.invoices.filter((i) => !i.paid).map((i) => i.id))
  const ids = [...new Set(req.invoiceIds)]
  if (ids.length === 0 || ids.some((id) => !payable.has(id)))
    throw new AppError('GATEWAY_INVOICE_NOT_PAYABLE', 'self-pay invoice not offered', {})
  const actor: Actor & { companyId: number } = {
    companyId: owner.companyId,
    userId: null,
    username: `pelanggan:${view.customer.code}`,
    ip: req.ip,
    userAgent: req.userAgent.slice(0, 300),
  }
  return startGatewayPayment(
    deps,
    {
      companyId: owner.companyId,
      timeZone: view.company.timeZone,
      actor,
      publicBaseUrl: await customerFacingBase(deps.db, owner.companyId),
    },
    { customerId: owner.customerId, invoiceIds: ids, channel: req.channel, via: req.via },
  )
}

/** A payment's state for its status page; null when the reference is not this customer's. */
export function selfPaymentState(deps: GatewayDeps, owner: SelfPayOwner, reference: string) {
  return gatewayPaymentState(deps, owner.companyId, { reference, customerId: owner.customerId })
}
