import type { Kysely } from 'kysely'
import type { ServiceStatus } from '@shared/catalog'
import type { CalendarDate } from '@shared/dates'
import type { Actor } from '../audit'
import { insertRows, type Database } from '../db'
import { queueServiceSyncs } from '../device-jobs'
import type { CoreDeps } from '../deps'
import { deriveCustomerStatus } from './customer-status'

export interface StatusBatch {
  serviceIds: number[]
  /** Only services still in this status change (a payment may have restored one meanwhile). */
  from: ServiceStatus
  to: ServiceStatus
  reason: string
}

/**
 * The same change as setServiceStatus for many services at once, written set-wise: one UPDATE,
 * history rows in bulk, customers' derived status, and one router job per service. The isolir
 * batch (thousands of services on a collection day) uses it; the caller audits the batch.
 */
export async function setServiceStatuses(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  batch: StatusBatch,
  today: CalendarDate,
): Promise<{ id: number; sid: string; customer_id: number }[]> {
  if (batch.serviceIds.length === 0) return []
  const now = deps.clock.now()
  const at = now.toISOString()
  const changed = await tx
    .updateTable('services')
    .set({ status: batch.to, updated_at: at })
    .where('company_id', '=', actor.companyId)
    .where('status', '=', batch.from)
    .where('id', 'in', batch.serviceIds)
    .returning(['id', 'sid', 'customer_id', 'company_id', 'router_id'])
    .execute()
  if (changed.length === 0) return []
  await insertRows(
    tx,
    'service_history',
    changed.map((s) => ({
      service_id: s.id,
      kind: 'status',
      from_value: batch.from,
      to_value: batch.to,
      effective_date: today,
      pending: 0,
      reason: batch.reason,
      user_id: actor.userId,
      username: actor.username,
      at,
    })),
  )
  const customerIds = [...new Set(changed.map((s) => s.customer_id))]
  const statuses = await tx
    .selectFrom('services')
    .select(['customer_id', 'status'])
    .where('customer_id', 'in', customerIds)
    .execute()
  const byCustomer = new Map<number, string[]>()
  for (const s of statuses)
    byCustomer.set(s.customer_id, [...(byCustomer.get(s.customer_id) ?? []), s.status])
  for (const [customerId, list] of byCustomer) {
    await tx
      .updateTable('customers')
      .set({ status: deriveCustomerStatus(list) })
      .where('id', '=', customerId)
      .where('status', '!=', deriveCustomerStatus(list))
      .execute()
  }
  await queueServiceSyncs(tx, changed, { reason: batch.reason, by: actor.username }, now)
  return changed
}
