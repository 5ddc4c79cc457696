import type { TFunction } from 'i18next'
import { periodLabel } from '@shared/billing'
import { COMPANY_TIME_ZONES, formatShortDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { formatCount } from '@shared/numbers'
import { formatContact } from '@shared/phone'
import { importText, recordText } from '@shared/who'
import type { RouterOutputs } from '../../session/session'

export type AuditEntry = RouterOutputs['audit']['list']['entries'][number]

/** "users.reset_password" → "Kata sandi pengguna direset"; an action we do not know yet shows as is. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`auditActions.${action}`, { defaultValue: action })
}

/** What the entry is about in words: "Penagihan Desember 2026", "Impor data contoh", … */
export function recordLabel(t: TFunction, entry: AuditEntry, locale: string): string {
  return recordText(t, entry, locale) ?? t('common.empty')
}

/** A recorded field's name in words; an unknown one with spaces for its underscores. */
export function fieldLabel(t: TFunction, key: string): string {
  return t(`auditFields.${key.replace(/\./g, '_')}`, { defaultValue: key.replace(/_/g, ' ') })
}

/** Fields that hold rupiah; other numbers are counts. */
const MONEY_FIELDS = new Set([
  'amount',
  'total',
  'price',
  'unit_price',
  'monthly_price',
  'to_credit',
  'counted_cash',
  'expected_cash',
])

/**
 * A before/after value in words: roles, permissions and flags translated, phones written
 * locally, rupiah and counts grouped, days as dd/mm/yyyy, periods as "Desember 2026", the demo
 * data's file as "Impor data contoh", and nested counts ({created, existing}) as labelled parts.
 */
export function valueText(t: TFunction, key: string, value: unknown, locale = 'id-ID'): string {
  if (value === null || value === undefined || value === '') return t('common.empty')
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (key === 'permissions' && Array.isArray(value)) {
    return value.length
      ? value.map((p) => t(`permissions.${String(p)}`, { defaultValue: String(p) })).join('; ')
      : t('common.empty')
  }
  if (typeof value === 'number') {
    return MONEY_FIELDS.has(key) ? formatRupiah(value) : formatCount(value, locale)
  }
  if (typeof value === 'string') {
    if (key === 'role') return t(`roles.${value}`, { defaultValue: value })
    if (key === 'reason') return t(`auditValues.${value}`, { defaultValue: value })
    if (key === 'phone' || key === 'whatsapp') return formatContact(value)
    if (key === 'file') return importText(t, value)
    if (key === 'time_zone') {
      const zone = COMPANY_TIME_ZONES.find((z) => z.id === value)
      return zone ? `${zone.label} (${zone.id})` : value
    }
    if (isCalendarDate(value)) return formatShortDate(value)
    if (key === 'period' && /^\d{4}-\d{2}$/.test(value)) return periodLabel(value, locale)
    if (key === 'method') return t(`billing.method.${value}`, { defaultValue: value })
    return value
  }
  if (Array.isArray(value)) {
    return value.length
      ? value
          .map((v) => (typeof v === 'object' ? valueText(t, key, v, locale) : String(v)))
          .join('; ')
      : t('common.empty')
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${fieldLabel(t, k)}: ${valueText(t, k, v, locale)}`,
    )
    return parts.length ? parts.join(', ') : t('common.empty')
  }
  return String(value)
}

export interface ChangeRow {
  key: string
  before: unknown
  after: unknown
}

/** Every field named in before or after, in the order they first appear. */
export function changeRows(entry: AuditEntry): ChangeRow[] {
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.map((key) => ({ key, before: before[key], after: after[key] }))
}
