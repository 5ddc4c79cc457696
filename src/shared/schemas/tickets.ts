import { z } from 'zod'
import { TICKET_MEDIA, TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets'
import { idSchema, optionalText, requiredText, searchText } from './common'

const minutes = z
  .number({ message: 'validation.out_of_range' })
  .int({ message: 'validation.out_of_range' })
  .min(1, { message: 'validation.out_of_range' })
  // 90 days: a target longer than that is not a target.
  .max(90 * 24 * 60, { message: 'validation.out_of_range' })

const slaTarget = z
  .object({ firstResponseMinutes: minutes, resolutionMinutes: minutes })
  .refine((t) => t.firstResponseMinutes <= t.resolutionMinutes, {
    message: 'validation.sla_order',
    path: ['firstResponseMinutes'],
  })
export type SlaTarget = z.output<typeof slaTarget>

export const ticketCategoryKey = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'validation.required' })
  .max(30, { message: 'validation.too_long' })
  .regex(/^[a-z0-9_]+$/, { message: 'validation.ticket_category_key' })

const category = z.object({
  key: ticketCategoryKey,
  label: requiredText(60),
  /** An inactive category stays on the tickets that have it but is not offered for new ones. */
  active: z.boolean(),
})
export type TicketCategory = z.output<typeof category>

/**
 * The "tickets" company setting: the category list and the SLA targets per priority. Targets
 * count wall-clock minutes from the ticket's creation (an ISP's outages do not wait for office
 * hours).
 */
export const ticketSettingsInput = z.object({
  categories: z
    .array(category)
    .min(1, { message: 'validation.required' })
    .max(50, { message: 'validation.too_long' })
    .refine((list) => new Set(list.map((c) => c.key)).size === list.length, {
      message: 'validation.ticket_category_duplicate',
    }),
  sla: z.object({
    rendah: slaTarget,
    sedang: slaTarget,
    tinggi: slaTarget,
    darurat: slaTarget,
  }),
})
export type TicketSettings = z.output<typeof ticketSettingsInput>

const hours = (h: number) => h * 60

export const DEFAULT_TICKET_SETTINGS: TicketSettings = {
  categories: [
    { key: 'gangguan', label: 'Gangguan', active: true },
    { key: 'tagihan', label: 'Tagihan', active: true },
    { key: 'pemasangan', label: 'Pemasangan', active: true },
    { key: 'pindah_alamat', label: 'Pindah alamat', active: true },
    { key: 'perangkat', label: 'Perangkat', active: true },
    { key: 'lainnya', label: 'Lainnya', active: true },
  ],
  sla: {
    darurat: { firstResponseMinutes: 15, resolutionMinutes: hours(4) },
    tinggi: { firstResponseMinutes: hours(1), resolutionMinutes: hours(8) },
    sedang: { firstResponseMinutes: hours(4), resolutionMinutes: hours(24) },
    rendah: { firstResponseMinutes: hours(8), resolutionMinutes: hours(72) },
  },
}

export const openTicketInput = z.object({
  customerId: idSchema.nullable().default(null),
  serviceId: idSchema.nullable().default(null),
  category: ticketCategoryKey,
  priority: z.enum(TICKET_PRIORITIES),
  medium: z.enum(TICKET_MEDIA).default('telepon'),
  title: requiredText(150),
  description: optionalText(4000),
  assigneeId: idSchema.nullable().default(null),
  /** Device tickets (seed 004): the device's serial number and the customer's PIC on site. */
  deviceSerial: optionalText(80),
  picName: optionalText(100),
  picPhone: optionalText(30),
})
export type OpenTicketInput = z.output<typeof openTicketInput>

export const updateTicketInput = z
  .object({
    id: idSchema,
    status: z.enum(TICKET_STATUSES).optional(),
    note: optionalText(4000),
    /** A user of the company who works tickets; null takes the ticket off whoever had it. */
    assigneeId: idSchema.nullable().optional(),
    /** Why a closed ticket is reopened (required then). */
    reason: optionalText(1000),
  })
  .refine((u) => u.status !== undefined || u.note || u.assigneeId !== undefined, {
    message: 'validation.ticket_nothing_to_change',
  })
export type UpdateTicketInput = z.output<typeof updateTicketInput>

export const ticketListInput = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  /** Only open tickets (baru, dalam proses, menunggu konfirmasi). */
  open: z.boolean().optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  category: ticketCategoryKey.optional(),
  search: searchText(100).optional(),
  assigneeId: idSchema.optional(),
  customerId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(200),
  /** How many rows of this list were shown already (the ticket page loads more in pages). */
  cursor: z.number().int().min(0).max(1_000_000).optional(),
})
export type TicketListInput = z.output<typeof ticketListInput>

/** A photo of a ticket (a broken ONT, a cable, a screen), sent as base64. */
export const TICKET_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_TICKET_PHOTO_BYTES = 5 * 1024 * 1024

export const ticketAttachInput = z.object({
  ticketId: idSchema,
  fileName: z.string().trim().min(1, { message: 'validation.required' }).max(200),
  mime: z.enum(TICKET_PHOTO_TYPES, { message: 'validation.ticket_photo_type' }),
  // base64 of 5 MB is about 6.7 million characters.
  contentBase64: z.string().max(7_000_000, { message: 'validation.ticket_photo_size' }),
})
export type TicketAttachInput = z.output<typeof ticketAttachInput>
