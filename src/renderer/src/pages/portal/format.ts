import { formatRupiah } from '@shared/money'

/** `YYYY-MM-DD` → `dd/mm/yyyy`, as the portal shows every date. */
export function ddmmyyyy(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** An instant as `dd/mm/yyyy HH:mm` in the company's time zone (Asia/Jakarta by default). */
export function whenLocal(iso: string, timeZone = 'Asia/Jakarta'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`
}

export const rp = (n: number) => formatRupiah(n)
