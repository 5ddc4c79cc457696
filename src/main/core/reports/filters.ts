import { sql, type RawBuilder } from 'kysely'

/** A report narrowed to one area (cabang) and/or one package; absent keys mean all. */
export interface ReportFilters {
  areaId?: number
  productId?: number
}

/**
 * ` AND …` restricting a row's customer (the column `customerColumn`) to the filters: the
 * customer's area, and a customer with a service of the package (as the services are now).
 * Empty when no filter is set, so unfiltered reports keep their query plans.
 */
export function customerFilter(customerColumn: string, f: ReportFilters = {}): RawBuilder<unknown> {
  const col = sql.ref(customerColumn)
  const area =
    f.areaId !== undefined
      ? sql` AND ${col} IN (SELECT fc.id FROM customers fc WHERE fc.area_id = ${f.areaId})`
      : sql``
  const product =
    f.productId !== undefined
      ? sql` AND ${col} IN (SELECT fs.customer_id FROM services fs WHERE fs.product_id = ${f.productId})`
      : sql``
  return sql`${area}${product}`
}

/** The filters actually set, for echoing in a report (no `undefined` keys in JSON). */
export function filtersOf(f: ReportFilters): ReportFilters {
  return {
    ...(f.areaId !== undefined ? { areaId: f.areaId } : {}),
    ...(f.productId !== undefined ? { productId: f.productId } : {}),
  }
}
