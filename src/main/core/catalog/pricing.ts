import type { Kysely } from 'kysely'
import type { Database } from '../db'

/**
 * What a service costs per month on a date, before any per-service override:
 * the customer's community price list, then the area's price list, then the product's price in
 * force on that date (its price history), in that order.
 */
export async function listPrice(
  db: Kysely<Database>,
  a: { productId: number; areaId: number; priceListId: number | null; on: string },
): Promise<{ price: number; source: 'price_list' | 'area_price_list' | 'product' }> {
  if (a.priceListId) {
    const item = await db
      .selectFrom('price_list_items')
      .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
      .select('price')
      .where('price_list_id', '=', a.priceListId)
      .where('product_id', '=', a.productId)
      .where('price_lists.active', '=', 1)
      .executeTakeFirst()
    if (item) return { price: item.price, source: 'price_list' }
  }
  const areaItem = await db
    .selectFrom('price_list_items')
    .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
    .select('price_list_items.price')
    .where('price_lists.area_id', '=', a.areaId)
    .where('price_lists.active', '=', 1)
    .where('price_list_items.product_id', '=', a.productId)
    .orderBy('price_lists.id')
    .executeTakeFirst()
  if (areaItem) return { price: areaItem.price, source: 'area_price_list' }
  const hist = await db
    .selectFrom('product_price_history')
    .select('price')
    .where('product_id', '=', a.productId)
    .where('effective_from', '<=', a.on)
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (hist) return { price: hist.price, source: 'product' }
  const product = await db
    .selectFrom('products')
    .select('monthly_price')
    .where('id', '=', a.productId)
    .executeTakeFirstOrThrow()
  return { price: product.monthly_price, source: 'product' }
}
