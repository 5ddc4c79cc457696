/**
 * Package speeds as operators write them and as RouterOS takes them. Loket stores kbps; RouterOS's
 * k is 1,000 and M 1,000,000 bits per second (INTEGRATIONS.md).
 */

const SPEED_TEXT = /^(\d+(?:[.,]\d+)?)\s*([kKmMgG]?)(?:bps)?$/

/**
 * kbps in what an operator types: a bare number is Mbps ("10", "1,5"), or with RouterOS's
 * suffixes "512k", "10M", "1G". null for empty text, NaN when it is not a speed.
 */
export function parseSpeedText(text: string): number | null {
  const t = text.trim()
  if (!t) return null
  const m = SPEED_TEXT.exec(t)
  if (!m) return Number.NaN
  const n = Number(m[1]!.replace(',', '.'))
  const unit = m[2]!.toLowerCase()
  const kbps = unit === 'k' ? n : unit === 'g' ? n * 1_000_000 : n * 1000
  return Math.round(kbps)
}

/** '10M', '1.5M', '512k', '1G': the shortest exact RouterOS spelling of a kbps figure. */
export function rateText(kbps: number): string {
  if (kbps >= 1_000_000 && kbps % 1_000_000 === 0) return `${kbps / 1_000_000}G`
  if (kbps >= 1000 && kbps % 100 === 0) return `${kbps / 1000}M`
  return `${kbps}k`
}

/** What an operator reads: "10 Mbps", "512 kbps". */
export function speedLabel(kbps: number): string {
  if (kbps >= 1000) return `${(kbps / 1000).toLocaleString('id-ID')} Mbps`
  return `${kbps} kbps`
}

export interface PackageSpeed {
  downloadKbps: number
  uploadKbps: number
  burst: {
    downloadKbps: number
    uploadKbps: number
    thresholdDownloadKbps: number
    thresholdUploadKbps: number
    seconds: number
  } | null
}

/**
 * A PPP profile's rate-limit: `rx/tx [burst-rx/burst-tx threshold-rx/threshold-tx time-rx/time-tx]`
 * from the router's side, so rx is the customer's upload and tx the download.
 */
export function rateLimitText(s: PackageSpeed): string {
  const pair = (up: number, down: number) => `${rateText(up)}/${rateText(down)}`
  const base = pair(s.uploadKbps, s.downloadKbps)
  if (!s.burst) return base
  const b = s.burst
  return [
    base,
    pair(b.uploadKbps, b.downloadKbps),
    pair(b.thresholdUploadKbps, b.thresholdDownloadKbps),
    `${b.seconds}s/${b.seconds}s`,
  ].join(' ')
}

/** Service types whose speed Loket can set: PPPoE through a profile, static IPs through a queue. */
export const SPEED_SERVICE_TYPES: readonly string[] = ['pppoe', 'static_ip', 'dedicated']

/** The name Loket gives a package's PPP profile when the operator names none: `loket-<slug>`. */
export function loketProfileName(packageName: string): string {
  const slug = packageName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return `loket-${slug || 'paket'}`
}
