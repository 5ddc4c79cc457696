import type { Kysely } from 'kysely'
import type { Database } from '../db'

/**
 * Every price of a company in memory, for work that prices thousands of services at once (the
 * invoice run). Same order as `listPrice`: the customer's price list, the area's list, then the
 * product's price in force on the date.
 */
export interface PriceBook {
  price(a: { productId: number; areaId: number; priceListId: number | null; on: string }): number
}

export async function loadPriceBook(db: Kysely<Database>, companyId: number): Promise<PriceBook> {
  const [items, history, products] = await Promise.all([
    db
      .selectFrom('price_list_items')
      .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
      .select([
        'price_lists.id as listId',
        'price_lists.area_id as areaId',
        'price_list_items.product_id as productId',
        'price_list_items.price',
      ])
      .where('price_lists.company_id', '=', companyId)
      .where('price_lists.active', '=', 1)
      .orderBy('price_lists.id')
      .execute(),
    db
      .selectFrom('product_price_history')
      .innerJoin('products', 'products.id', 'product_price_history.product_id')
      .select([
        'product_price_history.product_id as productId',
        'product_price_history.price',
        'product_price_history.effective_from as from',
      ])
      .where('products.company_id', '=', companyId)
      .orderBy('product_price_history.effective_from', 'desc')
      .orderBy('product_price_history.id', 'desc')
      .execute(),
    db
      .selectFrom('products')
      .select(['id', 'monthly_price'])
      .where('company_id', '=', companyId)
      .execute(),
  ])
  const byList = new Map<string, number>()
  const byArea = new Map<string, number>()
  for (const item of items) {
    byList.set(`${item.listId}:${item.productId}`, item.price)
    // The first (oldest) active list of an area wins, as in listPrice.
    const areaKey = `${item.areaId}:${item.productId}`
    if (item.areaId !== null && !byArea.has(areaKey)) byArea.set(areaKey, item.price)
  }
  const historyOf = new Map<number, { price: number; from: string }[]>()
  for (const h of history) {
    const list = historyOf.get(h.productId) ?? []
    list.push({ price: h.price, from: h.from })
    historyOf.set(h.productId, list)
  }
  const base = new Map(products.map((p) => [p.id, p.monthly_price]))
  return {
    price({ productId, areaId, priceListId, on }) {
      const listed = priceListId === null ? undefined : byList.get(`${priceListId}:${productId}`)
      if (listed !== undefined) return listed
      const area = byArea.get(`${areaId}:${productId}`)
      if (area !== undefined) return area
      // Newest first: the first entry in force on the date is the price.
      const inForce = historyOf.get(productId)?.find((h) => h.from <= on)
      return inForce?.price ?? base.get(productId) ?? 0
    },
  }
}
