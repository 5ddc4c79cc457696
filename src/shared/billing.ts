/**
 * The words of billing, shared by core, API and UI (BILLING.md). Payment statuses are the
 * Indonesian ones operators read; they are derived from allocations, never typed in (rule 21).
 */
export const PAYMENT_STATUSES = ['belum_bayar', 'sebagian', 'lunas', 'void'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const INVOICE_STATUSES = ['draft', 'issued', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/**
 * Which invoices a list shows by issue date. An anniversary run numbers a whole period's
 * invoices at once, dated through the month: those dated after today (company zone) are
 * "terbit nanti" (not yet issued) until their day comes.
 */
export const ISSUE_VIEWS = ['issued', 'upcoming', 'all'] as const
export type IssueView = (typeof ISSUE_VIEWS)[number]

/** How money arrives (rule 22); every method but cash needs a reference. */
export const PAYMENT_METHODS = ['cash', 'transfer', 'ewallet', 'gateway'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
/** What a cashier may pick at the counter (gateway payments arrive by callback). */
export const COUNTER_METHODS = ['cash', 'transfer', 'ewallet'] as const

export const PRORATION_POLICIES = ['prorate', 'full', 'free'] as const
export type ProrationPolicy = (typeof PRORATION_POLICIES)[number]

export const TERMINATION_POLICIES = ['no_credit', 'credit_unused'] as const
export type TerminationPolicy = (typeof TERMINATION_POLICIES)[number]

export const CASH_ROUNDING_STEPS = [0, 100, 500, 1000] as const
export type CashRoundingStep = (typeof CASH_ROUNDING_STEPS)[number]

export const RECEIPT_PAPERS = ['58mm', '80mm', 'a4'] as const
export type ReceiptPaperSize = (typeof RECEIPT_PAPERS)[number]

/** Rule 31. `current` is not yet past its due date. */
export const AGING_BUCKETS = ['current', 'd1_7', 'd8_14', 'd15_30', 'd31_60', 'over_60'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

export function agingBucket(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current'
  if (daysOverdue <= 7) return 'd1_7'
  if (daysOverdue <= 14) return 'd8_14'
  if (daysOverdue <= 30) return 'd15_30'
  if (daysOverdue <= 60) return 'd31_60'
  return 'over_60'
}

/** Rule 21: what an issued invoice's allocations make it. */
export function paymentStatusOf(total: number, paid: number, voided: boolean): PaymentStatus {
  if (voided) return 'void'
  if (paid >= total) return 'lunas'
  return paid > 0 ? 'sebagian' : 'belum_bayar'
}

/** Why the invoice run left a customer out (rule 5) — reported, never guessed around. */
export const SKIP_REASONS = [
  'already_billed',
  'zero_price',
  'no_activation_date',
  'isolir_paused',
] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** "2026-12" → "Desember 2026". */
export function periodLabel(period: string, locale = 'id-ID'): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}
