import type { TFunction } from 'i18next'
import { periodLabel } from '@shared/billing'
import { dateInZone } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { errorMessage, uiErrorOf } from '../../api/errors'

/**
 * The payment errors carry numbers (minimum, amount due, the receipt that already used a
 * reference); the shared `errorMessage` does not pass details, so they are filled in here, with
 * amounts written as rupiah.
 */
export function paymentErrorText(t: TFunction, error: unknown): string {
  const { code, details } = uiErrorOf(error)
  const money = (value: unknown) => (typeof value === 'number' ? formatRupiah(value) : '')
  switch (code) {
    case 'PAYMENT_BELOW_MINIMUM':
      return t('errors.PAYMENT_BELOW_MINIMUM', { min: money(details.min) })
    case 'PAYMENT_EXCEEDS_DUE':
      return t('errors.PAYMENT_EXCEEDS_DUE', { due: money(details.due) })
    case 'REFERENCE_TAKEN':
      return t('errors.REFERENCE_TAKEN', { number: String(details.number ?? '') })
    default:
      return errorMessage(t, error)
  }
}

/** A payment method in words; gateway payments appear in lists though no cashier picks them. */
export function methodLabel(t: TFunction, method: string): string {
  return t(`cashier.methods.${method}`, { defaultValue: method })
}

/** Today in the company's time zone: the day the server books a payment on. */
export function companyToday(timeZone: string): string {
  return dateInZone(new Date(), timeZone)
}

/** An invoice's period in words; a one-time charge invoice has none. */
export function periodText(t: TFunction, period: string | null, locale: string): string {
  return period ? periodLabel(period, locale) : t('cashier.noPeriod')
}
