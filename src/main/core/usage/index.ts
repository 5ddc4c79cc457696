export {
  collectRouterUsage,
  collectUsage,
  counterDelta,
  pppoeInterfaceName,
  runUsageCollect,
} from './collect'
export type {
  CollectionProblem,
  CounterReading,
  RouterCollection,
  StoredCounter,
  UsageCollection,
} from './collect'
export {
  centiGb,
  customerUsage,
  gb,
  periodDays,
  TOP_USERS,
  usageReport,
  usageTable,
  usageTrend,
} from './report'
export type {
  CustomerServiceUsage,
  MonthUsage,
  PackageUsage,
  ServiceUsage,
  UsageReport,
} from './report'
export { checkFup, WARN_AT } from './fup'
export type { FupCheck, FupDeps } from './fup'
