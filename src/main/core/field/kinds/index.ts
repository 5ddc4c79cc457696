import type { FieldKind } from '../kind'
import { ticketNote } from './ticket-note'
import { ticketStatus } from './ticket-status'
import { stockUse } from './stock-use'
import { ticketPhoto } from './ticket-photo'
import { bastSign } from './bast-sign'
import { installationReport } from './installation-report'
import { surveyReport } from './survey-report'

/**
 * Every command kind the phone may send, one file each in this folder. To add one: write
 * `kinds/<name>.ts` with defineFieldKind (permission, module, payload schema
 * in @shared/schemas/field, apply inside the given transaction, refusing with an AppError), and
 * add it to this list. A kind not listed is answered `conflict` (FIELD_KIND_UNKNOWN).
 */
export const FIELD_KINDS: readonly FieldKind[] = [
  ticketNote,
  ticketStatus,
  // Gudang: items used from my own hand; the ticket's photos.
  stockUse,
  ticketPhoto,
  // The registration board (survey, installation, BAST of cards assigned to me).
  surveyReport,
  installationReport,
  bastSign,
]
