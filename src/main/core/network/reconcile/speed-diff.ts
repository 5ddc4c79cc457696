import { rateLimitText } from '@shared/speeds'
import type { NetworkDeps } from '../deps'
import type { DesiredState, ServiceNetworkRow } from '../desired-state'
import { fupProfile } from '../fup-speed'
import { packageSpeed, queueRateLimit, rateLimitDisplay, sameRateLimit } from '../package-speed'
import type { RouterSnapshot } from '../router-import'
import type { Difference } from './diff'

type Waiting = {
  serviceId: number | null
  sid: string | null
  customerName: string | null
  login: string
}

/**
 * Speeds Loket keeps, against the router: each package profile used on this router whose
 * rate-limit differs (or that is missing), then — the package profile being right — its FUP
 * profile when Loket keeps one and it differs (or is missing while a service here is throttled
 * onto it), and each static service's queue whose limits or target differ. One `package.speed`
 * job puts both profiles right, so a package has one difference at most. A package whose
 * `package.speed` job is still pending is waiting, not a difference.
 */
export async function speedDifferences(
  deps: NetworkDeps,
  routerId: number,
  rows: { service: ServiceNetworkRow; state: DesiredState; pending: boolean }[],
  snapshot: RouterSnapshot,
  jobError: (serviceId: number) => string | null,
): Promise<{ differences: Difference[]; waiting: Waiting[] }> {
  const differences: Difference[] = []
  const waiting: Waiting[] = []
  const pending = new Set(
    (
      await deps.db
        .selectFrom('device_jobs')
        .select('target')
        .where('router_id', '=', routerId)
        .where('kind', '=', 'package.speed')
        .where('status', '=', 'pending')
        .execute()
    ).map((j) => j.target),
  )
  const profiles = new Map(
    snapshot.profiles.filter((p) => p.kind === 'pppoe').map((p) => [p.name, p.rateLimit]),
  )
  type KeptProfile = { profile: string; rateLimit: string }
  const products = new Map<
    number,
    KeptProfile & { name: string; fup: (KeptProfile & { inUse: boolean }) | null }
  >()
  for (const { service: s, state } of rows) {
    if (state.kind === 'none') continue
    const speed = s.service_type === 'pppoe' && s.router_profile ? packageSpeed(s) : null
    if (!speed) continue
    const fup = fupProfile(s)?.spec ?? null
    const known = products.get(s.product_id) ?? {
      name: s.product_name,
      profile: s.router_profile!,
      rateLimit: rateLimitText(speed),
      fup: fup && { profile: fup.name, rateLimit: fup.rateLimit, inUse: false },
    }
    // A service throttled onto the FUP profile needs it here now; otherwise it is made when due.
    if (known.fup && state.kind === 'pppoe' && state.profile === known.fup.profile)
      known.fup.inUse = true
    products.set(s.product_id, known)
  }
  for (const [productId, p] of products) {
    if (pending.has(String(productId))) {
      waiting.push({ serviceId: null, sid: null, customerName: p.name, login: p.profile })
      continue
    }
    const packageOnRouter = profiles.get(p.profile)
    const packageRight =
      packageOnRouter !== undefined && sameRateLimit(packageOnRouter, p.rateLimit)
    const fupOnRouter = p.fup ? profiles.get(p.fup.profile) : undefined
    const fupRight =
      !p.fup ||
      (fupOnRouter === undefined ? !p.fup.inUse : sameRateLimit(fupOnRouter, p.fup.rateLimit))
    if (packageRight && fupRight) continue
    // The package profile first; its FUP profile only once the package profile is right.
    const shown = packageRight ? p.fup! : p
    const onRouter = profiles.get(shown.profile)
    differences.push({
      key: `rate_limit_differs:${productId}`,
      kind: 'rate_limit_differs',
      serviceId: null,
      sid: null,
      customerCode: null,
      customerName: null,
      productName: p.name,
      status: null,
      login: shown.profile,
      loket: shown.rateLimit,
      router: onRouter === undefined ? null : onRouter ? rateLimitDisplay(onRouter) : 'no_limit',
      toLoket: null,
      jobError: null,
    })
  }
  const queues = snapshot.queues ?? new Map()
  for (const { service: s, state: d, pending: isPending } of rows) {
    if (d.kind !== 'address-list' || !d.queue || isPending) continue
    const row = queues.get(d.queue.name)
    const wanted = queueRateLimit(d.queue)
    if (row && row.target === d.queue.target && sameRateLimit(queueRateLimit(row), wanted)) continue
    differences.push({
      key: `queue_differs:${s.id}`,
      kind: 'queue_differs',
      serviceId: s.id,
      sid: s.sid,
      customerCode: s.customer_code,
      customerName: s.customer_name,
      productName: s.product_name,
      status: s.status,
      login: d.queue.name,
      loket: rateLimitDisplay(wanted),
      router: row ? rateLimitDisplay(queueRateLimit(row)) : null,
      toLoket: null,
      jobError: jobError(s.id),
    })
  }
  return { differences, waiting }
}
