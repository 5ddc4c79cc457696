import { AppError } from '@shared/errors'
import { listPrice } from '../catalog'
import type { CoreDeps } from '../deps'

/**
 * Every active package's price in force today for one customer (their price list, their area's,
 * or the package's dated price), for the package pickers: the same rule billing uses.
 */
export async function pricesForCustomer(
  deps: CoreDeps,
  companyId: number,
  customerId: number,
  today: string,
) {
  const customer = await deps.db
    .selectFrom('customers')
    .select(['area_id', 'price_list_id'])
    .where('id', '=', customerId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const products = await deps.db
    .selectFrom('products')
    .select(['id', 'name'])
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .orderBy('name')
    .execute()
  return Promise.all(
    products.map(async (p) => ({
      productId: p.id,
      name: p.name,
      ...(await listPrice(deps.db, {
        productId: p.id,
        areaId: customer.area_id,
        priceListId: customer.price_list_id,
        on: today,
      })),
    })),
  )
}
