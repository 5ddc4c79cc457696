export type {
  ConnectionOptions,
  ConnectionStatus,
  RouterApi,
  RouterAttrs,
  RouterRow,
  RouterTarget,
  RunOptions,
} from './types'
export { RouterError, isRouterError, type RouterErrorKind } from './errors'
export { RouterConnection } from './connection'
export { RouterPool } from './pool'
export { probeRouter, type RouterProbe } from './probe'
export {
  parseBitRate,
  parseFullRateLimit,
  parseRateLimit,
  parseRouterBool,
  parseUptime,
  type FullRateLimit,
  type RateLimit,
} from './values'
