import type { Kysely } from 'kysely'
import { parseCodeNumber } from '@shared/codes'
import type { Database, RouterDbRow } from '../../db'
import {
  packageChoiceFor,
  putusChoiceFor,
  type ChoiceOptions,
  type PackageDifference,
  type PutusConflict,
} from './choices'
import { packagePlanner, type PlannedProduct } from './packages'
import type { RouterLogin, RouterSnapshot } from './read'

export type ImportOutcome = 'existing' | 'link' | 'new_service' | 'new' | 'conflict' | 'skipped'
export type SkipReason =
  /** A hotspot voucher (sold by the hour), not a subscriber. */
  | 'voucher'
  /** The login belongs to a service on another router. */
  | 'other_router'
  /** The same name twice (a PPPoE secret and a hotspot user). */
  | 'duplicate'
  /** In the isolir profile with nothing saying which package it had. */
  | 'isolir_unknown_package'
  /** Hotspot users were left out by the operator. */
  | 'hotspot_excluded'

export type ImportedStatus = 'aktif' | 'isolir' | 'putus'

export interface PlannedLogin {
  login: RouterLogin
  outcome: ImportOutcome
  reason: SkipReason | null
  /** The service's status: the database's for existing/link, the router's for new ones. */
  status: string
  customerId: number | null
  /** An existing customer's code, or the code a new one gets from the secret's comment. */
  customerCode: string | null
  customerName: string
  serviceId: number | null
  productId: number | null
  /** A product this import creates (see RouterImportPlan.products). */
  productKey: string | null
  productName: string | null
  /** existing/link: the router's profile is not the Loket package's, and what to do about it. */
  packageDiff: PackageDifference | null
  /** conflict: the login is enabled but its customer (or service) is putus in Loket. */
  conflict: PutusConflict | null
}

export interface RouterImportPlan {
  logins: PlannedLogin[]
  products: PlannedProduct[]
  /** Where new customers go; null when neither chosen nor set on the router. */
  areaId: number | null
}

export interface RouterImportOptions extends ChoiceOptions {
  /** The area of new customers; default the router's area. */
  areaId?: number | null
  /** The package of isolated secrets whose package nothing tells. */
  isolirProductId?: number | null
  /** Import hotspot users too (default true). */
  hotspot?: boolean
}

const lower = (s: string) => s.trim().toLowerCase()

/**
 * Decides for every login on the router what the import does, against the database as it is
 * (called again inside the commit's transaction, so the commit never acts on a stale preview):
 * - existing: a service on this router already has the login;
 * - link: a service without a router has the login, or the comment names a customer (by code, then
 *   by a name only one customer has) who has a service not yet on a router: it gets the login;
 * - new_service: the comment names a customer with nothing to link: a new service for them;
 * - new: a new customer with its service;
 * - conflict: the login is enabled but Loket has its service, or its customer, as putus: never
 *   silently a working service again; the operator decides (see PutusChoice);
 * - skipped: see SkipReason.
 * A linked login (existing/link) on a regular profile that is not its package's carries a
 * PackageDifference: keep Loket's package (the router follows) or follow the router.
 * The status of what is created follows the router: disabled → putus (a disabled secret is a
 * customer who left), in the router's isolir profile → isolir, else aktif.
 */
export async function planRouterImport(
  db: Kysely<Database>,
  router: RouterDbRow,
  snapshot: RouterSnapshot,
  options: RouterImportOptions,
): Promise<RouterImportPlan> {
  const companyId = router.company_id
  const [services, customers, products, areas] = await Promise.all([
    db
      .selectFrom('services as s')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select([
        's.id',
        's.customer_id',
        's.status',
        's.router_id',
        's.pppoe_username',
        's.product_id',
        'p.name as product_name',
        'p.service_type',
        'p.router_profile',
      ])
      .where('s.company_id', '=', companyId)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('customers')
      .select(['id', 'code', 'name', 'status'])
      .where('company_id', '=', companyId)
      .execute(),
    db
      .selectFrom('products')
      .select(['id', 'name', 'service_type', 'router_profile', 'active'])
      .where('company_id', '=', companyId)
      .orderBy('active', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('areas')
      .select(['id', 'code', 'code_pattern'])
      .where('company_id', '=', companyId)
      .execute(),
  ])
  // A service whose router job is still pending is not a difference: the queue is about to
  // bring the router in line with Loket (e.g. after a previous import kept Loket's package).
  const syncing = new Set(
    (
      await db
        .selectFrom('device_jobs')
        .select('service_id')
        .where('router_id', '=', router.id)
        .where('status', '=', 'pending')
        .where('service_id', 'is not', null)
        .execute()
    ).map((j) => j.service_id!),
  )
  const areaId = options.areaId ?? router.area_id
  const area = areas.find((a) => a.id === areaId)
  const byUsername = new Map<string, typeof services>()
  for (const s of services) {
    if (!s.pppoe_username) continue
    byUsername.set(s.pppoe_username, [...(byUsername.get(s.pppoe_username) ?? []), s])
  }
  const customerById = new Map(customers.map((c) => [c.id, c]))
  const servicesOf = new Map<number, typeof services>()
  for (const s of services)
    servicesOf.set(s.customer_id, [...(servicesOf.get(s.customer_id) ?? []), s])
  const customerByCode = new Map(customers.map((c) => [c.code.toUpperCase(), c]))
  const namesSeen = new Map<string, (typeof customers)[number] | null>()
  for (const c of customers) namesSeen.set(lower(c.name), namesSeen.has(lower(c.name)) ? null : c)
  const routerNames = new Set(snapshot.logins.map((l) => l.name))
  const claimed = new Set<number>()
  const givenCodes = new Set<string>()
  const seen = new Set<string>()
  const { packageOf, followed, planned } = packagePlanner(router, products, snapshot, options)

  /** A linked service on a regular profile that is not its package's (see PackageDifference). */
  const packageDifference = (
    owner: (typeof services)[number],
    login: RouterLogin,
  ): PackageDifference | null => {
    if (owner.status !== 'aktif' || login.disabled || syncing.has(owner.id)) return null
    if (login.kind === 'pppoe' && login.profile === router.isolir_profile) return null
    const loketProfile = owner.router_profile ?? 'default'
    if (login.profile === loketProfile) return null
    const follow = followed(login)
    return {
      loketProductId: owner.product_id,
      loketProduct: owner.product_name,
      loketProfile,
      routerProductId: follow?.id ?? null,
      routerProduct: follow?.name ?? null,
      choice: packageChoiceFor(login, options),
    }
  }

  const logins: PlannedLogin[] = []
  for (const login of snapshot.logins) {
    const base = {
      login,
      status: routerStatus(login, router),
      customerId: null,
      customerCode: null,
      customerName: login.comment || login.name,
      serviceId: null,
      productId: null,
      productKey: null,
      productName: null,
      packageDiff: null,
      conflict: null,
    }
    const skip = (reason: SkipReason) =>
      logins.push({ ...base, outcome: 'skipped', reason, status: '' })
    if (login.voucher) {
      skip('voucher')
      continue
    }
    if (login.kind === 'hotspot' && options.hotspot === false) {
      skip('hotspot_excluded')
      continue
    }
    if (seen.has(login.name)) {
      skip('duplicate')
      continue
    }
    seen.add(login.name)

    const owners = byUsername.get(login.name) ?? []
    const owner =
      owners.find((s) => s.router_id === router.id) ?? owners.find((s) => s.router_id === null)
    if (owners.length && !owner) {
      skip('other_router')
      continue
    }
    if (owner) {
      claimed.add(owner.id)
      const c = customerById.get(owner.customer_id)!
      const who = { customerId: c.id, customerCode: c.code, customerName: c.name }
      if (owner.status === 'putus' && !login.disabled && !syncing.has(owner.id)) {
        // The login still works on the router for a service Loket ended (and no queued job is
        // about to disable it): the operator decides.
        const pkg = packageOf(login)
        logins.push({
          ...base,
          ...pkg,
          ...who,
          outcome: 'conflict',
          reason: null,
          status: 'putus',
          serviceId: owner.id,
          conflict: {
            putusServiceId: owner.id,
            canReactivate: pkg !== null,
            choice: putusChoiceFor(login, options),
          },
        })
        continue
      }
      logins.push({
        ...base,
        ...who,
        outcome: owner.router_id === router.id ? 'existing' : 'link',
        reason: null,
        status: owner.status,
        serviceId: owner.id,
        productId: owner.product_id,
        productName: owner.product_name,
        packageDiff: packageDifference(owner, login),
      })
      continue
    }

    const customer =
      customerByCode.get(login.comment.toUpperCase()) ?? namesSeen.get(lower(login.comment)) ?? null
    if (customer) {
      const candidates = (servicesOf.get(customer.id) ?? []).filter(
        (s) =>
          s.service_type === login.kind &&
          s.status !== 'putus' &&
          !claimed.has(s.id) &&
          (s.router_id === null ||
            (s.router_id === router.id && !routerNames.has(s.pppoe_username ?? ''))),
      )
      const linkable =
        candidates.find((s) => s.router_profile === login.profile) ?? candidates[0] ?? null
      if (linkable) {
        claimed.add(linkable.id)
        logins.push({
          ...base,
          outcome: 'link',
          reason: null,
          status: linkable.status,
          customerId: customer.id,
          customerCode: customer.code,
          customerName: customer.name,
          serviceId: linkable.id,
        })
        continue
      }
    }

    const pkg = packageOf(login)
    if (customer && customer.status === 'putus' && !login.disabled) {
      // Made into an active service silently, the customer would be billed again (issue #12):
      // an enabled secret of a customer who left is the operator's decision.
      logins.push({
        ...base,
        ...pkg,
        outcome: 'conflict',
        reason: null,
        status: 'putus',
        customerId: customer.id,
        customerCode: customer.code,
        customerName: customer.name,
        conflict: {
          putusServiceId: null,
          canReactivate: pkg !== null,
          choice: putusChoiceFor(login, options),
        },
      })
      continue
    }
    if (!pkg) {
      skip('isolir_unknown_package')
      continue
    }
    if (customer) {
      logins.push({
        ...base,
        ...pkg,
        outcome: 'new_service',
        reason: null,
        customerId: customer.id,
        customerCode: customer.code,
        customerName: customer.name,
      })
      continue
    }
    // A comment in the area's code form (e.g. CBG01-0001) is the customer's code, as in the
    // spreadsheet the operator kept; anything else in the comment is the customer's name.
    const upper = login.comment.toUpperCase()
    const asCode =
      area &&
      login.comment &&
      parseCodeNumber(area.code_pattern, area.code, login.comment) !== null &&
      !customerByCode.has(upper) &&
      !givenCodes.has(upper)
    if (asCode) givenCodes.add(upper)
    logins.push({
      ...base,
      ...pkg,
      outcome: 'new',
      reason: null,
      customerCode: asCode ? upper : null,
      customerName: asCode ? login.name : login.comment || login.name,
    })
  }
  return { logins, products: planned(), areaId: area ? area.id : null }
}

/** What the router says a login is: disabled → putus, in the isolir profile → isolir. */
export function routerStatus(login: RouterLogin, router: RouterDbRow): ImportedStatus {
  if (login.disabled) return 'putus'
  if (login.kind === 'pppoe' && login.profile === router.isolir_profile) return 'isolir'
  return 'aktif'
}
