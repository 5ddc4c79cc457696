import type { TFunction } from 'i18next'

/** Bits per second as Mbps with one decimal, the way operators read their links. */
export function formatMbps(bps: number, locale: string): string {
  const mbps = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bps / 1e6)
  return `${mbps} Mbps`
}

/** Bytes as MiB/GiB (router memory). */
export function formatBytes(bytes: number, locale: string): string {
  const gib = bytes / 1024 ** 3
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  return gib >= 1 ? `${fmt.format(gib)} GiB` : `${fmt.format(bytes / 1024 ** 2)} MiB`
}

/** A duration as its two largest units: "2h 3j", "15m 42d" (Indonesian), "2d 3h" (English). */
export function formatUptime(t: TFunction, seconds: number | null, fallback: string): string {
  if (seconds === null) return fallback
  const parts: [number, 'd' | 'h' | 'm' | 's'][] = [
    [Math.floor(seconds / 86400), 'd'],
    [Math.floor((seconds % 86400) / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [Math.floor(seconds % 60), 's'],
  ]
  const first = parts.findIndex(([n]) => n > 0)
  if (first < 0) return `0${t('monitor.units.s')}`
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${t(`monitor.units.${unit}`)}`)
    .join(' ')
}
