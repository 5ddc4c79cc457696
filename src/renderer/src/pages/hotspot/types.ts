import { queryClient, trpc } from '../../api/client'
import type { RouterOutputs } from '../../session/session'

export type ProfileRow = RouterOutputs['hotspot']['profiles'][number]
export type BatchRow = RouterOutputs['hotspot']['batches'][number]
export type BatchDetail = RouterOutputs['hotspot']['batch']
export type VoucherRow = BatchDetail['vouchers'][number]
export type LiveVoucher = RouterOutputs['hotspot']['status']['vouchers'][number]

/** After a change: every hotspot list and the batch pages. */
export function refreshHotspot(): void {
  void queryClient.invalidateQueries(trpc.hotspot.pathFilter())
}

/** 93784 → "1d 2h 3m" (RouterOS's own units, read the same in both languages). */
export function formatSeconds(total: number): string {
  let s = Math.floor(total)
  if (s <= 0) return '0m'
  const d = Math.floor(s / 86_400)
  s -= d * 86_400
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  const parts = [d && `${d}d`, h && `${h}h`, m && `${m}m`].filter(Boolean)
  return parts.length ? parts.join(' ') : `${s}s`
}

const mb = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${mb.format(bytes / 1024)} KB`
  if (bytes < 1024 ** 3) return `${mb.format(bytes / 1024 ** 2)} MB`
  return `${mb.format(bytes / 1024 ** 3)} GB`
}
