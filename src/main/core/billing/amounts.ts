import { daysBetween, addDays, addMonths, calendarDate, type CalendarDate } from '@shared/dates'
import { mulDivFloor, mulDivRoundHalfUp, rupiah, type Rupiah } from '@shared/money'
import type { BillingSettings } from '../settings'
import type { Period } from './schedule'

/**
 * A price for part of a period: days used ÷ days in the period, the first day counted and the
 * end day not (rule 6), rounded to whole rupiah half up (rule 7).
 */
export function prorate(price: number, from: CalendarDate, to: CalendarDate, period: Period) {
  return mulDivRoundHalfUp(
    rupiah(price),
    daysBetween(from, to),
    daysBetween(period.start, period.end),
  )
}

export interface TaxResult {
  label: string | null
  amount: Rupiah
  /** What the tax adds to the total: the PPN when prices exclude it, 0 when they include it. */
  added: Rupiah
}

/**
 * PPN on an invoice (rules 19–20): off by default; the rate applies to a tax base that is a
 * fraction of the price (11/12 since 2025, so 12% × 11/12 = 11% effective), rounded down per
 * invoice. Inclusive prices hold the tax inside: tax = price × r ÷ (1 + r).
 */
export function taxFor(taxable: number, s: BillingSettings): TaxResult {
  if (!s.taxEnabled || taxable <= 0 || s.taxRatePercent === 0) {
    return { label: null, amount: rupiah(0), added: rupiah(0) }
  }
  const num = s.taxRatePercent * s.taxBaseNumerator
  const den = 100 * s.taxBaseDenominator
  const base =
    s.taxBaseNumerator === s.taxBaseDenominator
      ? ''
      : ` × ${s.taxBaseNumerator}/${s.taxBaseDenominator}`
  const label = `PPN ${s.taxRatePercent}%${base}${s.taxInclusive ? ' (termasuk)' : ''}`
  if (s.taxInclusive) {
    return { label, amount: mulDivFloor(rupiah(taxable), num, den + num), added: rupiah(0) }
  }
  const amount = mulDivFloor(rupiah(taxable), num, den)
  return { label, amount, added: amount }
}

/** Rule 18: the total rounded half up to the cash step, the difference shown as its own line. */
export function cashRounding(total: number, step: number): Rupiah {
  if (!step) return rupiah(0)
  const rounded = mulDivRoundHalfUp(rupiah(total), 1, step) * step
  return rupiah(rounded - total)
}

/** Due date: issue date + N days, or a fixed day (of the issue month, or the next when passed). */
export function dueDateFor(issue: CalendarDate, s: BillingSettings): CalendarDate {
  if (s.dueRule === 'days') return addDays(issue, s.dueDays)
  const sameMonth = calendarDate(`${issue.slice(0, 7)}-${String(s.dueDay).padStart(2, '0')}`)
  return sameMonth >= issue ? sameMonth : addMonths(sameMonth, 1, s.dueDay)
}
