import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { BroadcastFilter } from '@shared/schemas'
import { searchMatchIds, type Database } from '../db'

/** One customer a broadcast may go to, with what the outbox needs to address them. */
export interface AudienceMember {
  id: number
  code: string
  name: string
  phone: string | null
  whatsapp: string | null
  email: string | null
  optOut: number
}

/**
 * The customers a broadcast filter picks, in one set-wise query (50,000 customers are one
 * read, not one per area or package). Area and status are the customer's; a package picks
 * customers with a live (not terminated) service on it. The search box means what it means on
 * the customer list: words in the search index, short words at the start of name or code.
 */
export function audienceQuery(
  db: Kysely<Database>,
  companyId: number,
  filter: BroadcastFilter,
): SelectQueryBuilder<Database, 'customers', AudienceMember> {
  let q = db
    .selectFrom('customers')
    .select([
      'customers.id',
      'customers.code',
      'customers.name',
      'customers.phone',
      'customers.whatsapp',
      'customers.email',
      'customers.messages_opt_out as optOut',
    ])
    .where('customers.company_id', '=', companyId)
  q = filter.status
    ? q.where('customers.status', '=', filter.status)
    : q.where('customers.status', '!=', 'putus')
  if (filter.areaId) q = q.where('customers.area_id', '=', filter.areaId)
  if (filter.outageId) {
    const outageId = filter.outageId
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('outage_services')
          .select(sql`1`.as('one'))
          .whereRef('outage_services.customer_id', '=', 'customers.id')
          .where('outage_services.outage_id', '=', outageId),
      ),
    )
  }
  if (filter.productId) {
    const productId = filter.productId
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('services')
          .select(sql`1`.as('one'))
          .whereRef('services.customer_id', '=', 'customers.id')
          .where('services.product_id', '=', productId)
          .where('services.status', '!=', 'putus'),
      ),
    )
  }
  const words = (filter.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)
  const digits = (filter.q ?? '').replace(/\D/g, '')
  const phoneLike = /^[+\d][\d\s().-]{3,}$/.test((filter.q ?? '').trim()) && digits.length >= 3
  const terms = phoneLike ? [digits] : words.filter((w) => w.length >= 3)
  if (terms.length) q = q.where('customers.id', 'in', searchMatchIds(db, terms))
  if (!phoneLike) {
    for (const w of words.filter((x) => x.length < 3)) {
      const like = `${w.replace(/[%_\\]/g, '')}%`
      q = q.where((eb) =>
        eb.or([eb('customers.name', 'like', like), eb('customers.code', 'like', like)]),
      )
    }
  }
  return q.orderBy('customers.id')
}
