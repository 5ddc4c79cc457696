import type { Kysely, Selectable } from 'kysely'
import { AppError } from '@shared/errors'
import { quotaToBytes, type HotspotProfileInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../../audit'
import { enqueueDeviceJob } from '../../device-jobs'
import { writeTx, type Database, type HotspotProfilesTable } from '../../db'
import type { NetworkDeps } from '../deps'

export type CompanyActor = Actor & { companyId: number }
type ProfileRow = Selectable<HotspotProfilesTable>

export function profileView(p: ProfileRow & { router_name?: string }) {
  return {
    id: p.id,
    routerId: p.router_id,
    routerName: p.router_name ?? null,
    name: p.name,
    rateLimit: p.rate_limit,
    validity: p.validity,
    sharedUsers: p.shared_users,
    price: p.price,
    dnsName: p.dns_name,
    active: p.active === 1,
    /** limit-bytes-total of each new voucher; null = no data quota. */
    quotaBytes: p.quota_bytes,
  }
}
export type HotspotProfileView = ReturnType<typeof profileView>

export async function listProfiles(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('hotspot_profiles as p')
    .innerJoin('routers as r', 'r.id', 'p.router_id')
    .selectAll('p')
    .select('r.name as router_name')
    .where('p.company_id', '=', companyId)
    .orderBy('r.name')
    .orderBy('p.price')
    .orderBy('p.name')
    .execute()
  return rows.map(profileView)
}

export async function loadProfile(db: Kysely<Database>, companyId: number, id: number) {
  const row = await db
    .selectFrom('hotspot_profiles')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'hotspot profile')
  return row
}

const auditable = (p: ProfileRow) => ({
  router_id: p.router_id,
  name: p.name,
  rate_limit: p.rate_limit,
  validity: p.validity,
  shared_users: p.shared_users,
  price: p.price,
  dns_name: p.dns_name,
  active: p.active,
  quota_bytes: p.quota_bytes,
})

/**
 * Creates or edits a profile and queues `hotspot.profile` so the router's profile follows
 * (speed and shared users). Router and name stay as created: vouchers on the router name it.
 */
export async function saveProfile(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: HotspotProfileInput,
) {
  const view = await writeTx(deps.db, async (tx) => {
    const router = await tx
      .selectFrom('routers')
      .select('id')
      .where('id', '=', input.routerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!router) throw new AppError('NOT_FOUND', 'router')
    const now = deps.clock.now().toISOString()
    const fields = {
      rate_limit: input.rateLimit,
      validity: input.validity,
      shared_users: input.sharedUsers,
      price: input.price,
      dns_name: input.dnsName,
      active: input.active ? 1 : 0,
      quota_bytes:
        input.quotaAmount === null ? null : quotaToBytes(input.quotaAmount, input.quotaUnit),
      updated_at: now,
    }
    let before: ProfileRow | null = null
    let row: ProfileRow
    if (input.id) {
      before = await loadProfile(tx, actor.companyId, input.id)
      row = await tx
        .updateTable('hotspot_profiles')
        .set(fields)
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    } else {
      const clash = await tx
        .selectFrom('hotspot_profiles')
        .select('id')
        .where('router_id', '=', input.routerId)
        .where('name', '=', input.name)
        .executeTakeFirst()
      if (clash) throw new AppError('NAME_TAKEN', 'hotspot profile', { name: input.name })
      row = await tx
        .insertInto('hotspot_profiles')
        .values({
          ...fields,
          company_id: actor.companyId,
          router_id: input.routerId,
          name: input.name,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    }
    await enqueueDeviceJob(
      tx,
      {
        companyId: actor.companyId,
        routerId: row.router_id,
        kind: 'hotspot.profile',
        target: String(row.id),
        reason: `profil hotspot ${row.name}`,
        by: actor.username,
      },
      deps.clock.now(),
    )
    await appendAudit(tx, deps.clock, actor, {
      action: 'hotspot.profile_save',
      entityType: 'hotspot_profile',
      entityId: row.id,
      ...(before ? { before: auditable(before) } : {}),
      after: auditable(row),
    })
    return profileView(row)
  })
  deps.onDeviceJobs?.()
  return view
}
