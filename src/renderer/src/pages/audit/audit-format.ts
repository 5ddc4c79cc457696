import type { TFunction } from 'i18next'
import { COMPANY_TIME_ZONES } from '@shared/dates'
import { formatPhone } from '@shared/phone'
import { recordText } from '@shared/who'
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

export function fieldLabel(t: TFunction, key: string): string {
  return t(`auditFields.${key.replace(/\./g, '_')}`, { defaultValue: key })
}

/** A before/after value in words: roles, permissions and flags translated, phones written locally. */
export function valueText(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.empty')
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (key === 'permissions' && Array.isArray(value)) {
    return value.length
      ? value.map((p) => t(`permissions.${String(p)}`, { defaultValue: String(p) })).join('; ')
      : t('common.empty')
  }
  if (typeof value === 'string') {
    if (key === 'role') return t(`roles.${value}`, { defaultValue: value })
    if (key === 'reason') return t(`auditValues.${value}`, { defaultValue: value })
    if (key === 'phone') return formatPhone(value)
    if (key === 'time_zone') {
      const zone = COMPANY_TIME_ZONES.find((z) => z.id === value)
      return zone ? `${zone.label} (${zone.id})` : value
    }
    return value
  }
  if (Array.isArray(value)) return value.map(String).join(', ')
  if (typeof value === 'number') return String(value)
  return JSON.stringify(value)
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
