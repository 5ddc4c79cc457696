import type { AreaImportRow, CustomerImportRow, ProductImportRow } from '@shared/schemas'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { insertProduct } from '../catalog'
import { bulkInsertCustomers } from '../customers'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { planImport, type ImportPlan, type Parsed } from './plan'

export interface ImportInput {
  fileName: string
  areas?: Parsed<AreaImportRow>
  products?: Parsed<ProductImportRow>
  customers?: Parsed<CustomerImportRow>
  /** With several routers: the router of each area's rows that name none (code → id). */
  routerForArea?: Record<string, number>
}

export interface ImportSummary {
  fileName: string
  dryRun: boolean
  areas: { created: number; existing: number }
  products: { created: number; existing: number }
  customers: { created: number; existing: number; services: number }
  /** Where the new services go, when the company has routers (see customer-import/routers). */
  routers: ImportPlan['routers']
  errors: ImportPlan['errors']
  /** The first rows of the preview: what happens to each. */
  preview: { row: number; code: string | null; name: string; outcome: 'new' | 'existing' }[]
}

function summarise(
  input: ImportInput,
  plan: ImportPlan,
  dryRun: boolean,
  created?: { codes: string[]; services: number },
): ImportSummary {
  const names = new Map((input.customers?.rows ?? []).map((r) => [r.rowNumber, r.value]))
  const preview = [
    ...plan.customers.create.map((c, i) => ({
      row: c.rowNumber,
      code: created?.codes[i] ?? c.row.code,
      name: c.row.name,
      outcome: 'new' as const,
    })),
    ...plan.customers.existing.map((c) => ({
      row: c.rowNumber,
      code: c.code,
      name: names.get(c.rowNumber)?.name ?? '',
      outcome: 'existing' as const,
    })),
  ]
    .sort((a, b) => a.row - b.row)
    .slice(0, 500)
  return {
    fileName: input.fileName,
    dryRun,
    areas: { created: plan.areas.create.length, existing: plan.areas.existing },
    products: { created: plan.products.create.length, existing: plan.products.existing },
    customers: {
      created: plan.customers.create.length,
      existing: plan.customers.existing.length,
      services: created?.services ?? plan.customers.create.length,
    },
    routers: plan.routers,
    errors: plan.errors,
    preview,
  }
}

/** What an import would do, without changing anything (the preview step and --dry-run). */
export async function previewImport(
  deps: CoreDeps,
  companyId: number,
  input: ImportInput,
): Promise<ImportSummary> {
  const plan = await planImport(deps.db, companyId, input)
  return summarise(input, plan, true)
}

/**
 * All or nothing: areas, then packages, then customers with their first service, in one write
 * transaction planned afresh inside it. Any error in any row and nothing is written; nor while a
 * working service would have no router although the company has routers. Also answers which
 * services were created active (for the welcome message).
 */
export async function commitImport(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: ImportInput,
  timeZone: string,
): Promise<ImportSummary & { activatedServiceIds: number[] }> {
  return writeTx(deps.db, async (tx) => {
    const plan = await planImport(tx, actor.companyId, input)
    if (plan.errors.length) {
      throw new AppError(
        'IMPORT_HAS_ERRORS',
        `${plan.errors.length} problem(s) in ${input.fileName}`,
        { errors: plan.errors.slice(0, 200) },
      )
    }
    if (plan.routers.missing > 0) {
      const areas = plan.routers.areas.filter((a) => a.routerId === null && a.working > 0)
      throw new AppError('IMPORT_ROUTER_REQUIRED', `${plan.routers.missing} without a router`, {
        count: plan.routers.missing,
        areas: areas.map((a) => a.areaCode).join(', '),
      })
    }
    if (
      !plan.areas.create.length &&
      !plan.products.create.length &&
      !plan.customers.create.length
    ) {
      // Everything is already there: a re-import changes nothing and records nothing.
      return { ...summarise(input, plan, false), activatedServiceIds: [] }
    }
    const now = deps.clock.now().toISOString()
    for (const a of plan.areas.create) {
      await tx
        .insertInto('areas')
        .values({
          company_id: actor.companyId,
          code: a.code,
          name: a.name,
          code_pattern: '{AREA}-{0000}',
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    const today = dateInZone(deps.clock.now(), timeZone)
    for (const p of plan.products.create) {
      await insertProduct(
        tx,
        deps,
        actor,
        {
          name: p.name,
          serviceType: p.serviceType,
          monthlyPrice: p.monthlyPrice,
          billingMode: p.prepaid ? 'prepaid' : 'postpaid',
          downloadMbps: p.downloadMbps,
          uploadMbps: p.uploadMbps,
          routerProfile: p.routerProfile,
          dataCapGb: p.dataCapGb,
          fupNote: p.notes,
          taxable: false,
        },
        today,
      )
    }
    const areaIds = new Map(
      (
        await tx
          .selectFrom('areas')
          .select(['id', 'code'])
          .where('company_id', '=', actor.companyId)
          .execute()
      ).map((a) => [a.code, a.id]),
    )
    const productIds = new Map(
      (
        await tx
          .selectFrom('products')
          .select(['id', 'name'])
          .where('company_id', '=', actor.companyId)
          .execute()
      ).map((p) => [p.name.toLowerCase(), p.id]),
    )
    const rows = plan.customers.create.map((c) => ({
      ...c.row,
      areaId: areaIds.get(c.areaCode)!,
      service: c.row.service && {
        ...c.row.service,
        productId: productIds.get(c.productName.toLowerCase())!,
      },
    }))
    const created = await bulkInsertCustomers(tx, deps, actor.companyId, rows)
    const summary = summarise(input, plan, false, created)
    const withService = rows.filter((r) => r.service)
    const activatedServiceIds = created.serviceIds.filter(
      (_, i) => withService[i]!.service!.status === 'aktif',
    )
    await appendAudit(tx, deps.clock, actor, {
      action: 'customers.import',
      entityType: 'import',
      entityId: input.fileName,
      after: {
        file: input.fileName,
        areas: summary.areas,
        products: summary.products,
        customers: summary.customers,
        first_code: created.codes[0] ?? null,
        last_code: created.codes.at(-1) ?? null,
      },
    })
    return { ...summary, activatedServiceIds }
  })
}
