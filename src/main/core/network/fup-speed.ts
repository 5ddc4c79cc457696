import { sql } from 'kysely'
import { rateLimitText, type PackageSpeed } from '@shared/speeds'
import { packageSpeed, type ProfileSpec, type SpeedColumns } from './package-speed'

/** A package's FUP columns (products row, or the same columns joined under a service). */
export interface FupColumns extends SpeedColumns {
  router_profile: string | null
  fup_download_kbps: number | null
  fup_upload_kbps: number | null
  fup_profile: string | null
}

/** The columns of FupColumns, as a query joining `products as p` selects them. */
export const PACKAGE_FUP_COLUMNS = [
  'p.service_type',
  'p.router_profile',
  'p.download_kbps',
  'p.upload_kbps',
  'p.burst_download_kbps',
  'p.burst_upload_kbps',
  'p.burst_threshold_download_kbps',
  'p.burst_threshold_upload_kbps',
  'p.burst_time_s',
  'p.speed_on_router',
  'p.fup_download_kbps',
  'p.fup_upload_kbps',
  'p.fup_profile',
] as const

/** The speed past the quota (no burst), or null when the package has none. */
export function fupSpeed(p: FupColumns): PackageSpeed | null {
  if (!p.fup_download_kbps || !p.fup_upload_kbps) return null
  return { downloadKbps: p.fup_download_kbps, uploadKbps: p.fup_upload_kbps, burst: null }
}

/** Loket's FUP profile for a package profile it keeps: `loket-paket-20-fup`. */
export const loketFupProfileName = (packageProfile: string) => `${packageProfile}-fup`

/**
 * The PPP profile a throttled PPPoE service moves to: the package's named `fup_profile` (the
 * router's own, used as it is), or — when Loket keeps the package's speed on the router — a
 * Loket-named profile with the FUP rate-limit that Loket creates and keeps equal (`spec`).
 * Null: the package has no way to throttle a PPPoE service.
 */
export function fupProfile(p: FupColumns): { name: string; spec: ProfileSpec | null } | null {
  if (p.service_type !== 'pppoe') return null
  if (p.fup_profile) return { name: p.fup_profile, spec: null }
  const speed = fupSpeed(p)
  if (!speed || !p.router_profile || !packageSpeed(p)) return null
  const name = loketFupProfileName(p.router_profile)
  return { name, spec: { name, rateLimit: rateLimitText(speed) } }
}

/**
 * The speed a throttled static service's simple queue gets: only where Loket keeps the queue
 * (the package's speed on the router) and the package has a FUP speed.
 */
export function fupQueueSpeed(p: FupColumns): PackageSpeed | null {
  if (p.service_type !== 'static_ip' && p.service_type !== 'dedicated') return null
  return packageSpeed(p) ? fupSpeed(p) : null
}

/** Whether Loket can move a service of this package to FUP on its router. */
export const canThrottle = (p: FupColumns) => fupProfile(p) !== null || fupQueueSpeed(p) !== null

/**
 * In a query over `services as s`: how many throttles of the service are open (usage_fup:
 * throttled, not yet restored) — above 0 while it is past its quota.
 */
export const fupOpen = sql<number>`(select count(*) from usage_fup f
  where f.service_id = s.id and f.throttled_at is not null and f.restored_at is null)`
