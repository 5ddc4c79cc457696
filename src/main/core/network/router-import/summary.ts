import type { RouterDbRow } from '../../db'
import type { PackageChoice, PutusChoice } from './choices'
import type { PlannedLogin, RouterImportPlan } from './plan'

export interface RouterImportRow {
  /** `kind:name`: how the operator's per-row choices name this row. */
  key: string
  kind: 'pppoe' | 'hotspot'
  name: string
  profile: string
  disabled: boolean
  comment: string
  staticIp: string | null
  outcome: PlannedLogin['outcome']
  reason: PlannedLogin['reason']
  status: string
  customerCode: string | null
  customerName: string
  productName: string | null
  /** The package is one this import creates (price 0 until set). */
  newProduct: boolean
  /** A linked service whose package differs from the router's profile, with the choice made. */
  packageDiff: {
    loketProduct: string
    loketProfile: string
    routerProduct: string | null
    choice: PackageChoice
  } | null
  /** An enabled login of a putus customer: the choices and the one made (null: not yet). */
  conflict: {
    /** A putus service holds the login (else the comment names the customer). */
    heldByService: boolean
    canReactivate: boolean
    choice: PutusChoice | null
  } | null
}

export interface RouterImportSummary {
  router: { id: number; name: string }
  dryRun: boolean
  areaId: number | null
  /** New customers are planned but no area was chosen (and the router has none). */
  needsArea: boolean
  /** Isolated secrets are skipped (or cannot be reactivated) until a package is chosen. */
  needsIsolirProduct: boolean
  counts: {
    existing: number
    link: number
    newService: number
    new: number
    conflict: number
    skipped: number
  }
  /** Linked logins whose package differs, by choice; `unfollowable`: no package has the profile. */
  packages: { differ: number; keepLoket: number; followRouter: number; unfollowable: number }
  /** Putus conflicts by choice; `undecided` must reach 0 before the commit is accepted. */
  putus: { disable: number; reactivate: number; undecided: number }
  /** New customers and new services (for new and existing customers, reactivations included). */
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
  /** Services this import put into service as aktif (the welcome message goes to new ones). */
  activatedServiceIds: number[]
}

/** Whether a planned login becomes a new service (a reactivation is one too). */
export const createsService = (l: PlannedLogin) =>
  l.outcome === 'new' ||
  l.outcome === 'new_service' ||
  (l.outcome === 'conflict' && l.conflict?.choice === 'reactivate')

/** The products a commit would really create: those of the logins that become services. */
export function productsInUse(plan: RouterImportPlan) {
  const used = new Set(plan.logins.filter(createsService).map((l) => l.productKey))
  return plan.products.filter((p) => used.has(p.key))
}

export function summarise(
  router: RouterDbRow,
  plan: RouterImportPlan,
  dryRun: boolean,
  created: { codes: string[]; activated: number[] } = { codes: [], activated: [] },
): RouterImportSummary {
  const count = (o: string) => plan.logins.filter((l) => l.outcome === o).length
  const counts = {
    existing: count('existing'),
    link: count('link'),
    newService: count('new_service'),
    new: count('new'),
    conflict: count('conflict'),
    skipped: count('skipped'),
  }
  const diffs = plan.logins.flatMap((l) => (l.packageDiff ? [l.packageDiff] : []))
  const conflicts = plan.logins.flatMap((l) => (l.conflict ? [l.conflict] : []))
  const reactivated = conflicts.filter((c) => c.choice === 'reactivate').length
  const { codes } = created
  return {
    router: { id: router.id, name: router.name },
    dryRun,
    areaId: plan.areaId,
    needsArea: counts.new > 0 && plan.areaId === null,
    needsIsolirProduct: plan.logins.some(
      (l) => l.reason === 'isolir_unknown_package' || l.conflict?.canReactivate === false,
    ),
    counts,
    packages: {
      differ: diffs.length,
      keepLoket: diffs.filter((d) => d.choice === 'loket').length,
      followRouter: diffs.filter((d) => d.choice === 'router' && d.routerProductId !== null).length,
      unfollowable: diffs.filter((d) => d.routerProductId === null).length,
    },
    putus: {
      disable: conflicts.filter((c) => c.choice === 'disable').length,
      reactivate: reactivated,
      undecided: conflicts.filter((c) => c.choice === null).length,
    },
    customers: counts.new,
    services: counts.new + counts.newService + reactivated,
    linked: counts.link,
    existing: counts.existing,
    products: productsInUse(plan).map((p) => ({
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
      key: `${l.login.kind}:${l.login.name}`,
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
      packageDiff: l.packageDiff && {
        loketProduct: l.packageDiff.loketProduct,
        loketProfile: l.packageDiff.loketProfile,
        routerProduct: l.packageDiff.routerProduct,
        choice: l.packageDiff.choice,
      },
      conflict: l.conflict && {
        heldByService: l.conflict.putusServiceId !== null,
        canReactivate: l.conflict.canReactivate,
        choice: l.conflict.choice,
      },
    })),
    codes: codes.length ? { first: codes[0]!, last: codes.at(-1)! } : null,
    activatedServiceIds: created.activated,
  }
}
