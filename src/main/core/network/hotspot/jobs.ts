import { AppError } from '@shared/errors'
import type { Selectable } from 'kysely'
import type { HotspotProfilesTable } from '../../db'
import type { DeviceJobHandler } from '../job-handlers'
import { parseRouterBool, RouterError, type RouterApi } from '../routeros'
import { batchComment, openVoucher } from './batches'

type ProfileRow = Selectable<HotspotProfilesTable>

const USER = '/ip/hotspot/user'
const PROFILE = '/ip/hotspot/user/profile'
const ACTIVE = '/ip/hotspot/active'

/** Makes the router's user profile carry the speed and shared users Loket holds for it. */
export async function ensureProfile(
  api: RouterApi,
  p: Pick<ProfileRow, 'name' | 'rate_limit' | 'shared_users'>,
  retry = true,
): Promise<'created' | 'updated' | 'unchanged'> {
  const [row] = await api.run(
    `${PROFILE}/print`,
    {},
    { where: { name: p.name }, proplist: ['.id', 'name', 'rate-limit', 'shared-users'] },
  )
  const wanted = { 'rate-limit': p.rate_limit, 'shared-users': String(p.shared_users) }
  if (!row) {
    try {
      await api.run(`${PROFILE}/add`, { name: p.name, ...wanted })
      return 'created'
    } catch (error) {
      // The profile's own job and a batch's push run side by side: the other one just made it.
      if (retry && error instanceof RouterError && error.kind === 'trap')
        return ensureProfile(api, p, false)
      throw error
    }
  }
  const changes = Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => (row[k] ?? '') !== v),
  )
  if (Object.keys(changes).length === 0) return 'unchanged'
  await api.run(`${PROFILE}/set`, { '.id': row['.id'], ...changes })
  return 'updated'
}

/** The names of every hotspot user on the router (one print, names only). */
async function routerUserNames(api: RouterApi): Promise<Set<string>> {
  const rows = await api.run(`${USER}/print`, {}, { proplist: ['name'] })
  return new Set(rows.map((r) => r.name ?? ''))
}

export const hotspotJobHandlers: Record<string, DeviceJobHandler> = {
  /** target = profile id. */
  'hotspot.profile': async ({ deps, api, job }) => {
    const profile = await deps.db
      .selectFrom('hotspot_profiles')
      .selectAll()
      .where('id', '=', Number(job.target))
      .where('company_id', '=', job.company_id)
      .executeTakeFirst()
    if (!profile) return { action: 'skipped' }
    return { action: await ensureProfile(api, profile) }
  },

  /**
   * target = batch id. Adds every voucher of the batch the router does not have yet (a re-run
   * after a crash or a retry adds nothing twice); a voucher disabled in Loket goes in disabled.
   */
  'hotspot.push': async ({ deps, api, job }) => {
    const batch = await deps.db
      .selectFrom('hotspot_batches as b')
      .innerJoin('hotspot_profiles as p', 'p.id', 'b.profile_id')
      .select(['b.id', 'b.validity', 'b.quota_bytes', 'p.name', 'p.rate_limit', 'p.shared_users'])
      .where('b.id', '=', Number(job.target))
      .where('b.company_id', '=', job.company_id)
      .executeTakeFirst()
    if (!batch) throw new AppError('NOT_FOUND', `hotspot batch ${job.target}`)
    const vouchers = (
      await deps.db
        .selectFrom('hotspot_vouchers')
        .select(['username', 'password', 'status'])
        .where('batch_id', '=', batch.id)
        .orderBy('id')
        .execute()
    ).map((v) => ({ ...openVoucher(deps.secrets, v), status: v.status }))
    const profile = await ensureProfile(api, batch)
    const present = await routerUserNames(api)
    const missing = vouchers.filter((v) => !present.has(v.username))
    // All at once: the connection pipelines them within its window.
    await Promise.all(
      missing.map((v) =>
        api.run(`${USER}/add`, {
          name: v.username,
          password: v.password,
          profile: batch.name,
          'limit-uptime': batch.validity,
          // The quota is per user on RouterOS (a user profile has no byte limit).
          ...(batch.quota_bytes !== null ? { 'limit-bytes-total': batch.quota_bytes } : {}),
          comment: batchComment(batch.id),
          ...(v.status === 'nonaktif' ? { disabled: true } : {}),
        }),
      ),
    )
    return { profile, added: missing.length, skipped: vouchers.length - missing.length }
  },

  /**
   * target = `batch:ID`: every voucher of the batch disabled in Loket gets disabled=yes on the
   * router and its session ended. The codes are read (and opened) when the job runs, so the queue
   * never holds them in clear; jobs queued by an older version carry them in payload.names.
   */
  'hotspot.disable': async ({ deps, api, job }) => {
    const payload = JSON.parse(job.payload) as { names?: unknown }
    const batchId = Number(job.target.replace(/^batch:/, ''))
    const names = new Set(
      Array.isArray(payload.names)
        ? (payload.names as string[])
        : (
            await deps.db
              .selectFrom('hotspot_vouchers')
              .select(['username', 'password'])
              .where('batch_id', '=', batchId)
              .where('company_id', '=', job.company_id)
              .where('status', '=', 'nonaktif')
              .execute()
          ).map((v) => openVoucher(deps.secrets, v).username),
    )
    if (names.size === 0) return { disabled: 0, kicked: 0 }
    const users = await api.run(`${USER}/print`, {}, { proplist: ['.id', 'name', 'disabled'] })
    const toDisable = users.filter((u) => names.has(u.name ?? '') && !parseRouterBool(u.disabled))
    await Promise.all(
      toDisable.map((u) => api.run(`${USER}/set`, { '.id': u['.id'], disabled: true })),
    )
    const sessions = await api.run(`${ACTIVE}/print`, {}, { proplist: ['.id', 'user'] })
    const kick = sessions.filter((s) => names.has(s.user ?? ''))
    await Promise.all(kick.map((s) => api.run(`${ACTIVE}/remove`, { '.id': s['.id'] })))
    return { disabled: toDisable.length, kicked: kick.length }
  },
}
