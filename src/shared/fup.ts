import type { ServiceType } from './catalog'
import { SPEED_SERVICE_TYPES } from './speeds'

/** Why a package's FUP speed would never reach a router (see fupWithoutEffect). */
export type FupGap = 'pppoe_needs_profile' | 'queue_needs_speed_on_router' | 'type_not_throttled'

/**
 * Why a package's speed past the quota would never be applied, or null when it would (or the
 * package has none). The router worker throttles a PPPoE service by moving its secret to the FUP
 * profile: the one named here, or Loket's own, which exists only where Loket keeps the package's
 * speed on the router (its PPP profile is then always named, by the operator or by Loket). A
 * static or dedicated service is slowed in its simple queue, which is Loket's only where Loket
 * keeps the speed. Other service types are never throttled. core/network/fup-speed.ts applies the same rules; a test holds them equal.
 */
export function fupWithoutEffect(p: {
  serviceType: ServiceType
  speedOnRouter: boolean
  downloadMbps: number | null
  uploadMbps: number | null
  fupDownloadMbps: number | null
  fupUploadMbps: number | null
  fupProfile: string | null
}): FupGap | null {
  if (p.fupDownloadMbps === null || p.fupUploadMbps === null) return null
  const kept =
    p.speedOnRouter &&
    SPEED_SERVICE_TYPES.includes(p.serviceType) &&
    !!p.downloadMbps &&
    !!p.uploadMbps
  if (p.serviceType === 'pppoe') {
    return p.fupProfile || kept ? null : 'pppoe_needs_profile'
  }
  if (p.serviceType === 'static_ip' || p.serviceType === 'dedicated') {
    return kept ? null : 'queue_needs_speed_on_router'
  }
  return 'type_not_throttled'
}
