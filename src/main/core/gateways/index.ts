export * from './adapter'
export type { GatewayDeps } from './deps'
export { GATEWAYS } from './registry'
export type { GatewayInfo } from './registry'
export { tripayAdapter, tripayFee, TRIPAY_BASE_URLS } from './tripay'
export {
  gatewayChannels,
  startGatewayPayment,
  gatewayPaymentState,
  findTransaction,
  usableGateway,
} from './service'
export type { PortalChannel, StartedPayment } from './service'
export {
  listGatewaySettings,
  saveGatewaySettings,
  openGateway,
  enabledGateway,
  gatewayDestination,
  GATEWAY_DEFAULTS,
} from './settings'
export type { GatewaySettingsView, OpenGateway } from './settings'
export { handleGatewayCallback } from './callback'
export type { CallbackAnswer } from './callback'
export { pollGateways, pollTransaction } from './poll'
export type { PollReport } from './poll'
export { settleTransaction } from './settle'
export type { SettleOutcome } from './settle'
export { listGatewayTransactions, approveHeldPayment, rejectHeldPayment } from './review'
export type { GatewayTransactionView } from './review'
export { testGateway } from './test-connection'
