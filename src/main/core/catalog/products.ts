import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { BillingMode, ServiceType } from '@shared/catalog'
import { dateInZone } from '@shared/dates'
import { rateLimitText } from '@shared/speeds'
import { AppError } from '@shared/errors'
import type { ProductInput, productUpdateInput } from '@shared/schemas'
import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx, type Database, type ProductRow } from '../db'
import type { CoreDeps } from '../deps'
import { queuePackageSpeed } from '../device-jobs'
import { resolveRouterProfile, sameSpeed, speedOnRouter } from './router-profile'

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
  burstDownloadMbps: number | null
  burstUploadMbps: number | null
  burstThresholdDownloadMbps: number | null
  burstThresholdUploadMbps: number | null
  burstTimeSeconds: number | null
  /** Loket keeps this speed on the router (PPP profile / simple queue). */
  speedOnRouter: boolean
  /** What the router gets, as RouterOS writes it ('5M/10M …'); null when Loket sets nothing. */
  rateLimit: string | null
  fupDownloadMbps: number | null
  fupUploadMbps: number | null
  fupProfile: string | null
  extraGbPrice: number | null
  usageGbPrice: number | null
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
    burstDownloadMbps: toMbps(r.burst_download_kbps),
    burstUploadMbps: toMbps(r.burst_upload_kbps),
    burstThresholdDownloadMbps: toMbps(r.burst_threshold_download_kbps),
    burstThresholdUploadMbps: toMbps(r.burst_threshold_upload_kbps),
    burstTimeSeconds: r.burst_time_s,
    speedOnRouter: r.speed_on_router === 1,
    rateLimit: r.speed_on_router === 1 ? rateLimitOf(r) : null,
    fupDownloadMbps: toMbps(r.fup_download_kbps),
    fupUploadMbps: toMbps(r.fup_upload_kbps),
    fupProfile: r.fup_profile,
    extraGbPrice: r.extra_gb_price,
    usageGbPrice: r.usage_gb_price,
  }
}

function rateLimitOf(r: ProductRow): string | null {
  if (!r.download_kbps || !r.upload_kbps) return null
  const burst =
    r.burst_download_kbps &&
    r.burst_upload_kbps &&
    r.burst_threshold_download_kbps &&
    r.burst_threshold_upload_kbps &&
    r.burst_time_s
      ? {
          downloadKbps: r.burst_download_kbps,
          uploadKbps: r.burst_upload_kbps,
          thresholdDownloadKbps: r.burst_threshold_download_kbps,
          thresholdUploadKbps: r.burst_threshold_upload_kbps,
          seconds: r.burst_time_s,
        }
      : null
  return rateLimitText({ downloadKbps: r.download_kbps, uploadKbps: r.upload_kbps, burst })
}

type BurstKeys =
  | 'burstDownloadMbps'
  | 'burstUploadMbps'
  | 'burstThresholdDownloadMbps'
  | 'burstThresholdUploadMbps'
  | 'burstTimeSeconds'
  | 'speedOnRouter'
  | 'fupDownloadMbps'
  | 'fupUploadMbps'
  | 'fupProfile'
  | 'extraGbPrice'
  | 'usageGbPrice'
/**
 * A package as core takes it: without burst or speedOnRouter, the router keeps its own speed;
 * without the usage fields, no FUP and no usage charges.
 */
export type ProductFields = Omit<ProductInput, BurstKeys> & Partial<Pick<ProductInput, BurstKeys>>

function columns(input: ProductFields) {
  const speeds = {
    download_kbps: toKbps(input.downloadMbps),
    upload_kbps: toKbps(input.uploadMbps),
    burst_download_kbps: toKbps(input.burstDownloadMbps ?? null),
    burst_upload_kbps: toKbps(input.burstUploadMbps ?? null),
    burst_threshold_download_kbps: toKbps(input.burstThresholdDownloadMbps ?? null),
    burst_threshold_upload_kbps: toKbps(input.burstThresholdUploadMbps ?? null),
    burst_time_s: input.burstTimeSeconds ?? null,
    speed_on_router: 0,
  }
  speeds.speed_on_router = speedOnRouter(input.serviceType, input.speedOnRouter ?? false, speeds)
  return {
    name: input.name,
    service_type: input.serviceType,
    monthly_price: input.monthlyPrice,
    billing_mode: input.billingMode,
    ...speeds,
    router_profile: input.routerProfile,
    data_cap_gb: input.dataCapGb,
    fup_note: input.fupNote,
    taxable: input.taxable ? 1 : 0,
    fup_download_kbps: toKbps(input.fupDownloadMbps ?? null),
    fup_upload_kbps: toKbps(input.fupUploadMbps ?? null),
    fup_profile: input.fupProfile ?? null,
    extra_gb_price: input.extraGbPrice ?? null,
    usage_gb_price: input.usageGbPrice ?? null,
  }
}

/** The columns to write, with the PPP profile Loket settles on (named, or made up). */
async function columnsIn(
  tx: Kysely<Database>,
  companyId: number,
  input: ProductFields,
  exceptId?: number,
) {
  const c = columns(input)
  return { ...c, router_profile: await resolveRouterProfile(tx, companyId, c, exceptId) }
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
  'burst_download_kbps',
  'burst_upload_kbps',
  'burst_threshold_download_kbps',
  'burst_threshold_upload_kbps',
  'burst_time_s',
  'speed_on_router',
  'fup_download_kbps',
  'fup_upload_kbps',
  'fup_profile',
  'extra_gb_price',
  'usage_gb_price',
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
  input: ProductFields,
  effectiveFrom: string,
): Promise<ProductRow> {
  await assertNameFree(tx, actor.companyId, input.name)
  const now = deps.clock.now().toISOString()
  const values = await columnsIn(tx, actor.companyId, input)
  const row = await tx
    .insertInto('products')
    .values({
      company_id: actor.companyId,
      ...values,
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
    after: values,
  })
  return row
}

export async function createProduct(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: ProductFields,
  timeZone: string,
) {
  const today = dateInZone(deps.clock.now(), timeZone)
  return toProductView(await writeTx(deps.db, (tx) => insertProduct(tx, deps, actor, input, today)))
}

/**
 * A price change is recorded with the date it applies from; billing reads that history, and the
 * router hears nothing of it. A speed Loket keeps that changed goes out once per router serving
 * the package (`package.speed`); a renamed profile moves the package's services to it.
 */
export async function updateProduct(
  deps: CoreDeps & { onDeviceJobs?: () => void },
  actor: Actor & { companyId: number },
  input: ProductFields & Omit<z.output<typeof productUpdateInput>, keyof ProductInput>,
  timeZone: string,
): Promise<ProductView> {
  const view = await writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('products')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'product')
    await assertNameFree(tx, actor.companyId, input.name, before.id)
    const next = {
      ...(await columnsIn(tx, actor.companyId, input, before.id)),
      active: input.active ? 1 : 0,
    }
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
    const profileRenamed =
      row.service_type === 'pppoe' && (before.router_profile ?? null) !== row.router_profile
    // A new FUP speed or profile: the package job keeps Loket's FUP profile equal, and each
    // service syncs so one past its quota gets it (usage/fup.ts).
    const fupChanged =
      before.fup_download_kbps !== row.fup_download_kbps ||
      before.fup_upload_kbps !== row.fup_upload_kbps ||
      (before.fup_profile ?? null) !== row.fup_profile
    const speed =
      row.speed_on_router === 1 &&
      (before.speed_on_router !== 1 || !sameSpeed(before, row) || profileRenamed || fupChanged)
    const queued = await queuePackageSpeed(
      tx,
      row,
      { speed, profileRenamed: profileRenamed || fupChanged },
      { reason: `kecepatan paket ${row.name}`, by: actor.username },
      deps.clock.now(),
    )
    return { view: toProductView(row), queued: queued > 0 || profileRenamed }
  })
  if (view.queued) deps.onDeviceJobs?.()
  return view.view
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
