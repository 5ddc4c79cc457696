import type { Kysely } from 'kysely'
import type {
  AreaImportRow,
  CustomerImportRow,
  ImportRowError,
  ProductImportRow,
} from '@shared/schemas'
import type { Database } from '../db'
import type { BulkCustomerRow } from '../customers'
import { routerResolver, type ImportRouters } from './routers'

export interface Parsed<T> {
  rows: { rowNumber: number; value: T }[]
  errors: ImportRowError[]
}

/** A new customer; its area and package ids are filled in at commit, once planned ones exist. */
export interface PlannedCustomer {
  rowNumber: number
  areaCode: string
  productName: string
  row: BulkCustomerRow
}

export interface ImportPlan {
  areas: { create: AreaImportRow[]; existing: number }
  products: { create: ProductImportRow[]; existing: number }
  customers: { create: PlannedCustomer[]; existing: { rowNumber: number; code: string }[] }
  /** Where the new services go (see routerResolver). */
  routers: ImportRouters
  errors: ImportRowError[]
}

const key = (phone: string | null, name: string) => `${phone ?? ''}|${name.trim().toLowerCase()}`

/**
 * Matches parsed rows against the database (and against the areas and packages the same
 * workbook creates): what is new, what already exists (re-importing a file duplicates nothing:
 * customers match by code, then by phone + name), and what cannot be imported and why.
 */
export async function planImport(
  tx: Kysely<Database>,
  companyId: number,
  input: {
    areas?: Parsed<AreaImportRow>
    products?: Parsed<ProductImportRow>
    customers?: Parsed<CustomerImportRow>
    /** With several routers: which one serves each area's rows that name none (code → id). */
    routerForArea?: Record<string, number>
  },
): Promise<ImportPlan> {
  const errors: ImportRowError[] = [
    ...(input.areas?.errors ?? []),
    ...(input.products?.errors ?? []),
    ...(input.customers?.errors ?? []),
  ]
  const areas = new Map(
    (
      await tx
        .selectFrom('areas')
        .select(['id', 'code'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((a) => [a.code, a.id]),
  )
  const products = new Map(
    (
      await tx
        .selectFrom('products')
        .select(['id', 'name', 'service_type'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((p) => [p.name.toLowerCase(), p]),
  )
  const newAreas = (input.areas?.rows ?? [])
    .filter((r) => !areas.has(r.value.code))
    .map((r) => r.value)
  const newProducts = (input.products?.rows ?? [])
    .filter((r) => !products.has(r.value.name.toLowerCase()))
    .map((r) => r.value)
  const plan: ImportPlan = {
    areas: { create: newAreas, existing: (input.areas?.rows.length ?? 0) - newAreas.length },
    products: {
      create: newProducts,
      existing: (input.products?.rows.length ?? 0) - newProducts.length,
    },
    customers: { create: [], existing: [] },
    routers: { routers: [], areas: [], missing: 0 },
    errors,
  }
  const customerRows = input.customers?.rows ?? []
  if (!customerRows.length) return plan
  const routers = await routerResolver(tx, companyId, input.routerForArea)
  const newAreaNames = new Map(newAreas.map((a) => [a.code, a.name]))

  const plannedAreas = new Set(newAreas.map((a) => a.code))
  const plannedProducts = new Map(newProducts.map((p) => [p.name.toLowerCase(), p.serviceType]))
  const existing = await tx
    .selectFrom('customers')
    .select(['code', 'phone', 'name'])
    .where('company_id', '=', companyId)
    .execute()
  const byCode = new Set(existing.map((c) => c.code.toUpperCase()))
  const byPhoneName = new Map(existing.map((c) => [key(c.phone, c.name), c.code]))
  const usernames = new Set(
    (
      await tx
        .selectFrom('services')
        .select('pppoe_username')
        .where('company_id', '=', companyId)
        .where('pppoe_username', 'is not', null)
        .execute()
    ).map((s) => s.pppoe_username),
  )
  for (const { rowNumber, value: r } of customerRows) {
    const matched =
      (r.code && byCode.has(r.code.toUpperCase()) ? r.code : null) ??
      byPhoneName.get(key(r.phone, r.name))
    if (matched) {
      plan.customers.existing.push({ rowNumber, code: matched })
      continue
    }
    const rowErrors: ImportRowError[] = []
    if (!areas.has(r.areaCode) && !plannedAreas.has(r.areaCode)) {
      rowErrors.push({
        row: rowNumber,
        column: 'area',
        messageKey: 'import.unknown_area',
        params: { value: r.areaCode },
      })
    }
    const product = products.get(r.productName.toLowerCase())
    const serviceType = product?.service_type ?? plannedProducts.get(r.productName.toLowerCase())
    if (!serviceType) {
      rowErrors.push({
        row: rowNumber,
        column: 'paket',
        messageKey: 'import.unknown_product',
        params: { value: r.productName },
      })
    }
    if (r.pppoeUsername && usernames.has(r.pppoeUsername)) {
      rowErrors.push({
        row: rowNumber,
        column: 'username_pppoe',
        messageKey: 'import.pppoe_taken',
        params: { value: r.pppoeUsername },
      })
    }
    const named = r.routerName === null ? null : routers.named(r.routerName)
    if (named === undefined) {
      rowErrors.push({
        row: rowNumber,
        column: 'router',
        messageKey: 'import.unknown_router',
        params: { value: r.routerName! },
      })
    }
    if (rowErrors.length) {
      errors.push(...rowErrors)
      continue
    }
    const status = r.status ?? 'aktif'
    const routerId = named ?? routers.forArea(r.areaCode, status, newAreaNames.get(r.areaCode))
    plan.customers.create.push({
      rowNumber,
      areaCode: r.areaCode,
      productName: r.productName,
      row: {
        code: r.code ? r.code.toUpperCase() : null,
        areaId: -1,
        name: r.name,
        category: r.category,
        nik: r.nik,
        phone: r.phone,
        email: r.email,
        address: r.address,
        npwp: r.npwp,
        notes: r.notes,
        service: {
          productId: -1,
          serviceType: serviceType!,
          status,
          activationDate: r.activationDate,
          billingDay:
            r.billingSchedule?.kind === 'fixed'
              ? r.billingSchedule.day
              : r.billingSchedule
                ? null
                : 1,
          priceOverride: r.priceOverride,
          pppoeUsername: r.pppoeUsername,
          pppoePassword: r.pppoePassword,
          staticIp: r.staticIp,
          routerId,
        },
      },
    })
  }
  plan.routers = routers.summary()
  plan.errors.sort((a, b) => a.row - b.row)
  return plan
}
