import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { HotspotBatchInput } from '@shared/schemas'
import { appendAudit } from '../../audit'
import { enqueueDeviceJob } from '../../device-jobs'
import { insertRows, writeTx, type Database } from '../../db'
import type { NetworkDeps } from '../deps'
import { openLogin, type SecretBox } from '../../secrets'
import { generateCodes, type TakenNames } from './codes'
import { loadProfile, type CompanyActor } from './profiles'

/** How far a batch got to its router: the status of its latest `hotspot.push` job. */
export type PushState = 'menunggu' | 'terkirim' | 'gagal'

const PUSH_STATE: Record<string, PushState> = {
  pending: 'menunggu',
  done: 'terkirim',
  failed: 'gagal',
}

/** The comment each voucher carries on the router, so an operator there sees where it came from. */
export function batchComment(batchId: number): string {
  return `loket voucher batch ${batchId}`
}

/**
 * Every login on the router Loket knows of: vouchers (known by their codes' lookup keys, the
 * codes themselves are sealed) and hotspot customers' services.
 */
async function takenNames(
  tx: Kysely<Database>,
  secrets: SecretBox,
  routerId: number,
): Promise<TakenNames> {
  const vouchers = await tx
    .selectFrom('hotspot_vouchers')
    .select('username_key')
    .where('router_id', '=', routerId)
    .where('username_key', 'is not', null)
    .execute()
  const services = await tx
    .selectFrom('services')
    .select('pppoe_username')
    .where('router_id', '=', routerId)
    .where('pppoe_username', 'is not', null)
    .execute()
  const keys = new Set(vouchers.map((v) => v.username_key))
  const logins = new Set(services.flatMap((s) => (s.pppoe_username ? [s.pppoe_username] : [])))
  return {
    has: (name) => logins.has(name) || keys.has(secrets.lookupKey(name)),
    size: keys.size + logins.size,
  }
}

/** A voucher's code and password in clear ('' for one sealed under another data dir's key). */
export function openVoucher(secrets: SecretBox, v: { username: string; password: string }) {
  return {
    username: openLogin(secrets, v.username) ?? '',
    password: openLogin(secrets, v.password) ?? '',
  }
}

/**
 * Draws `count` unique codes, stores the batch and its vouchers, and queues `hotspot.push` in the
 * same transaction: the router gets them from the device queue, never from this request.
 */
export async function createBatch(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: HotspotBatchInput,
) {
  const batch = await writeTx(deps.db, async (tx) => {
    const profile = await loadProfile(tx, actor.companyId, input.profileId)
    if (profile.active !== 1) throw new AppError('INVALID_STATUS_CHANGE', 'profile inactive')
    const taken = await takenNames(tx, deps.secrets, profile.router_id)
    const codes = generateCodes(input, input.count, taken)
    const now = deps.clock.now().toISOString()
    const row = await tx
      .insertInto('hotspot_batches')
      .values({
        company_id: actor.companyId,
        router_id: profile.router_id,
        profile_id: profile.id,
        count: input.count,
        prefix: input.prefix,
        length: input.length,
        charset: input.charset,
        mode: input.mode,
        price: profile.price,
        validity: profile.validity,
        // The profile's quota now: a later edit of the profile leaves these vouchers as made.
        quota_bytes: profile.quota_bytes,
        note: input.note,
        created_by: actor.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await insertRows(
      tx,
      'hotspot_vouchers',
      codes.map((c) => ({
        company_id: actor.companyId,
        router_id: profile.router_id,
        batch_id: row.id,
        // Unsold codes are money: sealed at rest like PPPoE passwords (issue 13 #7).
        username: deps.secrets.seal(c.username),
        password: deps.secrets.seal(c.password),
        username_key: deps.secrets.lookupKey(c.username),
        status: 'aktif',
        disabled_at: null,
        sale_id: null,
      })),
    )
    await enqueueDeviceJob(
      tx,
      {
        companyId: actor.companyId,
        routerId: profile.router_id,
        kind: 'hotspot.push',
        target: String(row.id),
        reason: `voucher ${profile.name} × ${input.count}`,
        by: actor.username,
      },
      deps.clock.now(),
    )
    await appendAudit(tx, deps.clock, actor, {
      action: 'hotspot.batch_create',
      entityType: 'hotspot_batch',
      entityId: row.id,
      after: {
        router_id: row.router_id,
        profile: profile.name,
        count: row.count,
        prefix: row.prefix,
        length: row.length,
        charset: row.charset,
        mode: row.mode,
        price: row.price,
        quota_bytes: row.quota_bytes,
      },
    })
    return row
  })
  deps.onDeviceJobs?.()
  return { id: batch.id, count: batch.count }
}

async function pushStates(db: Kysely<Database>, companyId: number, batchIds: number[]) {
  const states = new Map<number, { state: PushState; error: string | null }>()
  if (batchIds.length === 0) return states
  const jobs = await db
    .selectFrom('device_jobs')
    .select(['id', 'target', 'status', 'last_error'])
    .where('company_id', '=', companyId)
    .where('kind', '=', 'hotspot.push')
    .where('target', 'in', batchIds.map(String))
    .orderBy('id')
    .execute()
  // In id order: the latest job of a batch is the one left in the map.
  for (const j of jobs) {
    states.set(Number(j.target), {
      state: PUSH_STATE[j.status] ?? 'menunggu',
      error: j.status === 'done' ? null : j.last_error,
    })
  }
  return states
}

export async function listBatches(
  db: Kysely<Database>,
  companyId: number,
  filter: { limit?: number; id?: number } = {},
) {
  let q = db
    .selectFrom('hotspot_batches as b')
    .innerJoin('hotspot_profiles as p', 'p.id', 'b.profile_id')
    .innerJoin('routers as r', 'r.id', 'b.router_id')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select([
      'b.id',
      'b.router_id',
      'r.name as router_name',
      'b.profile_id',
      'p.name as profile_name',
      'b.count',
      'b.price',
      'b.validity',
      'b.quota_bytes',
      'b.prefix',
      'b.mode',
      'b.charset',
      'b.length',
      'b.note',
      'b.created_at',
      'u.name as created_by_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('hotspot_vouchers as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.batch_id', '=', 'b.id')
        .where('v.sale_id', 'is not', null)
        .as('sold'),
      eb
        .selectFrom('hotspot_vouchers as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.batch_id', '=', 'b.id')
        .where('v.status', '=', 'nonaktif')
        .as('disabled'),
    ])
    .where('b.company_id', '=', companyId)
  if (filter.id !== undefined) q = q.where('b.id', '=', filter.id)
  const rows = await q
    .orderBy('b.id', 'desc')
    .limit(filter.limit ?? 500)
    .execute()
  const states = await pushStates(
    db,
    companyId,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    routerId: r.router_id,
    routerName: r.router_name,
    profileId: r.profile_id,
    profileName: r.profile_name,
    count: r.count,
    price: r.price,
    validity: r.validity,
    /** Each voucher's data quota (limit-bytes-total) as the batch was made; null = none. */
    quotaBytes: r.quota_bytes,
    prefix: r.prefix,
    mode: r.mode,
    charset: r.charset,
    length: r.length,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    sold: Number(r.sold ?? 0),
    disabled: Number(r.disabled ?? 0),
    push: states.get(r.id)?.state ?? 'menunggu',
    pushError: states.get(r.id)?.error ?? null,
  }))
}
export type HotspotBatchView = Awaited<ReturnType<typeof listBatches>>[number]

export async function loadBatch(db: Kysely<Database>, companyId: number, id: number) {
  const row = await db
    .selectFrom('hotspot_batches')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'hotspot batch')
  return row
}

/**
 * The batch page: the batch as listed, its vouchers and its sales. The codes (username and
 * password) only with `codes`, for those who sell or manage vouchers; others see each voucher's
 * status and whether it was sold.
 */
export async function batchDetail(
  { db, secrets }: { db: Kysely<Database>; secrets: SecretBox },
  companyId: number,
  id: number,
  options: { codes: boolean },
) {
  await loadBatch(db, companyId, id)
  const [summary] = await listBatches(db, companyId, { id })
  const vouchers = await db
    .selectFrom('hotspot_vouchers')
    .select(['id', 'username', 'password', 'status', 'disabled_at', 'sale_id'])
    .where('batch_id', '=', id)
    .orderBy('id')
    .execute()
  const sales = await db
    .selectFrom('hotspot_sales')
    .select([
      'id',
      'count',
      'unit_price',
      'amount',
      'sale_date',
      'cashier_name',
      'note',
      'created_at',
    ])
    .where('batch_id', '=', id)
    .orderBy('id')
    .execute()
  return {
    batch: summary!,
    vouchers: vouchers.map((v) => ({
      id: v.id,
      ...(options.codes ? openVoucher(secrets, v) : { username: null, password: null }),
      disabled: v.status === 'nonaktif',
      disabledAt: v.disabled_at,
      sold: v.sale_id !== null,
    })),
    sales: sales.map((s) => ({
      id: s.id,
      count: s.count,
      unitPrice: s.unit_price,
      amount: s.amount,
      date: s.sale_date,
      cashier: s.cashier_name,
      note: s.note,
      createdAt: s.created_at,
    })),
  }
}
