import type { RouterOutputs } from '../../session/session'

export type CustomerListRow = RouterOutputs['customers']['list']['rows'][number]
export type CustomerDetail = RouterOutputs['customers']['get']
export type ServiceDetail = CustomerDetail['services'][number]
export type HistoryEntry = CustomerDetail['history'][number]

/** Which dialog of the customer page is open, and for which service. */
export type CustomerDialog =
  | { kind: 'edit' }
  | { kind: 'addService' }
  | { kind: 'package'; service: ServiceDetail }
  | { kind: 'status'; service: ServiceDetail }
  | { kind: 'network'; service: ServiceDetail }
  | { kind: 'isolir'; service: ServiceDetail; action: 'isolir' | 'restore' }
  | { kind: 'terminate' }
  | null
