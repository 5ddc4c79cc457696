import type { AutopilotDeps } from '../collections'

/**
 * What the gateways service takes: the core deps plus what a payment's follow-up needs (the
 * router pool for the restore, the wake-ups of the router worker and the message sender).
 */
export type GatewayDeps = AutopilotDeps
