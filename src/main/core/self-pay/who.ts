import { dateInZone } from '@shared/dates'
import type { CoreDeps } from '../deps'
import { lookUpSessionAddress, serviceAtAddress, type NetworkDeps } from '../network'
import { checkPayLink } from '../pay-links'
import { selfPayView, type SelfPayView } from './view'

/** Whose page it is: the customer, and which invoices the page may pay. */
export interface SelfPayOwner {
  companyId: number
  customerId: number
  /** A pay link's invoices; undefined on the isolir page (every unpaid invoice). */
  invoiceIds?: number[]
}

/**
 * The isolated customer behind a browser's address (the router's NAT keeps it): a fixed
 * address or a last-seen session address from the database, else the routers are asked once.
 * Null for an address nobody has: the page then shows the general notice.
 */
export async function isolirCustomer(
  deps: NetworkDeps,
  ip: string,
): Promise<{ owner: SelfPayOwner; view: SelfPayView } | null> {
  const found = (await serviceAtAddress(deps.db, ip)) ?? (await lookUpSessionAddress(deps, ip))
  if (!found) return null
  const owner = { companyId: found.companyId, customerId: found.customerId }
  const view = await selfPayView(deps.db, owner)
  return view ? { owner, view } : null
}

export type PayLinkPage =
  { ok: true; owner: SelfPayOwner; view: SelfPayView } | { ok: false; reason: 'forged' | 'expired' }

/**
 * What a pay link opens: its own invoices of its own customer and nothing else. A link whose
 * invoices are gone (voided) reads as forged: the page shows nothing of it either way.
 */
export async function payLinkCustomer(deps: CoreDeps, token: string): Promise<PayLinkPage> {
  // The expiry is a day of the company's time zone, and the company is named inside the signed
  // part: the signature first (any day), then the expiry in that company's zone.
  const signed = checkPayLink(deps.secrets, token, '0000-01-01')
  if (!signed.ok) return signed
  const { claims } = signed
  const company = await deps.db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', claims.companyId)
    .executeTakeFirst()
  if (!company) return { ok: false, reason: 'forged' }
  const today = dateInZone(deps.clock.now(), company.time_zone)
  const checked = checkPayLink(deps.secrets, token, today)
  if (!checked.ok) return checked
  const owner = {
    companyId: claims.companyId,
    customerId: claims.customerId,
    invoiceIds: claims.invoiceIds,
  }
  const view = await selfPayView(deps.db, owner, claims.invoiceIds)
  if (!view || view.invoices.length === 0) return { ok: false, reason: 'forged' }
  return { ok: true, owner, view }
}
