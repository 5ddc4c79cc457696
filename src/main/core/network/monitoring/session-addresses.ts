import { writeTx, type Db } from '../../db'
import type { NetworkDeps } from '../deps'
import { routerApi } from '../routers'
import { activeRouters } from './router-call'

/** A session Loket saw: whose service it is and the address the router gave it. */
export interface SeenSession {
  serviceId: number
  address: string
}

/** An IPv4 address as RouterOS prints it (a session still negotiating has none). */
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/

/**
 * Records where the router's active sessions are now, so the isolir page knows an isolated
 * customer by the address of their browser: an isolated login dials into the isolir pool and
 * gets an address nothing else in the database knows. An address belongs to whoever was seen
 * with it last; a login seen with a new address gives its old one up.
 */
export async function rememberSessionAddresses(
  deps: Pick<NetworkDeps, 'db' | 'clock'>,
  companyId: number,
  routerId: number,
  sessions: SeenSession[],
): Promise<void> {
  const seen = sessions.filter((s) => IPV4.test(s.address))
  if (seen.length === 0) return
  const at = deps.clock.now().toISOString()
  await writeTx(deps.db, async (tx) => {
    for (const s of seen) {
      await tx
        .deleteFrom('session_addresses')
        .where('company_id', '=', companyId)
        .where((eb) => eb.or([eb('service_id', '=', s.serviceId), eb('address', '=', s.address)]))
        .execute()
      await tx
        .insertInto('session_addresses')
        .values({
          company_id: companyId,
          address: s.address,
          service_id: s.serviceId,
          router_id: routerId,
          seen_at: at,
        })
        .execute()
    }
  })
}

/** Who is behind an address: the service, its customer and company. */
export interface AddressOwner {
  companyId: number
  customerId: number
  serviceId: number
}

/** `::ffff:10.0.0.2` (a dual-stack socket's IPv4 peer) is `10.0.0.2`. */
export function plainAddress(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip
}

/**
 * The service at `ip` as the database knows it: a fixed address (a static-IP service, or a
 * PPPoE login's fixed remote-address, both kept in `static_ip`) first, then the address its
 * session was last seen with. A terminated service owns no address.
 */
export async function serviceAtAddress(db: Db, ip: string): Promise<AddressOwner | null> {
  const address = plainAddress(ip)
  if (!IPV4.test(address)) return null
  const fixed = await db
    .selectFrom('services')
    .select(['company_id as companyId', 'customer_id as customerId', 'id as serviceId'])
    .where('static_ip', '=', address)
    .where('status', '!=', 'putus')
    .orderBy('id')
    .executeTakeFirst()
  if (fixed) return fixed
  const seen = await db
    .selectFrom('session_addresses')
    .innerJoin('services', 'services.id', 'session_addresses.service_id')
    .select([
      'services.company_id as companyId',
      'services.customer_id as customerId',
      'services.id as serviceId',
    ])
    .where('session_addresses.address', '=', address)
    .where('services.status', '!=', 'putus')
    .orderBy('session_addresses.seen_at', 'desc')
    .executeTakeFirst()
  return seen ?? null
}

/** A page waits this long for a router before it gives up asking. */
const LOOKUP_TIMEOUT_MS = 3000

/**
 * Asks the company's routers which PPPoE session has `ip` now (`/ppp/active/print
 * ?address=…`) and records what they say. For an isolated browser the database does not know
 * yet: it dialled into the isolir pool after the kick, and nobody has read the sessions since.
 * A router that does not answer is skipped: the page then shows the general notice.
 */
export async function lookUpSessionAddress(
  deps: NetworkDeps,
  ip: string,
): Promise<AddressOwner | null> {
  const address = plainAddress(ip)
  if (!IPV4.test(address)) return null
  const routers = await deps.db
    .selectFrom('routers')
    .select('company_id')
    .distinct()
    .where('active', '=', 1)
    .execute()
  for (const { company_id: companyId } of routers) {
    for (const row of await activeRouters(deps.db, companyId)) {
      let names: string[]
      try {
        const rows = await routerApi(deps, row).run(
          '/ppp/active/print',
          {},
          { where: { address }, proplist: ['name', 'address'], timeoutMs: LOOKUP_TIMEOUT_MS },
        )
        names = rows.map((r) => r.name ?? '').filter(Boolean)
      } catch {
        continue
      }
      if (names.length === 0) continue
      const service = await deps.db
        .selectFrom('services')
        .select('id')
        .where('company_id', '=', companyId)
        .where('router_id', '=', row.id)
        .where('pppoe_username', 'in', names)
        .where('status', '!=', 'putus')
        .orderBy('id')
        .executeTakeFirst()
      if (!service) continue
      await rememberSessionAddresses(deps, companyId, row.id, [{ serviceId: service.id, address }])
      return serviceAtAddress(deps.db, address)
    }
  }
  return null
}
