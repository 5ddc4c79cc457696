import { z } from 'zod'
import { TICKET_STATUSES } from '../tickets'
import { idSchema, optionalText, requiredText } from './common'
import { ticketAttachInput } from './tickets'
import { useStockInput } from './warehouse'
import { bastSignInput, installationReportInput, surveyReportInput } from './registrations'

/**
 * The technician's phone (issue 16): what it sends to `field.sync`. Each command is typed on the
 * phone (often offline), kept in its outbox with a UUID of its own, and sent when the host is
 * reachable; the host applies each UUID once. The payload of each kind is checked by that kind
 * on the host (src/main/core/field/kinds), so a command of a kind this host does not know yet is
 * answered `conflict`, not refused with the whole batch.
 */
export const FIELD_SYNC_MAX_COMMANDS = 50

export const fieldCommand = z.object({
  id: z.uuid({ message: 'validation.invalid' }),
  kind: z.string().trim().min(1).max(60),
  payload: z.record(z.string(), z.unknown()),
  /** When the technician did it, by the phone's clock (kept; the host's clock dates the effect). */
  at: z.iso.datetime({ offset: true, message: 'validation.invalid' }),
})
export type FieldCommand = z.output<typeof fieldCommand>

export const fieldSyncInput = z.object({
  commands: z.array(fieldCommand).min(1).max(FIELD_SYNC_MAX_COMMANDS),
})
export type FieldSyncInput = z.output<typeof fieldSyncInput>

export type FieldCommandStatus = 'applied' | 'duplicate' | 'conflict'

export interface FieldCommandResult {
  id: string
  status: FieldCommandStatus
  /** For `duplicate`: what the command answered the first time (applied or conflict). */
  original?: 'applied' | 'conflict'
  /** Error code of a conflict (errors.* in the messages). */
  code?: string
  /** A conflict's reason in Indonesian, shown to the technician as is. */
  reason?: string
  /** What the command did (the ticket's number and status …). */
  result?: Record<string, unknown>
}

/** `ticket.note`: a note on a ticket assigned to me. */
export const ticketNotePayload = z.object({
  ticketId: idSchema,
  note: requiredText(4000),
})
export type TicketNotePayload = z.output<typeof ticketNotePayload>

/** `ticket.status`: move a ticket assigned to me along the flow, with an optional note. */
export const ticketStatusPayload = z.object({
  ticketId: idSchema,
  status: z.enum(TICKET_STATUSES),
  note: optionalText(4000),
})
export type TicketStatusPayload = z.output<typeof ticketStatusPayload>

/**
 * `stock.use`: items I used on a task, from my own hand (the host fills in me as the technician).
 * With `ticketId` the use is tied to that ticket's customer and service; otherwise to the given
 * service or customer (or none).
 */
export const stockUsePayload = useStockInput
  .pick({ itemId: true, qty: true, serials: true, serviceId: true, customerId: true, note: true })
  .extend({ ticketId: idSchema.nullable().default(null) })
export type StockUsePayload = z.input<typeof stockUsePayload>

/**
 * `ticket.photo`: a photo taken on a ticket assigned to me, as base64 (the phone shrinks it to
 * at most 1600 px JPEG first; images only, at most 5 MB, as the ticket page's upload).
 */
export const ticketPhotoPayload = ticketAttachInput
export type TicketPhotoPayload = z.output<typeof ticketPhotoPayload>

/**
 * `survey.report`: the survey report of a card whose survey is assigned to me, the board's own
 * form (topology, notes, photos as base64, layak / tidak layak with the reason).
 */
export const surveyReportPayload = surveyReportInput
export type SurveyReportPayload = z.output<typeof surveyReportPayload>

/** `installation.report`: ONU serial, RX power, cable length, notes, photos (Instalasi → Finalisasi). */
export const installationReportPayload = installationReportInput
export type InstallationReportPayload = z.output<typeof installationReportPayload>

/** `bast.sign`: both signatures drawn on the phone and the switch; signing activates the service. */
export const bastSignPayload = bastSignInput
export type BastSignPayload = z.output<typeof bastSignPayload>
