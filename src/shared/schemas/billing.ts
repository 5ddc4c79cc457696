import { z } from 'zod'
import {
  CASH_ROUNDING_STEPS,
  COUNTER_METHODS,
  ISSUE_VIEWS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PRORATION_POLICIES,
  RECEIPT_PAPERS,
  TERMINATION_POLICIES,
} from '../billing'
import {
  calendarDateSchema,
  idSchema,
  optionalText,
  requiredText,
  trimmed,
  searchText,
} from './common'
import { rupiahSchema } from './catalog'

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  message: 'validation.period',
})

const numberPattern = z
  .string()
  .trim()
  .min(3, { message: 'validation.number_pattern' })
  .max(40, { message: 'validation.too_long' })
  .refine((p) => /\{0+\}/.test(p), { message: 'validation.number_pattern' })

const whole = (min: number, max: number) =>
  z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(min, { message: 'validation.out_of_range' })
    .max(max, { message: 'validation.out_of_range' })

export const bankAccountSchema = z.object({
  bank: requiredText(60),
  accountNumber: requiredText(40),
  accountName: requiredText(100),
})

/** Billing policy: every choice BILLING.md names, with its stated default. */
export const billingSettingsInput = z.object({
  /** `{YYYY}` is the issue year, `{000000}` the gapless number (rule 13). */
  invoicePattern: numberPattern,
  creditNotePattern: numberPattern,
  receiptPattern: numberPattern,
  /** Due date: issue date + N days, or a fixed day of the issue month (next month if passed). */
  dueRule: z.enum(['days', 'fixed_day']),
  dueDays: whole(0, 90),
  dueDay: whole(1, 28),
  defaultBillingDay: whole(1, 28),
  proration: z.enum(PRORATION_POLICIES),
  termination: z.enum(TERMINATION_POLICIES),
  /** Rule 12: isolir does not stop billing unless this is on. */
  pauseWhileIsolated: z.boolean(),
  taxEnabled: z.boolean(),
  taxInclusive: z.boolean(),
  /** PPN rate in percent (12) and the tax base as a fraction of the price (11/12 since 2025). */
  taxRatePercent: whole(0, 100),
  taxBaseNumerator: whole(1, 1000),
  taxBaseDenominator: whole(1, 1000),
  cashRounding: z.number().refine((v) => (CASH_ROUNDING_STEPS as readonly number[]).includes(v), {
    message: 'validation.invalid',
  }),
  minimumPayment: rupiahSchema,
  /** Rule 26: more than what is due becomes credit only when this is on. */
  allowCredit: z.boolean(),
  receiptPaper: z.enum(RECEIPT_PAPERS),
  /** Desktop only: the printer receipts go to (empty: ask). */
  receiptPrinter: trimmed(120),
  bankAccounts: z.array(bankAccountSchema).max(10),
  invoiceNotes: trimmed(500),
})
export type BillingSettingsInput = z.output<typeof billingSettingsInput>

export const DEFAULT_BILLING_SETTINGS: BillingSettingsInput = {
  invoicePattern: 'INV/{YYYY}/{000000}',
  creditNotePattern: 'CN/{YYYY}/{000000}',
  receiptPattern: 'KW/{YYYY}/{000000}',
  dueRule: 'days',
  dueDays: 10,
  dueDay: 20,
  defaultBillingDay: 1,
  proration: 'prorate',
  termination: 'no_credit',
  pauseWhileIsolated: false,
  taxEnabled: false,
  taxInclusive: false,
  taxRatePercent: 12,
  taxBaseNumerator: 11,
  taxBaseDenominator: 12,
  cashRounding: 0,
  minimumPayment: 0,
  allowCredit: true,
  receiptPaper: '80mm',
  receiptPrinter: '',
  bankAccounts: [],
  invoiceNotes: '',
}

export const billingRunInput = z.object({
  period: periodSchema,
  /** The day the run is made as of (defaults to today in the company's time zone). */
  asOf: calendarDateSchema.optional(),
})

export const invoiceListInput = z.object({
  period: periodSchema.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  areaId: idSchema.optional(),
  productId: idSchema.optional(),
  customerId: idSchema.optional(),
  /** Invoices due on this day (the notification "jatuh tempo hari ini" opens this list). */
  dueDate: calendarDateSchema.optional(),
  q: searchText(100).optional(),
  /** By issue date; by default only invoices issued up to today (see ISSUE_VIEWS). */
  issue: z.enum(ISSUE_VIEWS).default('issued'),
  cursor: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})

export const recordPaymentInput = z
  .object({
    customerId: idSchema,
    amount: rupiahSchema.refine((v) => v > 0, { message: 'validation.amount_positive' }),
    method: z.enum(PAYMENT_METHODS),
    reference: optionalText(100),
    /** Pay this invoice first; the rest goes oldest-first (rule 23). */
    invoiceId: idSchema.nullable().default(null),
    /** The browser's id for this payment: retries never record it twice. */
    clientId: z.string().uuid().optional(),
    notes: optionalText(500),
  })
  .refine((p) => p.method === 'cash' || p.reference, {
    message: 'validation.reference_required',
    path: ['reference'],
  })
export type RecordPaymentInput = z.output<typeof recordPaymentInput>

export const counterMethodSchema = z.enum(COUNTER_METHODS)

export const reversePaymentInput = z.object({
  paymentId: idSchema,
  reason: requiredText(500),
})

export const voidInvoiceInput = z.object({ invoiceId: idSchema, reason: requiredText(500) })

export const creditNoteInput = z.object({
  invoiceId: idSchema,
  amount: rupiahSchema.refine((v) => v > 0, { message: 'validation.amount_positive' }),
  reason: requiredText(500),
})

export const oneTimeChargeInput = z.object({
  customerId: idSchema,
  serviceId: idSchema.nullable().default(null),
  description: requiredText(200),
  amount: rupiahSchema.refine((v) => v > 0, { message: 'validation.amount_positive' }),
  /** true: an invoice of its own now; false: it joins the next invoice (rule 16). */
  invoiceNow: z.boolean().default(false),
})

export const cashClosingInput = z.object({
  date: calendarDateSchema,
  countedCash: rupiahSchema,
  notes: optionalText(500),
})
