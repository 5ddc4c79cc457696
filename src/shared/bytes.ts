/**
 * A byte count as people read it on an ISP's invoice and reports: decimal units (1 GB =
 * 1,000,000,000 bytes, as RouterOS's limit-bytes-total and the packages' quotas count), one
 * decimal from MB up, Indonesian decimal comma.
 */
export function bytesText(bytes: number): string {
  const units: [number, string][] = [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'KB'],
  ]
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const v = bytes / size
      const text = v >= 100 ? String(Math.round(v)) : v.toFixed(1).replace('.', ',')
      return `${text} ${unit}`
    }
  }
  return `${Math.max(0, Math.round(bytes))} B`
}
