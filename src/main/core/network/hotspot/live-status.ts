import { loadRouter, routerApi } from '../routers'
import { routerAppError } from '../router-errors'
import type { NetworkDeps } from '../deps'
import { loadBatch, openVoucher } from './batches'
import { classifyVoucher, type VoucherUsage } from './status'

const USER_FIELDS = [
  'name',
  'profile',
  'disabled',
  'uptime',
  'bytes-in',
  'bytes-out',
  'limit-uptime',
  'limit-bytes-total',
  'comment',
]

/**
 * The batch's vouchers as the router sees them now. A read, so it may talk to the router inside
 * the request (changes never do); an unreachable router is an error the operator can read.
 */
export async function batchLiveStatus(
  deps: NetworkDeps,
  companyId: number,
  batchId: number,
  options: { codes: boolean },
): Promise<{
  checkedAt: string
  vouchers: ({ id: number; username: string | null } & VoucherUsage)[]
}> {
  const batch = await loadBatch(deps.db, companyId, batchId)
  const router = await loadRouter(deps.db, companyId, batch.router_id)
  const vouchers = await deps.db
    .selectFrom('hotspot_vouchers')
    .select(['id', 'username', 'password', 'status'])
    .where('batch_id', '=', batch.id)
    .orderBy('id')
    .execute()
  const api = routerApi(deps, router)
  let users, sessions
  try {
    ;[users, sessions] = await Promise.all([
      api.run('/ip/hotspot/user/print', {}, { proplist: USER_FIELDS }),
      api.run('/ip/hotspot/active/print', {}, { proplist: ['user'] }),
    ])
  } catch (error) {
    throw routerAppError(error, router)
  }
  const byName = new Map(users.map((u) => [u.name ?? '', u]))
  const online = new Set(sessions.map((s) => s.user ?? ''))
  return {
    checkedAt: deps.clock.now().toISOString(),
    vouchers: vouchers.map((v) => {
      const { username } = openVoucher(deps.secrets, v)
      return {
        id: v.id,
        // The code is shown only to those who sell or manage vouchers (issue 13 #7).
        username: options.codes ? username : null,
        ...classifyVoucher(byName.get(username), online.has(username), v.status === 'nonaktif'),
      }
    }),
  }
}
