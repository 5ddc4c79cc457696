import { addDays, calendarDate, formatDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { formatNumber as formatSharedNumber } from '@shared/numbers'
import { formatContact } from '@shared/phone'
import type { TableCell, TableColumn } from './types'

/** How amounts, dates and report cells read on paper (PDF); Excel keeps the raw values. */

export const money = formatRupiah

/** 1.234.567 — the id-ID grouping a person expects in a report (the shared count formatter). */
export function formatNumber(value: number): string {
  return formatSharedNumber(value, 'id-ID', 2)
}

/** An Indonesian date for a document field ("22 Nov 2026"). */
export function printDate(date: string): string {
  return formatDate(calendarDate(date))
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, compact enough for a table column. */
export function shortDate(date: string): string {
  const [y, m, d] = calendarDate(date).split('-')
  return `${d}/${m}/${y}`
}

/**
 * What a line covers, printed with its last day: periods are stored end-exclusive
 * (2026-12-01 – 2027-01-01) but a customer reads "01/12/2026 – 31/12/2026".
 */
export function periodRange(start: string | null, end: string | null): string {
  if (!start || !end) return ''
  return `${shortDate(start)} – ${shortDate(addDays(calendarDate(end), -1))}`
}

/** A report cell as text: money in rupiah, numbers grouped, dates dd/mm/yyyy, phones 0812-…. */
export function formatCell(value: TableCell | undefined, kind: TableColumn['kind']): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    return kind === 'money' ? money(value) : formatNumber(value)
  }
  if (kind === 'phone') return formatContact(value)
  return kind === 'date' && isCalendarDate(value) ? shortDate(value) : value
}

/** Money and numbers line up on the right, where their digits align. */
export function isNumericColumn(kind: TableColumn['kind']): boolean {
  return kind === 'money' || kind === 'number'
}
