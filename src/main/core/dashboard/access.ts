import type { Permission } from '@shared/permissions'

/** The dashboard's parts, each sent only to a role that may open the list behind it. */
export const DASHBOARD_PARTS = [
  'customers',
  'billing',
  'receivables',
  'takings',
  'collections',
  'messages',
  'routerJobs',
  'paymentsChart',
  'routers',
] as const
export type DashboardPart = (typeof DASHBOARD_PARTS)[number]

/**
 * Which permission opens each part: the same ones that open the page its card leads to. Today's
 * takings are the one part with two scopes: whoever may see every payment (billing, reports)
 * sees the whole counter; a cashier (payments.record only) sees what they took themselves.
 */
const GATES: Record<Exclude<DashboardPart, 'takings'>, readonly Permission[]> = {
  customers: ['customers.view'],
  billing: ['billing.view', 'reports.view'],
  receivables: ['billing.view', 'reports.view'],
  collections: ['collections.view'],
  messages: ['messages.view'],
  routerJobs: ['network.view'],
  paymentsChart: ['billing.view', 'reports.view'],
  routers: ['network.view'],
}

export type TakingsScope = 'all' | 'own' | null

export interface DashboardAccess {
  parts: ReadonlySet<DashboardPart>
  takings: TakingsScope
}

export function dashboardAccess(permissions: ReadonlySet<string>): DashboardAccess {
  const has = (list: readonly Permission[]) => list.some((p) => permissions.has(p))
  const takings: TakingsScope = has(['billing.view', 'reports.view'])
    ? 'all'
    : permissions.has('payments.record')
      ? 'own'
      : null
  const parts = new Set<DashboardPart>(
    DASHBOARD_PARTS.filter((p) => (p === 'takings' ? takings !== null : has(GATES[p]))),
  )
  return { parts, takings }
}
