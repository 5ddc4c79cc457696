import type { MessagingDeps } from '../messaging'
import type { NetworkDeps } from '../network'

/** Collections isolate and restore through the router queue and write to the message outbox. */
export type AutopilotDeps = NetworkDeps & MessagingDeps
