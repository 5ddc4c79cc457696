import { dateInZone, formatShortDate } from '@shared/dates'

/** "141,2 MB" (decimal megabytes, one decimal), the way a file manager shows a backup. */
export function sizeText(bytes: number, locale: string): string {
  const fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  if (bytes >= 1e9) return `${fmt.format(bytes / 1e9)} GB`
  if (bytes >= 1e6) return `${fmt.format(bytes / 1e6)} MB`
  return `${fmt.format(bytes / 1e3)} KB`
}

/** "05/12/2026 02:30" in the company's time zone. */
export function dateTimeText(iso: string, timeZone: string): string {
  const at = new Date(iso)
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at)
  return `${formatShortDate(dateInZone(at, timeZone))} ${time}`
}
