import type { VoucherState } from '@shared/schemas'
import { parseRouterBool, parseUptime, type RouterRow } from '../routeros'

export interface VoucherUsage {
  state: VoucherState
  /** Seconds logged in so far (RouterOS `uptime`). */
  uptimeSeconds: number
  /** Seconds allowed (`limit-uptime`), null when unlimited. */
  limitSeconds: number | null
  /** Bytes received from the user (their upload), RouterOS `bytes-in`. */
  bytesIn: number
  /** Bytes sent to the user (their download), RouterOS `bytes-out`. */
  bytesOut: number
  /** Bytes allowed in and out together (`limit-bytes-total`), null when unlimited. */
  quotaBytes: number | null
}

const num = (text: string | undefined) => {
  const n = Number(text ?? 0)
  return Number.isFinite(n) ? n : 0
}

/**
 * What a voucher is, from its /ip/hotspot/user row and whether a session of it is in
 * /ip/hotspot/active. Disabled wins (an operator's decision), then online now, then used up,
 * then used, then untouched. Used up is its time (limit-uptime) or its data (limit-bytes-total:
 * bytes in and out together). A voucher Loket disabled counts as disabled even before the router
 * has applied it.
 */
export function classifyVoucher(
  row: RouterRow | undefined,
  online: boolean,
  disabledInLoket = false,
): VoucherUsage {
  if (!row) {
    return {
      state: disabledInLoket ? 'nonaktif' : 'tidak_ada',
      uptimeSeconds: 0,
      limitSeconds: null,
      bytesIn: 0,
      bytesOut: 0,
      quotaBytes: null,
    }
  }
  const uptime = parseUptime(row.uptime ?? '0s')
  const limit = row['limit-uptime'] ? parseUptime(row['limit-uptime']) : Number.NaN
  const usage = {
    uptimeSeconds: Number.isNaN(uptime) ? 0 : uptime,
    limitSeconds: Number.isNaN(limit) || limit <= 0 ? null : limit,
    bytesIn: num(row['bytes-in']),
    bytesOut: num(row['bytes-out']),
    quotaBytes: num(row['limit-bytes-total']) > 0 ? num(row['limit-bytes-total']) : null,
  }
  const usedUp =
    (usage.limitSeconds !== null && usage.uptimeSeconds >= usage.limitSeconds) ||
    (usage.quotaBytes !== null && usage.bytesIn + usage.bytesOut >= usage.quotaBytes)
  const state: VoucherState =
    disabledInLoket || parseRouterBool(row.disabled)
      ? 'nonaktif'
      : online
        ? 'aktif'
        : usedUp
          ? 'kadaluarsa'
          : usage.uptimeSeconds > 0
            ? 'terpakai'
            : 'belum_dipakai'
  return { state, ...usage }
}
