export { commitRouterImport, commitSnapshot, previewRouterImport } from './commit'
export type { RouterImportRow, RouterImportSummary } from './summary'
export { loginKey } from './choices'
export type { PackageChoice, PutusChoice, RowChoice } from './choices'
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
