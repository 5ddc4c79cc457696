import { z } from 'zod'
import { SERVICE_STATUSES } from '../catalog'
import {
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  TEMPLATE_KEYS,
  type TemplateVariable,
} from '../messaging'
import { calendarDateSchema, idSchema, requiredText, trimmed, searchText } from './common'

/** The outbox history: filters on the company's days, newest first, a page at a time. */
export const messageListInput = z.object({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  kind: z.enum(MESSAGE_KINDS).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  /** A number (any way it is written) or words of the text, the customer's name or code. */
  q: searchText(100).optional(),
  customerId: idSchema.optional(),
  /** Where the previous page ended (`nextCursor` of that page). */
  cursor: z.string().max(60).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
})
export type MessageListInput = z.input<typeof messageListInput>

export const messageIdsInput = z.object({ ids: z.array(idSchema).min(1).max(10_000) })

/** "Coba ulang": the chosen failed messages, or every failed one. */
export const messageRetryInput = z.union([
  messageIdsInput,
  z.object({ allFailed: z.literal(true) }),
])
export type MessageRetryInput = z.output<typeof messageRetryInput>

/** Long enough for a reminder listing a year of months; WhatsApp's own limit is far above. */
export const MESSAGE_BODY_MAX = 4000

export const templateKeySchema = z.enum(TEMPLATE_KEYS)

export const templateSaveInput = z.object({
  key: templateKeySchema,
  subject: requiredText(200),
  body: requiredText(MESSAGE_BODY_MAX),
})
export type TemplateSaveInput = z.output<typeof templateSaveInput>

/** The editor's text (not yet saved), rendered for a real customer. */
export const templatePreviewInput = z.object({
  key: templateKeySchema,
  subject: trimmed(200),
  body: z.string().max(MESSAGE_BODY_MAX, { message: 'validation.too_long' }),
  customerId: idSchema.optional(),
})

/**
 * Who a broadcast goes to. Without a status every customer but the terminated (putus) ones: an
 * outage notice is for people who still have a line.
 */
export const broadcastFilterSchema = z.object({
  areaId: idSchema.optional(),
  productId: idSchema.optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  q: searchText(100).optional(),
  /** The customers a mass outage cut off (topology, issue 18). */
  outageId: idSchema.optional(),
})
export type BroadcastFilter = z.output<typeof broadcastFilterSchema>

/** A broadcast is not a template: only the customer's own and the company's words fill in. */
export const BROADCAST_VARIABLES = [
  'nama',
  'kode',
  'perusahaan',
  'telepon_perusahaan',
] as const satisfies readonly TemplateVariable[]

export const broadcastInput = z.object({
  filter: broadcastFilterSchema,
  subject: trimmed(200).optional(),
  body: requiredText(MESSAGE_BODY_MAX),
  /** The browser's id for this broadcast: a retried request queues each customer once. */
  clientId: z.string().uuid(),
})
export type BroadcastInput = z.output<typeof broadcastInput>
