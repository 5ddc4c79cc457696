import type { Kysely } from 'kysely'
import type { ServiceStatus } from '@shared/catalog'
import { putSearchEntry, type Database } from '../db'

/**
 * A customer's status comes from their services: active if any service is active, then isolated,
 * then the furthest step of a new connection; putus only when every service is terminated.
 */
const PRECEDENCE: ServiceStatus[] = [
  'aktif',
  'isolir',
  'in_progress',
  'instalasi',
  'survei',
  'registrasi',
  'putus',
]

export function deriveCustomerStatus(statuses: string[]): ServiceStatus {
  if (statuses.length === 0) return 'registrasi'
  return PRECEDENCE.find((s) => statuses.includes(s)) ?? 'registrasi'
}

/** After any change to a customer or their services: the derived status and the search entry. */
export async function refreshCustomer(tx: Kysely<Database>, customerId: number): Promise<void> {
  const customer = await tx
    .selectFrom('customers')
    .select(['code', 'name', 'phone', 'whatsapp', 'address', 'status'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow()
  const services = await tx
    .selectFrom('services')
    .select(['status', 'sid', 'pppoe_username', 'static_ip'])
    .where('customer_id', '=', customerId)
    .execute()
  // Without services the customer keeps the status it was given (registrasi, or putus when ended).
  const status = services.length
    ? deriveCustomerStatus(services.map((s) => s.status))
    : customer.status
  if (status !== customer.status) {
    await tx.updateTable('customers').set({ status }).where('id', '=', customerId).execute()
  }
  const phones = [customer.phone, customer.whatsapp]
    .filter((p): p is string => !!p)
    .flatMap((p) => [p, `0${p.slice(2)}`])
  const body = [
    customer.code,
    customer.name,
    ...phones,
    customer.address,
    ...services.flatMap((s) => [s.sid, s.pppoe_username ?? '', s.static_ip ?? '']),
  ].join(' | ')
  await putSearchEntry(tx, customerId, body)
}
