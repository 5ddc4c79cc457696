import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { BillingMode, ServiceType } from '@shared/catalog'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { ProductInput, productUpdateInput } from '@shared/schemas'
import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx, type Database, type ProductRow } from '../db'
import type { CoreDeps } from '../deps'

export interface ProductView {
  id: number
  name: string
  serviceType: ServiceType
  monthlyPrice: number
  billingMode: BillingMode
  downloadMbps: number | null
  uploadMbps: number | null
  routerProfile: string | null
  dataCapGb: number | null
  fupNote: string | null
  taxable: boolean
  active: boolean
}

const toMbps = (kbps: number | null) => (kbps == null ? null : kbps / 1000)
const toKbps = (mbps: number | null) => (mbps == null ? null : Math.round(mbps * 1000))

export function toProductView(r: ProductRow): ProductView {
  return {
    id: r.id,
    name: r.name,
    serviceType: r.service_type as ServiceType,
    monthlyPrice: r.monthly_price,
    billingMode: r.billing_mode as BillingMode,
    downloadMbps: toMbps(r.download_kbps),
    uploadMbps: toMbps(r.upload_kbps),
    routerProfile: r.router_profile,
    dataCapGb: r.data_cap_gb,
    fupNote: r.fup_note,
    taxable: r.taxable === 1,
    active: r.active === 1,
  }
}

function columns(input: ProductInput) {
  return {
    name: input.name,
    service_type: input.serviceType,
    monthly_price: input.monthlyPrice,
    billing_mode: input.billingMode,
    download_kbps: toKbps(input.downloadMbps),
    upload_kbps: toKbps(input.uploadMbps),
    router_profile: input.routerProfile,
    data_cap_gb: input.dataCapGb,
    fup_note: input.fupNote,
    taxable: input.taxable ? 1 : 0,
  }
}

const AUDITED = [
  'name',
  'service_type',
  'monthly_price',
  'billing_mode',
  'download_kbps',
  'upload_kbps',
  'router_profile',
  'data_cap_gb',
  'fup_note',
  'taxable',
  'active',
] as const

export async function listProducts({ db }: CoreDeps, companyId: number): Promise<ProductView[]> {
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute()
  return rows.map(toProductView)
}

async function assertNameFree(
  tx: Kysely<Database>,
  companyId: number,
  name: string,
  exceptId?: number,
) {
  let q = tx
    .selectFrom('products')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw new AppError('NAME_TAKEN', undefined, { name })
}

/** Inside a write transaction: the product and the first entry of its price history. */
export async function insertProduct(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: ProductInput,
  effectiveFrom: string,
): Promise<ProductRow> {
  await assertNameFree(tx, actor.companyId, input.name)
  const now = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('products')
    .values({
      company_id: actor.companyId,
      ...columns(input),
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('product_price_history')
    .values({
      product_id: row.id,
      price: row.monthly_price,
      effective_from: effectiveFrom,
      reason: 'initial',
      user_id: actor.userId,
      username: actor.username,
      at: now,
    })
    .execute()
  await appendAudit(tx, deps.clock, actor, {
    action: 'products.create',
    entityType: 'product',
    entityId: row.id,
    after: columns(input),
  })
  return row
}

export async function createProduct(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: ProductInput,
  timeZone: string,
) {
  const today = dateInZone(deps.clock.now(), timeZone)
  return toProductView(await writeTx(deps.db, (tx) => insertProduct(tx, deps, actor, input, today)))
}

/** A price change is recorded with the date it applies from; billing reads that history. */
export async function updateProduct(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: z.output<typeof productUpdateInput>,
  timeZone: string,
): Promise<ProductView> {
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('products')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'product')
    await assertNameFree(tx, actor.companyId, input.name, before.id)
    const next = { ...columns(input), active: input.active ? 1 : 0 }
    const now = deps.clock.now().toISOString()
    const row = await tx
      .updateTable('products')
      .set({ ...next, updated_at: now })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (before.monthly_price !== row.monthly_price) {
      await tx
        .insertInto('product_price_history')
        .values({
          product_id: row.id,
          price: row.monthly_price,
          effective_from: input.priceEffectiveFrom ?? dateInZone(deps.clock.now(), timeZone),
          reason: input.priceReason,
          user_id: actor.userId,
          username: actor.username,
          at: now,
        })
        .execute()
    }
    const diff = diffFields(before, next, AUDITED)
    if (diff)
      await appendAudit(tx, deps.clock, actor, {
        action: 'products.update',
        entityType: 'product',
        entityId: row.id,
        ...diff,
      })
    return toProductView(row)
  })
}

export async function productPriceHistory({ db }: CoreDeps, companyId: number, productId: number) {
  return db
    .selectFrom('product_price_history')
    .innerJoin('products', 'products.id', 'product_price_history.product_id')
    .select([
      'product_price_history.price',
      'product_price_history.effective_from as effectiveFrom',
      'product_price_history.reason',
      'product_price_history.username',
      'product_price_history.at',
    ])
    .where('products.company_id', '=', companyId)
    .where('product_id', '=', productId)
    .orderBy('product_price_history.effective_from', 'desc')
    .orderBy('product_price_history.id', 'desc')
    .execute()
}
