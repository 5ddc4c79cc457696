import { z } from 'zod'
import { periodSchema } from './billing'
import { calendarDateSchema, idSchema, optionalText, trimmed, searchText } from './common'

/** Rule 30: restore when nothing overdue is left, or on any payment after the isolir. */
export const RESTORE_POLICIES = ['zero_overdue', 'any_payment'] as const
export type RestorePolicy = (typeof RESTORE_POLICIES)[number]

const whole = (min: number, max: number) =>
  z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(min, { message: 'validation.out_of_range' })
    .max(max, { message: 'validation.out_of_range' })

const offset = z
  .number({ message: 'validation.reminder_offsets' })
  .int({ message: 'validation.reminder_offsets' })
  .min(-30, { message: 'validation.reminder_offsets' })
  .max(60, { message: 'validation.reminder_offsets' })

/** Days relative to the due date (D-3 = -3), each once, in order. */
export const reminderOffsetsSchema = z
  .array(offset)
  .max(10, { message: 'validation.reminder_offsets' })
  .refine((list) => new Set(list).size === list.length, {
    message: 'validation.reminder_offsets',
  })
  .transform((list) => [...list].sort((a, b) => a - b))

const urlOrEmpty = trimmed(300).refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), {
  message: 'validation.url',
})

/** The collections policy (BILLING.md rules 28–30) with its stated defaults below. */
export const collectionSettingsInput = z.object({
  reminderOffsets: reminderOffsetsSchema,
  /** Isolir at due date + this many days. */
  graceDays: whole(0, 90),
  restoreOn: z.enum(RESTORE_POLICIES),
  autoReminders: z.boolean(),
  autoIsolir: z.boolean(),
  sendInvoiceNotice: z.boolean(),
  sendReceipt: z.boolean(),
  sendIsolirNotice: z.boolean(),
  /** The same notice after an isolir by hand (batch, customer page, CLI); the dialog can untick it. */
  sendManualIsolirNotice: z.boolean(),
  sendRestoreNotice: z.boolean(),
  sendPackageNotice: z.boolean(),
  /** "Selamat datang" with the login, once, when a customer's first service becomes active. */
  sendWelcome: z.boolean(),
  /** `{link_bayar}` is this followed by the customer code; empty: "hubungi kantor". */
  paymentLinkBase: urlOrEmpty,
})
export type CollectionSettings = z.output<typeof collectionSettingsInput>

export const DEFAULT_COLLECTION_SETTINGS: CollectionSettings = {
  reminderOffsets: [-3, 0, 3],
  graceDays: 7,
  restoreOn: 'zero_overdue',
  autoReminders: true,
  autoIsolir: true,
  sendInvoiceNotice: true,
  sendReceipt: true,
  sendIsolirNotice: true,
  sendManualIsolirNotice: true,
  sendRestoreNotice: true,
  sendPackageNotice: true,
  sendWelcome: true,
  paymentLinkBase: '',
}

/** "D-3", "D0", "D+3": how offsets are written on the page and in messages about them. */
export function offsetLabel(offsetDays: number): string {
  return offsetDays === 0 ? 'D0' : offsetDays < 0 ? `D${offsetDays}` : `D+${offsetDays}`
}

/** The billing-reminder queue's audience: whose invoices, which period, where. */
export const reminderFilter = z.object({
  period: periodSchema.optional(),
  /** unpaid: open invoices only; all: every issued invoice of the period. */
  status: z.enum(['unpaid', 'all']).default('unpaid'),
  areaId: idSchema.optional(),
  productId: idSchema.optional(),
  q: searchText(100).optional(),
})
export type ReminderFilter = z.output<typeof reminderFilter>

export const REMINDER_VIEWS = ['all', 'send', 'skip'] as const
export const reminderPreviewInput = reminderFilter.extend({
  /** What the table shows; the totals always count everyone. */
  view: z.enum(REMINDER_VIEWS).default('all'),
  offset: z.number().int().min(0).default(0),
})
export type ReminderPreviewInput = z.output<typeof reminderPreviewInput>

export const queueRemindersInput = reminderFilter.extend({
  /** One id per click on "Masukkan ke antrean": a double click queues once. */
  clientId: z.string().trim().min(8).max(64),
})
export type QueueRemindersInput = z.output<typeof queueRemindersInput>

export const promiseInput = z.object({
  customerId: idSchema,
  /** Checked against today (company time zone) in core: not before today. */
  untilDate: calendarDateSchema,
  note: optionalText(300),
})
export type PromiseInput = z.output<typeof promiseInput>

export const customerFlagsInput = z
  .object({
    customerId: idSchema,
    noIsolir: z.boolean(),
    noIsolirReason: optionalText(300),
    messagesOptOut: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.noIsolir && !v.noIsolirReason) {
      ctx.addIssue({ code: 'custom', path: ['noIsolirReason'], message: 'validation.required' })
    }
  })
export type CustomerFlagsInput = z.output<typeof customerFlagsInput>

export const cancelPromiseInput = z.object({ id: idSchema })

export const collectionDayInput = z.object({ date: calendarDateSchema.optional() })
