import type { TFunction } from 'i18next'
import { dateInZone, formatShortDate, isCalendarDate } from '@shared/dates'
import { formatPhone } from '@shared/phone'
import { reasonText, whoText } from '@shared/who'
import type { HistoryEntry } from './types'

const LONG_VALUE = 40

function parseJson(text: string | null): Record<string, unknown> {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function statusWord(t: TFunction, status: string | null, locale: string): string {
  if (!status) return t('history.empty')
  return t(`serviceStatus.${status}`, { defaultValue: status }).toLocaleLowerCase(locale)
}

function dateText(date: string): string {
  return isCalendarDate(date) ? formatShortDate(date) : date
}

/** One field's value as a person reads it: local phone numbers, words for codes, short text. */
function valueText(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty')
  if (typeof value !== 'string') return String(value)
  if (key === 'phone' || key === 'whatsapp') return formatPhone(value)
  if (key === 'category') return t(`customerCategory.${value}`, { defaultValue: value })
  return value.length > LONG_VALUE ? `${value.slice(0, LONG_VALUE)}…` : value
}

function changesText(t: TFunction, entry: HistoryEntry): string {
  const before = parseJson(entry.from)
  const after = parseJson(entry.to)
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys
    .map((key) => {
      const label = t(`history.fields.${key}`, { defaultValue: key })
      return `${label} ${valueText(t, key, before[key])} → ${valueText(t, key, after[key])}`
    })
    .join('; ')
}

/**
 * One timeline entry as a sentence: "Status: aktif → isolir (tunggakan) — owner, 22/11/2026",
 * "Paket: Rumah 10 Mbps → Rumah 20 Mbps berlaku 22/11/2026 — owner", "Data pelanggan diubah:
 * telepon 0812-… → 0813-… — owner, 22/11/2026". Service entries carry their effective date;
 * customer record changes (audit entries) the day they were made in the company's time zone.
 */
export function historyText(
  t: TFunction,
  entry: HistoryEntry,
  timeZone: string,
  locale: string,
): string {
  const who = whoText(t, entry.username)
  const madeOn = formatShortDate(dateInZone(new Date(entry.at), timeZone))
  const reason = entry.reason ? ` (${reasonText(t, entry.reason)})` : ''
  switch (entry.kind) {
    case 'created':
      return `${t('history.created', { sid: entry.sid, status: statusWord(t, entry.to, locale) })} — ${who}, ${dateText(entry.effectiveDate)}`
    case 'status':
      return `${t('history.status', { from: statusWord(t, entry.from, locale), to: statusWord(t, entry.to, locale) })}${reason} — ${who}, ${dateText(entry.effectiveDate)}`
    case 'package': {
      const text = t('history.package', {
        from: entry.from ?? t('history.empty'),
        to: entry.to ?? t('history.empty'),
        date: dateText(entry.effectiveDate),
      })
      const scheduled = entry.pending ? ` (${t('history.scheduled')})` : ''
      return `${text}${scheduled}${reason} — ${who}`
    }
    case 'customers.create':
      return `${t('history.customerCreate')} — ${who}, ${madeOn}`
    case 'customers.update':
      return `${t('history.customerUpdate', { changes: changesText(t, entry) })} — ${who}, ${madeOn}`
    case 'customers.terminate': {
      const why = parseJson(entry.to).reason
      return `${t('history.customerTerminate')}${typeof why === 'string' ? ` (${why})` : ''} — ${who}, ${madeOn}`
    }
    default:
      return `${t(`auditActions.${entry.kind}`, { defaultValue: entry.kind })} — ${who}, ${madeOn}`
  }
}

/** The dot's colour: ends red, problems orange, package changes blue, the rest teal. */
export function historyColor(entry: HistoryEntry): string {
  if (entry.kind === 'customers.terminate' || entry.to === 'putus') return 'red'
  if (entry.kind === 'status' && entry.to === 'isolir') return 'orange'
  if (entry.kind === 'package') return 'blue'
  if (entry.kind.startsWith('customers.')) return 'gray'
  return 'teal'
}
