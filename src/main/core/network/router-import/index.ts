export { commitRouterImport, commitSnapshot, previewRouterImport } from './commit'
export type { RouterImportRow, RouterImportSummary } from './commit'
export { planRouterImport } from './plan'
export type {
  ImportOutcome,
  PlannedLogin,
  RouterImportOptions,
  RouterImportPlan,
  SkipReason,
} from './plan'
export { isVoucher, readRouter } from './read'
export type { RouterLogin, RouterProfile, RouterSnapshot } from './read'
