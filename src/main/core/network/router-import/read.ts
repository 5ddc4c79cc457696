import type { RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { routerAppError } from '../router-errors'
import { QUEUE_FIELDS } from '../package-speed'
import { routerApi } from '../routers'
import { parseRateLimit, parseRouterBool, type RouterRow } from '../routeros'

/** One login on the router, PPPoE secret or hotspot user, in the words Loket uses. */
export interface RouterLogin {
  kind: 'pppoe' | 'hotspot'
  name: string
  password: string
  profile: string
  disabled: boolean
  comment: string
  /** A PPPoE secret's fixed address (remote-address), when it is an IPv4 address. */
  remoteAddress: string | null
  /** Why it is not a subscriber: a voucher, or the router's built-in trial user. */
  voucher: boolean
}

export interface RouterProfile {
  kind: 'pppoe' | 'hotspot'
  name: string
  /** Mbps, from the rate-limit rx/tx (rx = the client's upload); null when the profile has none. */
  downloadMbps: number | null
  uploadMbps: number | null
  /** The rate-limit as the router prints it ('' when none). */
  rateLimit: string
}

/** A simple queue: its name, target and limits (RouterOS fields). */
export type RouterQueue = RouterRow

export interface RouterSnapshot {
  logins: RouterLogin[]
  profiles: RouterProfile[]
  /** Addresses in the router's isolir address-list. */
  isolirListed: Set<string>
  /** Simple queues by name (read only when asked: reconciliation of static services). */
  queues?: Map<string, RouterQueue>
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const SECRET_FIELDS = ['name', 'password', 'profile', 'disabled', 'comment', 'remote-address']
const HOTSPOT_FIELDS = [
  'name',
  'password',
  'profile',
  'disabled',
  'comment',
  'limit-uptime',
  'limit-bytes-total',
]

/**
 * A hotspot user that is a voucher, not a subscriber: Mikhmon marks its vouchers with a comment
 * `vc-…` (voucher mode) or `up-…` (user/password mode); other generators write "voucher…"; and a
 * login limited in time or bytes is sold by the hour, not by the month. `default-trial` is
 * RouterOS's own trial user.
 */
export function isVoucher(row: RouterRow): boolean {
  const comment = (row.comment ?? '').trim().toLowerCase()
  if (/^(vc|up)-/.test(comment) || comment.startsWith('voucher')) return true
  if (row.name === 'default-trial') return true
  const uptime = (row['limit-uptime'] ?? '').trim()
  if (uptime && uptime !== '0s' && uptime !== '0') return true
  const bytes = (row['limit-bytes-total'] ?? '').trim()
  return bytes !== '' && bytes !== '0'
}

function toProfile(kind: 'pppoe' | 'hotspot', row: RouterRow): RouterProfile {
  const rate = parseRateLimit(row['rate-limit'])
  const mbps = (bits: number) => Math.round(bits / 1000) / 1000
  return {
    kind,
    name: row.name ?? '',
    downloadMbps: rate ? mbps(rate.tx) : null,
    uploadMbps: rate ? mbps(rate.rx) : null,
    rateLimit: row['rate-limit'] ?? '',
  }
}

/**
 * Everything an import or a reconciliation compares, read over the router's pooled connection in
 * a few prints (5,000 secrets are one print). Never inside a database transaction.
 */
export async function readRouter(
  deps: NetworkDeps,
  router: RouterDbRow,
  options: { hotspot?: boolean; addressList?: boolean; queues?: boolean } = {},
): Promise<RouterSnapshot> {
  const api = routerApi(deps, router)
  try {
    const hotspot = options.hotspot !== false
    const [secrets, pppProfiles, users, userProfiles, listed, queues] = await Promise.all([
      api.run('/ppp/secret/print', {}, { proplist: SECRET_FIELDS }),
      api.run('/ppp/profile/print', {}, { proplist: ['name', 'rate-limit'] }),
      hotspot
        ? api.run('/ip/hotspot/user/print', {}, { proplist: HOTSPOT_FIELDS })
        : Promise.resolve([]),
      hotspot
        ? api.run('/ip/hotspot/user/profile/print', {}, { proplist: ['name', 'rate-limit'] })
        : Promise.resolve([]),
      options.addressList
        ? api.run(
            '/ip/firewall/address-list/print',
            {},
            { where: { list: router.isolir_list }, proplist: ['address'] },
          )
        : Promise.resolve([]),
      options.queues
        ? api.run('/queue/simple/print', {}, { proplist: QUEUE_FIELDS })
        : Promise.resolve(null),
    ])
    const login = (kind: 'pppoe' | 'hotspot', r: RouterRow): RouterLogin => {
      const address = (r['remote-address'] ?? '').trim()
      return {
        kind,
        name: r.name ?? '',
        password: r.password ?? '',
        profile: r.profile || 'default',
        disabled: parseRouterBool(r.disabled),
        comment: (r.comment ?? '').trim(),
        remoteAddress: kind === 'pppoe' && IPV4.test(address) ? address : null,
        voucher: kind === 'hotspot' && isVoucher(r),
      }
    }
    return {
      logins: [
        ...secrets.map((r) => login('pppoe', r)),
        ...users.map((r) => login('hotspot', r)),
      ].filter((l) => l.name !== ''),
      profiles: [
        ...pppProfiles.map((r) => toProfile('pppoe', r)),
        ...userProfiles.map((r) => toProfile('hotspot', r)),
      ],
      isolirListed: new Set(listed.map((r) => (r.address ?? '').replace(/\/32$/, ''))),
      ...(queues ? { queues: new Map(queues.map((q) => [q.name ?? '', q])) } : {}),
    }
  } catch (error) {
    throw routerAppError(error, router)
  }
}
