import type { RouterOutputs } from '../../session/session'

export type Inspection = RouterOutputs['imports']['inspect']
export type ImportSummary = RouterOutputs['imports']['preview']
export type ImportRowError = ImportSummary['errors'][number]

/** Field of the kind (`nama`, `telepon`…) → 0-based header column of the file, or null. */
export type ColumnMapping = Record<string, number | null>

/** The chosen file, read once and sent with every step's call. */
export interface Upload {
  fileName: string
  contentBase64: string
}
