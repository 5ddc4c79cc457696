import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../../audit'
import { insertProduct } from '../../catalog'
import {
  applyPackageChange,
  bulkInsertCustomers,
  insertService,
  type BulkCustomerRow,
} from '../../customers'
import { enqueueDeviceJob, queueServiceSync } from '../../device-jobs'
import { writeTx, type Database, type RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { sealLogin } from '../../secrets'
import { loadRouter } from '../routers'
import { assertDecided } from './choices'
import { planRouterImport, routerStatus, type PlannedLogin, type RouterImportOptions } from './plan'
import { readRouter, type RouterSnapshot } from './read'
import { createsService, productsInUse, summarise, type RouterImportSummary } from './summary'

type CompanyActor = Actor & { companyId: number }

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
  const newServices = plan.logins.filter(
    (l) => l.outcome === 'new_service' || (l.outcome === 'conflict' && createsService(l)),
  )
  const links = plan.logins.filter((l) => l.outcome === 'link')
  const diffs = plan.logins.filter((l) => l.packageDiff !== null)
  const disables = plan.logins.filter((l) => l.conflict?.choice === 'disable')
  const undecided = plan.logins.filter((l) => l.conflict && l.conflict.choice === null)
  if (
    !news.length &&
    !newServices.length &&
    !links.length &&
    !diffs.length &&
    !disables.length &&
    !undecided.length
  )
    return summarise(router, plan, false)
  assertDecided(plan.logins)
  if (news.length && plan.areaId === null) {
    throw new AppError('VALIDATION', 'an area for the new customers is required', {
      issues: [{ path: ['areaId'], message: 'validation.required' }],
    })
  }
  const now = deps.clock.now()
  const today = dateInZone(now, timeZone)
  const context = { reason: `Impor router ${router.name}`, by: actor.username }

  const productIds = new Map<string, number>()
  for (const p of productsInUse(plan)) {
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
  const productOf = (l: PlannedLogin) => l.productId ?? productIds.get(l.productKey!)!

  // The router is the truth of how a customer signs in: its name, password and address win.
  // A putus service whose secret is to be disabled is linked too, so the queue can disable it.
  const linkNow = [...links, ...disables.filter((l) => l.serviceId !== null)]
  for (const l of linkNow) await linkLogin(tx, deps, router, l, now)

  const activated: number[] = []
  for (const l of newServices) {
    // Putus is final: the terminated service stays as a record and hands its login over.
    if (l.conflict?.putusServiceId) await releaseLogin(tx, l.conflict.putusServiceId, now)
    const status = routerStatus(l.login, router)
    const created = await insertService(
      tx,
      deps,
      actor,
      {
        customerId: l.customerId!,
        productId: productOf(l),
        status,
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
    if (status === 'aktif') activated.push(created.id)
  }

  for (const l of disables) {
    if (l.serviceId !== null) {
      // The putus service's desired state is a disabled secret: its sync job does exactly that.
      await queueServiceSync(
        tx,
        { id: l.serviceId, company_id: actor.companyId, router_id: router.id },
        context,
        now,
      )
    } else {
      await enqueueDeviceJob(
        tx,
        {
          companyId: actor.companyId,
          routerId: router.id,
          kind: 'secret.disable',
          target: l.login.name,
          ...context,
        },
        now,
      )
    }
  }

  for (const l of diffs) {
    const diff = l.packageDiff!
    if (diff.choice === 'router') {
      await applyPackageChange(
        tx,
        deps,
        actor,
        {
          serviceId: l.serviceId!,
          productId: diff.routerProductId!,
          effectiveDate: today,
          reason: `Mengikuti profil ${l.login.profile} di router ${router.name}`,
        },
        today,
      )
    } else {
      await queueServiceSync(
        tx,
        { id: l.serviceId!, company_id: actor.companyId, router_id: router.id },
        context,
        now,
      )
    }
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
      routerId: router.id,
    },
  }))
  const created = await bulkInsertCustomers(tx, deps, actor.companyId, rows)
  news.forEach((l, i) => {
    if (l.status === 'aktif') activated.push(created.serviceIds[i]!)
  })

  const summary = summarise(router, plan, false, { codes: created.codes, activated })
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
      packages_kept: summary.packages.keepLoket,
      packages_followed: summary.packages.followRouter,
      putus_disabled: summary.putus.disable,
      putus_reactivated: summary.putus.reactivate,
      first_code: summary.codes?.first ?? null,
      last_code: summary.codes?.last ?? null,
    },
  })
  return summary
}

async function linkLogin(
  tx: Kysely<Database>,
  deps: NetworkDeps,
  router: RouterDbRow,
  l: PlannedLogin,
  now: Date,
) {
  await tx
    .updateTable('services')
    .set((eb) => ({
      router_id: router.id,
      pppoe_username: l.login.name,
      pppoe_password: sealLogin(deps.secrets, l.login.password),
      static_ip: l.login.remoteAddress ?? eb.ref('static_ip'),
      updated_at: now.toISOString(),
    }))
    .where('id', '=', l.serviceId!)
    .execute()
}

async function releaseLogin(tx: Kysely<Database>, serviceId: number, now: Date) {
  await tx
    .updateTable('services')
    .set({ pppoe_username: null, updated_at: now.toISOString() })
    .where('id', '=', serviceId)
    .where('status', '=', 'putus')
    .execute()
}
