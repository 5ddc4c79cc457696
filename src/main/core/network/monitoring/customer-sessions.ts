import { AppError } from '@shared/errors'
import type { NetworkDeps } from '../deps'
import { parseUptime } from '../routeros'
import { onRouter, monitorError, type MonitorError } from './router-call'

/**
 * The troubleshooting screen asks while a customer is on the phone: a router that does not
 * answer within this long is reported as such, and the rest of the screen carries on.
 */
export const TROUBLE_TIMEOUT_MS = 4000

/** The PPPoE session of one of the customer's services, as its router sees it right now. */
export type CustomerSession = {
  serviceId: number
  sid: string
  status: string
  login: string | null
  routerId: number | null
  routerName: string | null
} & (
  | {
      /** Nothing to ask: no PPPoE login or no router on the service. */
      state: 'not_configured'
    }
  | {
      state: 'online' | 'offline'
      /** The live session (`/ppp/active`); null when offline. */
      session: {
        id: string
        address: string
        callerId: string
        uptime: string
        uptimeSeconds: number | null
      } | null
      /** From the login's `/ppp/secret` (RouterOS 7): null when the router never recorded one. */
      lastLoggedOut: string | null
      lastDisconnectReason: string | null
      lastCallerId: string | null
      /** false when the router has no secret of this login at all. */
      secretFound: boolean
    }
  | { state: 'error'; error: MonitorError }
)

/** RouterOS writes this for a login that never logged out since the secret was made. */
const NEVER = /^(1970-01-01|jan\/01\/1970)/i

function text(value: string | undefined): string | null {
  const v = value?.trim()
  return v ? v : null
}

/** Rejects with ROUTER_TIMEOUT after `ms` whatever the connection is doing (connecting too). */
function within<T>(work: Promise<T>, ms: number, where: { host: string; port: number }) {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new AppError('ROUTER_TIMEOUT', `no answer within ${ms} ms`, where)),
      ms,
    )
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

/**
 * Each PPPoE service of a customer with its session read live from its router: online (address,
 * uptime, caller-id) or offline with the last logout and its reason. The routers are asked side
 * by side, each within `timeoutMs`; one that fails is that service's error only.
 */
export async function customerSessions(
  deps: NetworkDeps,
  companyId: number,
  customerId: number,
  timeoutMs = TROUBLE_TIMEOUT_MS,
): Promise<CustomerSession[]> {
  const customer = await deps.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const services = await deps.db
    .selectFrom('services')
    .leftJoin('routers', (j) =>
      j.onRef('routers.id', '=', 'services.router_id').on('routers.company_id', '=', companyId),
    )
    .select([
      'services.id as serviceId',
      'services.sid',
      'services.status',
      'services.pppoe_username as login',
      'services.router_id as routerId',
      'routers.name as routerName',
    ])
    .where('services.company_id', '=', companyId)
    .where('services.customer_id', '=', customerId)
    .where('services.status', '!=', 'putus')
    .orderBy('services.id')
    .execute()
  const routerIds = [...new Set(services.flatMap((s) => (s.routerId ? [s.routerId] : [])))]
  const routers = routerIds.length
    ? await deps.db
        .selectFrom('routers')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', 'in', routerIds)
        .execute()
    : []
  return Promise.all(
    services.map(async (s): Promise<CustomerSession> => {
      const base = {
        serviceId: s.serviceId,
        sid: s.sid,
        status: s.status,
        login: s.login,
        routerId: s.routerId,
        routerName: s.routerName ?? null,
      }
      const row = routers.find((r) => r.id === s.routerId)
      if (!s.login || !row) return { ...base, state: 'not_configured' }
      const login = s.login
      try {
        const [active, secrets] = await within(
          onRouter(deps, row, (api) =>
            Promise.all([
              api.run(
                '/ppp/active/print',
                {},
                {
                  where: { name: login },
                  proplist: ['.id', 'name', 'caller-id', 'address', 'uptime'],
                  timeoutMs,
                },
              ),
              api.run(
                '/ppp/secret/print',
                {},
                {
                  where: { name: login },
                  proplist: ['name', 'last-logged-out', 'last-caller-id', 'last-disconnect-reason'],
                  timeoutMs,
                },
              ),
            ]),
          ),
          timeoutMs,
          row,
        )
        const live = active[0]
        const secret = secrets[0]
        const loggedOut = text(secret?.['last-logged-out'])
        const seconds = live ? parseUptime(live.uptime ?? '') : Number.NaN
        return {
          ...base,
          state: live ? 'online' : 'offline',
          session: live
            ? {
                id: live['.id'] ?? '',
                address: live.address ?? '',
                callerId: live['caller-id'] ?? '',
                uptime: live.uptime ?? '',
                uptimeSeconds: Number.isNaN(seconds) ? null : Math.round(seconds),
              }
            : null,
          lastLoggedOut: loggedOut && !NEVER.test(loggedOut) ? loggedOut : null,
          lastDisconnectReason: text(secret?.['last-disconnect-reason']),
          lastCallerId: text(secret?.['last-caller-id']),
          secretFound: secret !== undefined,
        }
      } catch (error) {
        return { ...base, state: 'error', error: monitorError(error, row) }
      }
    }),
  )
}
