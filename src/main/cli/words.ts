import { JOB_COUNT_LABELS } from '@shared/job-counts'
import { formatShortDate, isCalendarDate } from '@shared/dates'
import { translateEn, translateId } from '@shared/messages/translate'
import { formatRupiah } from '@shared/money'
import { formatCount } from '@shared/numbers'
import { whoText } from '@shared/who'

/**
 * How the CLI's human output (without --json) writes what an operator reads: counts grouped
 * (1.775), days as dd/mm/yyyy, count keys and actors in words. --json keeps the raw values.
 */
const english = () => process.env.LOKET_LANG === 'en'

export const count = (value: number): string => formatCount(value, english() ? 'en-GB' : 'id-ID')

/** `YYYY-MM-DD` → `dd/mm/yyyy`; anything else as it is. */
export const day = (date: string): string => (isCalendarDate(date) ? formatShortDate(date) : date)

/** "cli:unknown" → "Baris perintah", a login name as it is (LOKET_LANG=en in English). */
export const who = (username: string | null | undefined, name?: string | null): string =>
  whoText(english() ? translateEn : translateId, username, name)

/** A count's key in words: jobs prefix the counts of the messages they queued. */
export function countLabel(key: string): string {
  if (JOB_COUNT_LABELS[key]) return JOB_COUNT_LABELS[key]
  if (key.startsWith('messages_')) return `pesan ${countLabel(key.slice('messages_'.length))}`
  if (key.startsWith('notices_')) return `pesan tagihan ${countLabel(key.slice('notices_'.length))}`
  if (key.startsWith('receipt_')) return `kuitansi ${countLabel(key.slice('receipt_'.length))}`
  if (key.startsWith('skipped_'))
    return `dilewati (${key.slice('skipped_'.length).replace(/_/g, ' ')})`
  return key.replace(/_/g, ' ')
}

/** The counts that are not zero, in words (the JSON keeps every count). */
export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, value]) => value !== 0)
    .map(
      ([key, value]) =>
        `${countLabel(key)}: ${key === 'total' ? formatRupiah(value) : count(value)}`,
    )
  return parts.length ? parts.join(', ') : 'tidak ada yang dikerjakan'
}

/** The import stands when its welcome messages could not be queued: said on stderr, not failed. */
export const welcomeFailed = (error: unknown): void =>
  console.error('Pesan selamat datang tidak masuk antrean:', error)
