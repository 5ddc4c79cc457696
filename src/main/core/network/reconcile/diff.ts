import { serviceDeviceStates } from '../../device-jobs'
import type { RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { desiredState, loadServiceNetworkRows, type ServiceNetworkRow } from '../desired-state'
import { loadRouter } from '../routers'
import { readRouter, type RouterLogin, type RouterSnapshot } from '../router-import'
import { speedDifferences } from './speed-diff'

export const DIFFERENCE_KINDS = [
  'missing_on_router',
  'profile_differs',
  'isolir_mismatch',
  'disabled_differs',
  'address_list_differs',
  'orphan_secret',
  'rate_limit_differs',
  'queue_differs',
] as const
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number]
export type FixDirection = 'to_router' | 'to_loket'

/** What "Ikuti router" does to Loket for this difference. */
export type LoketFix =
  | { action: 'status'; status: 'aktif' | 'isolir' | 'putus' }
  | { action: 'product'; productId: number; productName: string }
  | { action: 'import' }

export interface Difference {
  /** Stable between two reads: `kind:serviceId` or `orphan_secret:name`. */
  key: string
  kind: DifferenceKind
  serviceId: number | null
  sid: string | null
  customerCode: string | null
  customerName: string | null
  /** The package a speed difference is about (a profile is the package's, not a customer's). */
  productName?: string | null
  status: string | null
  /** The login (or the static address) the difference is about. */
  login: string
  /** How it should be according to Loket, and how the router has it (a profile, or a flag word:
   * `enabled`/`disabled`, `listed`/`not_listed`); null when that side has nothing. */
  loket: string | null
  router: string | null
  /** The two one-click fixes; `toLoket` is null when Loket cannot follow (putus is final…). */
  toLoket: LoketFix | null
  /** The service's device job failed (the router refused): why. */
  jobError: string | null
}

export interface ReconcileReport {
  router: { id: number; name: string }
  services: number
  secrets: number
  differences: Difference[]
  counts: Record<DifferenceKind, number>
  /** Services (and orphan secrets) with a device job still pending: "menunggu router". */
  waiting: {
    serviceId: number | null
    sid: string | null
    customerName: string | null
    login: string
  }[]
  /** Disabled secrets that belong to no service: already harmless, and never deleted. */
  disabledOrphans: number
}

export interface ReconcileState {
  router: RouterDbRow
  snapshot: RouterSnapshot
  report: ReconcileReport
}

/**
 * Database against router, for one router: each service's desired state (desired-state.ts) next
 * to what the router has, and the router's secrets that belong to no service. A service whose
 * device job is still pending is not a difference yet: the queue is about to apply it.
 */
export async function reconcileRouter(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
): Promise<ReconcileReport> {
  return (await readReconcile(deps, companyId, routerId)).report
}

export async function readReconcile(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
): Promise<ReconcileState> {
  const router = await loadRouter(deps.db, companyId, routerId)
  const snapshot = await readRouter(deps, router, {
    hotspot: true,
    addressList: true,
    queues: true,
  })
  const rows = await loadServiceNetworkRows(deps, { companyId, routerId })
  const jobs = await serviceDeviceStates(
    deps.db,
    rows.map((r) => r.id),
  )
  const disabling = new Set(
    (
      await deps.db
        .selectFrom('device_jobs')
        .select('target')
        .where('router_id', '=', router.id)
        .where('kind', '=', 'secret.disable')
        .where('status', '=', 'pending')
        .execute()
    ).map((j) => j.target),
  )
  const products = await deps.db
    .selectFrom('products')
    .select(['id', 'name', 'service_type', 'router_profile'])
    .where('company_id', '=', companyId)
    .where('router_profile', 'is not', null)
    .orderBy('active', 'desc')
    .orderBy('id')
    .execute()
  const productFor = (type: string, profile: string) =>
    products.find((p) => p.service_type === type && p.router_profile === profile) ?? null

  const logins = { pppoe: new Map<string, RouterLogin>(), hotspot: new Map<string, RouterLogin>() }
  for (const l of snapshot.logins) if (!logins[l.kind].has(l.name)) logins[l.kind].set(l.name, l)
  const report: ReconcileReport = {
    router: { id: router.id, name: router.name },
    services: rows.length,
    secrets: logins.pppoe.size,
    differences: [],
    counts: Object.fromEntries(DIFFERENCE_KINDS.map((k) => [k, 0])) as ReconcileReport['counts'],
    waiting: [],
    disabledOrphans: 0,
  }
  const add = (
    s: ServiceNetworkRow,
    kind: DifferenceKind,
    login: string,
    loket: string | null,
    routerValue: string | null,
    toLoket: LoketFix | null,
  ) => {
    report.differences.push({
      key: `${kind}:${s.id}`,
      kind,
      serviceId: s.id,
      sid: s.sid,
      customerCode: s.customer_code,
      customerName: s.customer_name,
      status: s.status,
      login,
      loket,
      router: routerValue,
      toLoket,
      jobError: jobError(s.id),
    })
  }
  const flag = (disabled: boolean) => (disabled ? 'disabled' : 'enabled')

  const jobError = (id: number) =>
    jobs.get(id)?.state === 'failed' ? (jobs.get(id)?.error ?? null) : null
  const speeds = await speedDifferences(
    deps,
    router.id,
    rows.map((s) => ({
      service: s,
      state: desiredState(s),
      pending: jobs.get(s.id)?.state === 'pending',
    })),
    snapshot,
    jobError,
  )
  const owned = new Set<string>()
  for (const s of rows) {
    if (s.pppoe_username) owned.add(s.pppoe_username)
    const d = desiredState(s)
    if (d.kind === 'none') continue
    if (jobs.get(s.id)?.state === 'pending') {
      report.waiting.push({
        serviceId: s.id,
        sid: s.sid,
        customerName: s.customer_name,
        login: d.kind === 'address-list' ? d.address : d.name,
      })
      continue
    }
    if (d.kind === 'address-list') {
      const listed = snapshot.isolirListed.has(d.address)
      if (listed !== d.listed)
        add(
          s,
          'address_list_differs',
          d.address,
          d.listed ? 'listed' : 'not_listed',
          listed ? 'listed' : 'not_listed',
          listed ? { action: 'status', status: 'isolir' } : { action: 'status', status: 'aktif' },
        )
      continue
    }
    const row = logins[d.kind].get(d.name)
    if (!row) {
      if (d.provision)
        add(s, 'missing_on_router', d.name, d.profile, null, {
          action: 'status',
          status: 'putus',
        })
      continue
    }
    if (row.disabled !== d.disabled) {
      // Loket follows a disabled login by ending the service (as the import does); an enabled
      // login cannot bring back a putus service, but can end a hotspot isolation.
      const toLoket: LoketFix | null = row.disabled
        ? { action: 'status', status: 'putus' }
        : s.status === 'isolir'
          ? { action: 'status', status: 'aktif' }
          : null
      add(s, 'disabled_differs', d.name, flag(d.disabled), flag(row.disabled), toLoket)
      continue
    }
    if (d.disabled || row.profile === d.profile) continue
    const isolir = s.isolir_profile ?? 'ISOLIR'
    if (d.kind === 'pppoe' && (row.profile === isolir) !== (d.profile === isolir)) {
      add(s, 'isolir_mismatch', d.name, d.profile, row.profile, {
        action: 'status',
        status: row.profile === isolir ? 'isolir' : 'aktif',
      })
      continue
    }
    const product = productFor(s.service_type, row.profile)
    add(
      s,
      'profile_differs',
      d.name,
      d.profile,
      row.profile,
      product ? { action: 'product', productId: product.id, productName: product.name } : null,
    )
  }

  for (const l of logins.pppoe.values()) {
    if (owned.has(l.name)) continue
    if (disabling.has(l.name)) {
      report.waiting.push({ serviceId: null, sid: null, customerName: null, login: l.name })
      continue
    }
    if (l.disabled) {
      report.disabledOrphans++
      continue
    }
    report.differences.push({
      key: `orphan_secret:${l.name}`,
      kind: 'orphan_secret',
      serviceId: null,
      sid: null,
      customerCode: null,
      customerName: l.comment || null,
      status: null,
      login: l.name,
      loket: null,
      router: l.profile,
      toLoket: { action: 'import' },
      jobError: null,
    })
  }
  report.differences.push(...speeds.differences)
  report.waiting.push(...speeds.waiting)
  for (const d of report.differences) report.counts[d.kind]++
  return { router, snapshot, report }
}
