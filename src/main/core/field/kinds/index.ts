import type { FieldKind } from '../kind'
import { ticketNote } from './ticket-note'
import { ticketStatus } from './ticket-status'
import { bastSign } from './bast-sign'
import { installationReport } from './installation-report'
import { surveyReport } from './survey-report'

/**
 * Every command kind the phone may send, one file each in this folder. To add one (the
 * registration board's `survey.report`, `installation.report`, `bast.sign`, the warehouse's
 * `stock.use`): write `kinds/<name>.ts` with defineFieldKind (permission, module, payload schema
 * in @shared/schemas/field, apply inside the given transaction, refusing with an AppError), and
 * add it to this list. A kind not listed is answered `conflict` (FIELD_KIND_UNKNOWN).
 */
export const FIELD_KINDS: readonly FieldKind[] = [
  ticketNote,
  ticketStatus,
  // The registration board (survey, installation, BAST of cards assigned to me).
  surveyReport,
  installationReport,
  bastSign,
]
