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
