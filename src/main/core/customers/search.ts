import { sql, type SelectQueryBuilder } from 'kysely'
import type { CustomerListInput } from '@shared/schemas'
import { searchMatchIds, type Database, type Db } from '../db'

export interface CustomerListRow {
  id: number
  code: string
  name: string
  phone: string | null
  address: string
  areaCode: string
  category: string
  status: string
  products: string | null
}

/**
 * What the search box means. A phone typed any way (0812-…, 62812…, +62 812 …) becomes its
 * digits, found in both the 0… and 62… forms the index holds. Otherwise every word of 3+
 * characters must occur somewhere (name, code, address, SID, PPPoE username); shorter words
 * match the start of the name or code.
 */
export function searchTerms(q: string): { trigram: string[]; prefix: string[] } {
  const trimmed = q.trim()
  if (/^[+\d][\d\s().-]{3,}$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '')
    if (digits.length >= 3) return { trigram: [digits], prefix: [] }
  }
  const words = trimmed.toLowerCase().split(/\s+/).filter(Boolean)
  return { trigram: words.filter((w) => w.length >= 3), prefix: words.filter((w) => w.length < 3) }
}

const SORT_COLUMN = {
  name: 'customers.name',
  code: 'customers.code',
  created: 'customers.id',
  status: 'customers.status',
  area: 'areas.code',
} as const

function filtered(db: Db, companyId: number, f: CustomerListInput) {
  let q = db
    .selectFrom('customers')
    .innerJoin('areas', 'areas.id', 'customers.area_id')
    .where('customers.company_id', '=', companyId) as SelectQueryBuilder<
    Database,
    'customers' | 'areas',
    object
  >
  if (f.q) {
    const { trigram, prefix } = searchTerms(f.q)
    if (trigram.length) q = q.where('customers.id', 'in', searchMatchIds(trigram))
    for (const p of prefix) {
      const like = `${p.replace(/[%_]/g, '')}%`
      q = q.where((eb) =>
        eb.or([eb('customers.name', 'like', like), eb('customers.code', 'like', like)]),
      )
    }
  }
  if (f.status?.length) q = q.where('customers.status', 'in', f.status)
  if (f.areaId) q = q.where('customers.area_id', '=', f.areaId)
  if (f.category) q = q.where('customers.category', '=', f.category)
  if (f.productId) {
    const productId = f.productId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('services')
          .select('services.id')
          .whereRef('services.customer_id', '=', 'customers.id')
          .where('services.product_id', '=', productId),
      ),
    )
  }
  return q
}

/** One page of the customer list with the total, for the virtualised table. */
export async function listCustomers(
  { db }: { db: Db },
  companyId: number,
  f: CustomerListInput,
): Promise<{ total: number; rows: CustomerListRow[] }> {
  const base = filtered(db, companyId, f)
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select([
        'customers.id',
        'customers.code',
        'customers.name',
        'customers.phone',
        'customers.address',
        'customers.category',
        'customers.status',
        'areas.code as areaCode',
        sql<
          string | null
        >`(SELECT group_concat(p.name, ', ') FROM services s JOIN products p ON p.id = s.product_id
          WHERE s.customer_id = customers.id AND s.status != 'putus')`.as('products'),
      ])
      .orderBy(SORT_COLUMN[f.sort ?? 'name'], f.dir ?? 'asc')
      .orderBy('customers.id', f.dir ?? 'asc')
      .limit(f.limit ?? 100)
      .offset(f.offset ?? 0)
      .execute(),
  ])
  return { total: Number(count?.n ?? 0), rows }
}
