import { sql, type SelectQueryBuilder } from 'kysely'
import type { CustomerListInput } from '@shared/schemas'
import { withoutControls } from '@shared/text'
import { searchMatchIds, type Database, type Db } from '../db'
import { looksLikePhone, nameForWords, relevanceRank } from './search-rank'

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
 * match the start of a word of the name ("budi s" → Budi Santoso) or of the code. Alone, short
 * words match the start of the name or code only: that walks an index, a word start does not.
 */
export function searchTerms(q: string): { trigram: string[]; prefix: string[] } {
  const trimmed = q.trim()
  if (looksLikePhone(trimmed)) {
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

function filtered(
  db: Db,
  companyId: number,
  f: CustomerListInput,
  trigram: string[],
  prefix: string[],
) {
  let q = db
    .selectFrom('customers')
    .innerJoin('areas', 'areas.id', 'customers.area_id') as SelectQueryBuilder<
    Database,
    'customers' | 'areas',
    object
  >
  if (trigram.length) {
    // The unary + keeps SQLite from walking the company index and testing every customer
    // against the match list; it starts from the (usually short) list of matches instead.
    q = q
      .where(sql<number>`+customers.company_id`, '=', companyId)
      .where('customers.id', 'in', searchMatchIds(db, trigram))
  } else {
    q = q.where('customers.company_id', '=', companyId)
  }
  for (const p of prefix) {
    const word = p.replace(/[%_\\]/g, '')
    const like = `${word}%`
    q = q.where((eb) =>
      eb.or([
        eb('customers.name', 'like', like),
        eb('customers.code', 'like', like),
        // Only among the matches of the longer words, which are few next to the whole base.
        ...(trigram.length ? [eb(nameForWords(), 'like', `% ${like}`)] : []),
      ]),
    )
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

/**
 * One page of the customer list with the total, for the virtualised table. With a search the
 * total comes from a window over the matches (the search runs once); without one, a count over
 * the company's customers is cheaper than sorting them all. A search without an explicit sort
 * comes ranked (see relevanceRank): the counter takes the first row.
 */
export async function listCustomers(
  { db }: { db: Db },
  companyId: number,
  f: CustomerListInput,
): Promise<{ total: number; rows: CustomerListRow[] }> {
  // Control characters mean nothing in a search box, and PostgreSQL text cannot hold a NUL.
  const text = f.q ? withoutControls(f.q) : ''
  const { trigram, prefix } = text ? searchTerms(text) : { trigram: [], prefix: [] }
  const searching = trigram.length + prefix.length > 0
  const base = filtered(db, companyId, f, trigram, prefix)
  const ranked = searching && !f.sort
  const sorted = ranked
    ? base
        .orderBy(relevanceRank(db, companyId, text))
        .orderBy('customers.name')
        .orderBy('customers.id')
    : base
        .orderBy(SORT_COLUMN[f.sort ?? 'name'], f.dir ?? 'asc')
        .orderBy('customers.id', f.dir ?? 'asc')
  const page = sorted
    .select([
      'customers.id',
      'customers.code',
      'customers.name',
      'customers.phone',
      'customers.address',
      'customers.category',
      'customers.status',
      'areas.code as areaCode',
      ...(searching ? [sql<number>`count(*) OVER ()`.as('total')] : []),
    ])
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
  let total: number
  let rows: Omit<CustomerListRow, 'products'>[]
  if (searching) {
    const found = (await page.execute()) as (Omit<CustomerListRow, 'products'> & {
      total?: number
    })[]
    // Past the last page the window has no row to ride on: count separately then.
    total = Number(
      found[0]?.total ??
        (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ??
        0,
    )
    rows = found.map(({ total: _t, ...r }) => r)
  } else {
    const [count, found] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      page.execute(),
    ])
    total = Number(count?.n ?? 0)
    rows = found
  }
  return { total, rows: await withProducts(db, rows) }
}

/** The packages of the page's customers only, in one query (not per row, not for every match). */
async function withProducts(
  db: Db,
  rows: Omit<CustomerListRow, 'products'>[],
): Promise<CustomerListRow[]> {
  if (!rows.length) return []
  const services = await db
    .selectFrom('services')
    .innerJoin('products', 'products.id', 'services.product_id')
    .select(['services.customer_id', 'products.name'])
    .where(
      'services.customer_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('services.status', '!=', 'putus')
    .orderBy('services.id')
    .execute()
  const names = new Map<number, string[]>()
  for (const s of services) names.set(s.customer_id, [...(names.get(s.customer_id) ?? []), s.name])
  return rows.map((r) => ({ ...r, products: names.get(r.id)?.join(', ') ?? null }))
}
