export { onlineCount, onlineSessions, kickSession } from './sessions'
export type { KickResult, KickTarget, OnlineSession } from './sessions'
export { customerSessions, TROUBLE_TIMEOUT_MS } from './customer-sessions'
export type { CustomerSession } from './customer-sessions'
export { oneHealth, routerHealth } from './health'
export type { RouterHealth } from './health'
export { interfaces, trafficSample } from './traffic'
export type { RouterInterface, TrafficSample } from './traffic'
export { isolirLandingInfo } from './isolir-landing'
export type { IsolirLandingInfo } from './isolir-landing'
export type { MonitorError } from './router-call'
export { activeRouters, monitorError } from './router-call'
export {
  lookUpSessionAddress,
  plainAddress,
  rememberSessionAddresses,
  serviceAtAddress,
} from './session-addresses'
export type { AddressOwner, SeenSession } from './session-addresses'
