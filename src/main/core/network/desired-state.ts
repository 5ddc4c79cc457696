import type { Kysely } from 'kysely'
import type { Database } from '../db'
import { rateLimitText } from '@shared/speeds'
import { openLogin, type SecretBox } from '../secrets'
import {
  fupOpen,
  fupProfile,
  fupQueueSpeed,
  PACKAGE_FUP_COLUMNS,
  type FupColumns,
} from './fup-speed'
import {
  packageSpeed,
  queueSpec,
  type ProfileSpec,
  type QueueSpec,
  type SpeedColumns,
} from './package-speed'

/**
 * What a service should look like on its router, decided from the database alone (the job that
 * applies it reads this when it runs, so it always applies the newest state):
 * - PPPoE: a secret named after the login; profile = the package's, or the router's isolir profile
 *   while isolated (INTEGRATIONS.md: never delete a secret to isolate); putus = disabled.
 * - Hotspot: a hotspot user, disabled while isolated or terminated.
 * - Static IP / dedicated: the address sits in the router's isolir address-list while isolated.
 * Services not yet active (registrasi … in_progress) are left alone: nothing is created early.
 * When Loket keeps the package's speed (package-speed.ts), a PPPoE service also needs its
 * package's profile to exist with that rate-limit, and a live static service its simple queue.
 * A service past its quota (FUP, core/usage/fup.ts: throttled this period and not yet restored)
 * gets its package's FUP profile or FUP queue speed instead; isolir still wins (an isolated
 * service stays isolated, and a restore during a throttled period returns it to FUP).
 */
export type DesiredState =
  | {
      kind: 'pppoe' | 'hotspot'
      name: string
      password: string
      profile: string
      disabled: boolean
      comment: string
      remoteAddress: string | null
      /** Create it when missing (a putus service is only disabled, never created). */
      provision: boolean
      /** The package's profile as Loket keeps it (null: the router's own profile, as named). */
      profileSpec: ProfileSpec | null
    }
  | {
      kind: 'address-list'
      list: string
      address: string
      comment: string
      listed: boolean
      /** The service's simple queue (null: the package's speed is not Loket's to set). */
      queue: QueueSpec | null
    }
  | { kind: 'none'; why: 'not_active' | 'no_login' | 'no_address' | 'not_network' }

export interface ServiceNetworkRow extends SpeedColumns, FupColumns {
  id: number
  product_id: number
  product_name: string
  company_id: number
  sid: string
  status: string
  router_id: number | null
  pppoe_username: string | null
  pppoe_password: string | null
  static_ip: string | null
  service_type: string
  router_profile: string | null
  customer_code: string
  customer_name: string
  isolir_profile: string | null
  isolir_list: string | null
  /** 1 while the service is past its quota this period (an open usage_fup row). */
  fup_throttled: number
}

const LIVE = new Set(['aktif', 'isolir', 'putus'])

export function desiredState(s: ServiceNetworkRow): DesiredState {
  if (!LIVE.has(s.status)) return { kind: 'none', why: 'not_active' }
  const isolated = s.status === 'isolir'
  if (s.service_type === 'pppoe' || s.service_type === 'hotspot') {
    if (!s.pppoe_username) return { kind: 'none', why: 'no_login' }
    const pppoe = s.service_type === 'pppoe'
    const speed = pppoe ? packageSpeed(s) : null
    const fup = s.fup_throttled === 1 ? fupProfile(s) : null
    const packageSpec =
      speed && s.router_profile ? { name: s.router_profile, rateLimit: rateLimitText(speed) } : null
    return {
      kind: pppoe ? 'pppoe' : 'hotspot',
      name: s.pppoe_username,
      password: s.pppoe_password ?? '',
      profile:
        pppoe && isolated
          ? (s.isolir_profile ?? 'ISOLIR')
          : (fup?.name ?? s.router_profile ?? 'default'),
      disabled: s.status === 'putus' || (!pppoe && isolated),
      comment: s.customer_code,
      remoteAddress: pppoe ? s.static_ip : null,
      provision: s.status !== 'putus',
      profileSpec: fup && !isolated ? fup.spec : packageSpec,
    }
  }
  if (s.service_type === 'static_ip' || s.service_type === 'dedicated') {
    if (!s.static_ip) return { kind: 'none', why: 'no_address' }
    const fup = s.fup_throttled === 1 ? fupQueueSpeed(s) : null
    const speed = fup ?? packageSpeed(s)
    return {
      kind: 'address-list',
      list: s.isolir_list ?? 'isolir',
      address: s.static_ip,
      comment: s.customer_code,
      listed: isolated,
      queue:
        speed && s.status !== 'putus'
          ? queueSpec(speed, { sid: s.sid, address: s.static_ip, comment: s.customer_code })
          : null,
    }
  }
  return { kind: 'none', why: 'not_network' }
}

/** The services with everything their desired state needs, in one query. */
export async function loadServiceNetworkRows(
  { db, secrets }: { db: Kysely<Database>; secrets: SecretBox },
  filter: { serviceIds?: number[]; routerId?: number; companyId: number },
): Promise<ServiceNetworkRow[]> {
  let q = db
    .selectFrom('services as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .leftJoin('routers as r', 'r.id', 's.router_id')
    .select([
      's.id',
      's.company_id',
      's.sid',
      's.status',
      's.router_id',
      's.pppoe_username',
      's.pppoe_password',
      's.static_ip',
      's.product_id',
      'p.name as product_name',
      ...PACKAGE_FUP_COLUMNS,
      fupOpen.as('fup_open'),
      'c.code as customer_code',
      'c.name as customer_name',
      'r.isolir_profile',
      'r.isolir_list',
    ])
    .where('s.company_id', '=', filter.companyId)
  if (filter.serviceIds) {
    if (filter.serviceIds.length === 0) return []
    q = q.where('s.id', 'in', filter.serviceIds)
  }
  if (filter.routerId !== undefined) q = q.where('s.router_id', '=', filter.routerId)
  // The router needs the password in clear; it is sealed at rest.
  return (await q.execute()).map(({ fup_open, ...r }) => ({
    ...r,
    pppoe_password: openLogin(secrets, r.pppoe_password),
    fup_throttled: Number(fup_open ?? 0) > 0 ? 1 : 0,
  }))
}
