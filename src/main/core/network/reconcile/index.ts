export { DIFFERENCE_KINDS, readReconcile, reconcileRouter } from './diff'
export type { Difference, DifferenceKind, FixDirection, LoketFix, ReconcileReport } from './diff'
export { fixDifference } from './fix'
export type { FixInput, FixResult } from './fix'
