import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { loketProfileName, SPEED_SERVICE_TYPES } from '@shared/speeds'
import type { Database, ProductRow } from '../db'

/** The speed columns a package stores (kbps, seconds) and whether Loket keeps them on the router. */
export interface SpeedValues {
  download_kbps: number | null
  upload_kbps: number | null
  burst_download_kbps: number | null
  burst_upload_kbps: number | null
  burst_threshold_download_kbps: number | null
  burst_threshold_upload_kbps: number | null
  burst_time_s: number | null
  speed_on_router: number
}

export const SPEED_COLUMNS = [
  'download_kbps',
  'upload_kbps',
  'burst_download_kbps',
  'burst_upload_kbps',
  'burst_threshold_download_kbps',
  'burst_threshold_upload_kbps',
  'burst_time_s',
] as const

/** Loket keeps a speed only for the types it can set, and only a whole one. */
export function speedOnRouter(serviceType: string, wanted: boolean, v: SpeedValues): number {
  return wanted && SPEED_SERVICE_TYPES.includes(serviceType) && v.download_kbps && v.upload_kbps
    ? 1
    : 0
}

export const sameSpeed = (a: SpeedValues, b: SpeedValues) =>
  SPEED_COLUMNS.every((k) => (a[k] ?? null) === (b[k] ?? null))

type Candidate = SpeedValues & { service_type: string; router_profile: string | null }

/**
 * The PPP profile a PPPoE package ends up on. Two packages may share a profile only with the same
 * speed once Loket sets the speed of either: the operator's name is refused then
 * (ROUTER_PROFILE_SPEED_CONFLICT); a name Loket makes up (`loket-<slug>`, no name given) takes
 * the next free suffix instead.
 */
export async function resolveRouterProfile(
  tx: Kysely<Database>,
  companyId: number,
  p: Candidate & { name: string },
  exceptId?: number,
): Promise<string | null> {
  if (p.service_type !== 'pppoe') return p.router_profile
  const given = p.router_profile
  if (!given && p.speed_on_router !== 1) return null
  const clash = async (profile: string) => {
    let q = tx
      .selectFrom('products')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('service_type', '=', 'pppoe')
      .where('router_profile', '=', profile)
    if (exceptId) q = q.where('id', '!=', exceptId)
    const others: ProductRow[] = await q.orderBy('id').execute()
    return (
      others.find(
        (o) => (o.speed_on_router === 1 || p.speed_on_router === 1) && !sameSpeed(o, p),
      ) ?? null
    )
  }
  if (given) {
    const other = await clash(given)
    if (other)
      throw new AppError('ROUTER_PROFILE_SPEED_CONFLICT', undefined, {
        profile: given,
        product: other.name,
      })
    return given
  }
  const base = loketProfileName(p.name)
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`
    if (!(await clash(name))) return name
  }
}
