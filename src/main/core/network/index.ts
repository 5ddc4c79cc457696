export type { NetworkDeps } from './deps'
export {
  createRouter,
  findRouterByName,
  listRouters,
  loadRouter,
  rememberSeen,
  routerApi,
  routerTarget,
  routerView,
  testRouter,
  updateRouter,
} from './routers'
export type { RouterView } from './routers'
export { routerAppError, routerErrorText } from './router-errors'
export { queueName } from './package-speed'
export { canThrottle, fupSpeed, PACKAGE_FUP_COLUMNS } from './fup-speed'
export type { FupColumns } from './fup-speed'
export { desiredState, loadServiceNetworkRows } from './desired-state'
export type { DesiredState, ServiceNetworkRow } from './desired-state'
export { applyDesiredState, disableSecret, kickSessions } from './apply-state'
export type { ApplyResult } from './apply-state'
export { runDeviceQueue } from './worker'
export type { QueueRunOptions, QueueRunReport } from './worker'
export type { DeviceJobContext, DeviceJobHandler } from './job-handlers'
export { applyIsolir, customerServiceIds, listIsolirCandidates, previewIsolir } from './isolir'
export type { IsolirPreviewRow } from './isolir'
export {
  parseRouterBool,
  parseUptime,
  probeRouter,
  RouterConnection,
  RouterError,
  RouterPool,
} from './routeros'
export type { RouterApi, RouterProbe, RouterRow, RouterTarget } from './routeros'
export { startDeviceWorker } from './worker-loop'
export type { DeviceWorker } from './worker-loop'
export { isolirScript } from './isolir-script'
export type { IsolirScriptInput } from './isolir-script'
export { commitRouterImport, previewRouterImport } from './router-import'
export type { RouterImportOptions, RouterImportSummary, RowChoice } from './router-import'
export { fixDifference, reconcileRouter } from './reconcile'
export type { Difference, FixInput, ReconcileReport } from './reconcile'
export {
  activeRouters,
  customerSessions,
  interfaces,
  isolirLandingInfo,
  kickSession,
  lookUpSessionAddress,
  monitorError,
  oneHealth,
  onlineCount,
  onlineSessions,
  plainAddress,
  routerHealth,
  serviceAtAddress,
  trafficSample,
} from './monitoring'
export type {
  AddressOwner,
  CustomerSession,
  IsolirLandingInfo,
  KickResult,
  KickTarget,
  MonitorError,
  OnlineSession,
  RouterHealth,
  RouterInterface,
  TrafficSample,
} from './monitoring'
export * from './hotspot'
