import type { BillingSettingsInput } from '@shared/schemas'
import { rupiahOrNull, rupiahText } from '../../forms/parse'

/** The settings typed as whole numbers; their inputs hold '' while a person clears them. */
export const WHOLE_FIELDS = [
  'dueDays',
  'dueDay',
  'defaultBillingDay',
  'taxRatePercent',
  'taxBaseNumerator',
  'taxBaseDenominator',
] as const
type WholeField = (typeof WHOLE_FIELDS)[number]

export type BillingSettingsValues = Omit<
  BillingSettingsInput,
  WholeField | 'minimumPayment' | 'cashRounding'
> &
  Record<WholeField, number | string> & { minimumPayment: string; cashRounding: string }

export function toValues(s: BillingSettingsInput): BillingSettingsValues {
  return {
    ...s,
    minimumPayment: rupiahText(s.minimumPayment),
    cashRounding: String(s.cashRounding),
  }
}

/** What the form sends; an empty or non-number field becomes NaN, which the schema names. */
export function toInput(v: BillingSettingsValues): BillingSettingsInput {
  const whole = Object.fromEntries(
    WHOLE_FIELDS.map((k) => [k, v[k] === '' ? Number.NaN : Number(v[k])]),
  ) as Record<WholeField, number>
  return {
    ...v,
    ...whole,
    invoicePattern: v.invoicePattern.trim(),
    creditNotePattern: v.creditNotePattern.trim(),
    receiptPattern: v.receiptPattern.trim(),
    receiptPrinter: v.receiptPrinter.trim(),
    invoiceNotes: v.invoiceNotes.trim(),
    minimumPayment: rupiahOrNull(v.minimumPayment) ?? 0,
    cashRounding: Number(v.cashRounding),
    bankAccounts: v.bankAccounts.map((a) => ({
      bank: a.bank.trim(),
      accountNumber: a.accountNumber.trim(),
      accountName: a.accountName.trim(),
    })),
  }
}
