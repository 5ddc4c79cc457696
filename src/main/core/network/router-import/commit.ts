import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../../audit'
import { insertProduct } from '../../catalog'
import { bulkInsertCustomers, insertService, type BulkCustomerRow } from '../../customers'
import { writeTx, type Database, type RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { sealLogin } from '../../secrets'
import { loadRouter } from '../routers'
import { planRouterImport, type RouterImportOptions, type RouterImportPlan } from './plan'
import { readRouter, type RouterSnapshot } from './read'

type CompanyActor = Actor & { companyId: number }

export interface RouterImportRow {
  kind: 'pppoe' | 'hotspot'
  name: string
  profile: string
  disabled: boolean
  comment: string
  staticIp: string | null
  outcome: RouterImportPlan['logins'][number]['outcome']
  reason: RouterImportPlan['logins'][number]['reason']
  status: string
  customerCode: string | null
  customerName: string
  productName: string | null
  /** The package is one this import creates (price 0 until set). */
  newProduct: boolean
}

export interface RouterImportSummary {
  router: { id: number; name: string }
  dryRun: boolean
  areaId: number | null
  /** New customers are planned but no area was chosen (and the router has none). */
  needsArea: boolean
  /** Isolated secrets are skipped until a package is chosen for them. */
  needsIsolirProduct: boolean
  counts: { existing: number; link: number; newService: number; new: number; skipped: number }
  /** New customers and new services (for new and existing customers). */
  customers: number
  services: number
  linked: number
  existing: number
  /** Packages made for unknown profiles, at price 0: set their prices. */
  products: {
    name: string
    kind: string
    profile: string
    downloadMbps: number | null
    uploadMbps: number | null
  }[]
  skipped: { name: string; kind: string; reason: string }[]
  rows: RouterImportRow[]
  codes: { first: string; last: string } | null
}

function summarise(
  router: RouterDbRow,
  plan: RouterImportPlan,
  dryRun: boolean,
  codes: string[] = [],
): RouterImportSummary {
  const count = (o: string) => plan.logins.filter((l) => l.outcome === o).length
  const counts = {
    existing: count('existing'),
    link: count('link'),
    newService: count('new_service'),
    new: count('new'),
    skipped: count('skipped'),
  }
  return {
    router: { id: router.id, name: router.name },
    dryRun,
    areaId: plan.areaId,
    needsArea: counts.new > 0 && plan.areaId === null,
    needsIsolirProduct: plan.logins.some((l) => l.reason === 'isolir_unknown_package'),
    counts,
    customers: counts.new,
    services: counts.new + counts.newService,
    linked: counts.link,
    existing: counts.existing,
    products: plan.products.map((p) => ({
      name: p.name,
      kind: p.kind,
      profile: p.profile,
      downloadMbps: p.downloadMbps,
      uploadMbps: p.uploadMbps,
    })),
    skipped: plan.logins
      .filter((l) => l.outcome === 'skipped')
      .map((l) => ({ name: l.login.name, kind: l.login.kind, reason: l.reason! })),
    // The password stays on the host: the preview shows who, not how they sign in.
    rows: plan.logins.map((l) => ({
      kind: l.login.kind,
      name: l.login.name,
      profile: l.login.profile,
      disabled: l.login.disabled,
      comment: l.login.comment,
      staticIp: l.login.remoteAddress,
      outcome: l.outcome,
      reason: l.reason,
      status: l.status,
      customerCode: l.customerCode,
      customerName: l.customerName,
      productName: l.productName,
      newProduct: l.productKey !== null,
    })),
    codes: codes.length ? { first: codes[0]!, last: codes.at(-1)! } : null,
  }
}

/** What importing the router would do; reads the router, writes nothing. */
export async function previewRouterImport(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
  options: RouterImportOptions = {},
): Promise<RouterImportSummary> {
  const router = await loadRouter(deps.db, companyId, routerId)
  const snapshot = await readRouter(deps, router, { hotspot: options.hotspot !== false })
  return summarise(router, await planRouterImport(deps.db, router, snapshot, options), true)
}

/**
 * Reads the router, then in one write transaction (planned afresh inside it, all or nothing):
 * packages for unknown profiles, logins linked to the services they belong to, new services for
 * known customers and new customers with their service — each on this router with the router's
 * login, password and fixed address, activated today. One `network.import` audit entry; a second
 * import of the same router finds everything there and writes nothing.
 */
export async function commitRouterImport(
  deps: NetworkDeps,
  actor: CompanyActor,
  routerId: number,
  options: RouterImportOptions,
  timeZone: string,
): Promise<RouterImportSummary> {
  const router = await loadRouter(deps.db, actor.companyId, routerId)
  const snapshot = await readRouter(deps, router, { hotspot: options.hotspot !== false })
  const summary = await writeTx(deps.db, (tx) =>
    commitSnapshot(tx, deps, actor, router, snapshot, options, timeZone),
  )
  deps.onDeviceJobs?.()
  return summary
}

/** Inside a write transaction: the import of an already read router (reconcile imports one). */
export async function commitSnapshot(
  tx: Kysely<Database>,
  deps: NetworkDeps,
  actor: CompanyActor,
  router: RouterDbRow,
  snapshot: RouterSnapshot,
  options: RouterImportOptions,
  timeZone: string,
): Promise<RouterImportSummary> {
  const plan = await planRouterImport(tx, router, snapshot, options)
  const news = plan.logins.filter((l) => l.outcome === 'new')
  const newServices = plan.logins.filter((l) => l.outcome === 'new_service')
  const links = plan.logins.filter((l) => l.outcome === 'link')
  if (!news.length && !newServices.length && !links.length) return summarise(router, plan, false)
  if (news.length && plan.areaId === null) {
    throw new AppError('VALIDATION', 'an area for the new customers is required', {
      issues: [{ path: ['areaId'], message: 'validation.required' }],
    })
  }
  const now = deps.clock.now()
  const at = now.toISOString()
  const today = dateInZone(now, timeZone)

  const productIds = new Map<string, number>()
  for (const p of plan.products) {
    const row = await insertProduct(
      tx,
      deps,
      actor,
      {
        name: p.name,
        serviceType: p.kind,
        monthlyPrice: 0,
        billingMode: 'postpaid',
        downloadMbps: p.downloadMbps,
        uploadMbps: p.uploadMbps,
        routerProfile: p.profile,
        dataCapGb: null,
        fupNote: null,
        taxable: false,
      },
      today,
    )
    productIds.set(p.key, row.id)
  }
  const productOf = (l: (typeof news)[number]) => l.productId ?? productIds.get(l.productKey!)!

  // The router is the truth of how a customer signs in: its name, password and address win.
  for (const l of links) {
    await tx
      .updateTable('services')
      .set((eb) => ({
        router_id: router.id,
        pppoe_username: l.login.name,
        pppoe_password: sealLogin(deps.secrets, l.login.password),
        static_ip: l.login.remoteAddress ?? eb.ref('static_ip'),
        updated_at: at,
      }))
      .where('id', '=', l.serviceId!)
      .execute()
  }

  for (const l of newServices) {
    await insertService(
      tx,
      deps,
      actor,
      {
        customerId: l.customerId!,
        productId: productOf(l),
        status: l.status as 'aktif' | 'isolir' | 'putus',
        activationDate: today,
        billingSchedule: { kind: 'fixed', day: 1 },
        priceOverride: null,
        priceReason: null,
        installationAddress: null,
        pppoeUsername: l.login.name,
        pppoePassword: l.login.password,
        staticIp: l.login.remoteAddress,
        popId: null,
        routerId: router.id,
        notes: null,
      },
      today,
    )
  }

  const rows: BulkCustomerRow[] = news.map((l) => ({
    code: l.customerCode,
    areaId: plan.areaId!,
    name: l.customerName.slice(0, 200),
    category: 'rumah',
    nik: null,
    phone: null,
    email: null,
    address: '',
    npwp: null,
    notes: `Diimpor dari router ${router.name} (${l.login.kind} ${l.login.name})`,
    service: {
      productId: productOf(l),
      serviceType: l.login.kind,
      status: l.status as 'aktif' | 'isolir' | 'putus',
      activationDate: today,
      billingDay: 1,
      priceOverride: null,
      pppoeUsername: l.login.name,
      pppoePassword: l.login.password,
      staticIp: l.login.remoteAddress,
    },
  }))
  const created = await bulkInsertCustomers(tx, deps, actor.companyId, rows)
  // bulkInsertCustomers leaves services without a router; the new logins are unique in the
  // company (planned so), so their names find exactly the new services.
  const names = news.map((l) => l.login.name)
  for (let i = 0; i < names.length; i += 500) {
    await tx
      .updateTable('services')
      .set({ router_id: router.id })
      .where('company_id', '=', actor.companyId)
      .where('router_id', 'is', null)
      .where('pppoe_username', 'in', names.slice(i, i + 500))
      .execute()
  }

  const summary = summarise(router, plan, false, created.codes)
  await appendAudit(tx, deps.clock, actor, {
    action: 'network.import',
    entityType: 'router',
    entityId: router.id,
    after: {
      router: router.name,
      area_id: plan.areaId,
      customers: summary.customers,
      services: summary.services,
      linked: summary.linked,
      existing: summary.existing,
      skipped: summary.counts.skipped,
      products: summary.products.map((p) => p.name),
      first_code: summary.codes?.first ?? null,
      last_code: summary.codes?.last ?? null,
    },
  })
  return summary
}
