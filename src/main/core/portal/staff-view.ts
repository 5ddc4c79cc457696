import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { createPortalSession, PORTAL_STAFF_VIEW_MS, type PortalClient } from './sessions'

/**
 * "Buka portal sebagai pelanggan": a read-only portal session as the customer for a staff member
 * (who holds `portal.impersonate`), for an hour, audited. The portal shows a banner, and every
 * changing procedure refuses it (PORTAL_READ_ONLY): no payment, profile or complaint in the
 * customer's name.
 */
export async function openPortalAsCustomer(
  deps: CoreDeps,
  actor: Actor & { companyId: number; userId: number | null },
  client: PortalClient,
  customerId: number,
): Promise<{ token: string; expiresAt: string; minutes: number }> {
  if (!actor.userId) throw new AppError('FORBIDDEN')
  const staffUserId = actor.userId
  return writeTx(deps.db, async (tx) => {
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'company_id', 'code', 'name', 'status'])
      .where('id', '=', customerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!customer) throw new AppError('NOT_FOUND', 'customer')
    if (customer.status === 'putus') throw new AppError('SERVICE_TERMINATED')
    const session = await createPortalSession(tx, deps, customer, client, {
      remember: false,
      staffUserId,
    })
    await appendAudit(tx, deps.clock, actor, {
      action: 'portal.staff_view',
      entityType: 'customer',
      entityId: customer.id,
      after: { code: customer.code, name: customer.name, until: session.expiresAt },
    })
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      minutes: PORTAL_STAFF_VIEW_MS / 60_000,
    }
  })
}
