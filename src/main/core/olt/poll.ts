import type { Kysely, Selectable } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { companyTimeZone } from '../companies'
import { insertRows, updateValuesById, writeTx, type Database } from '../db'
import { decodeOnus, type OnuReading } from './decode'
import { loadOlt, oltTarget, rememberOlt, type OltDeps } from './olts'
import { vendorProfile } from './profiles'
import { walkProfile } from './snmp'

export interface PollReport {
  oltId: number
  onus: number
  added: number
  gone: number
  linked: number
  ms: number
}

const toCdbm = (dbm: number | null) => (dbm === null ? null : Math.round(dbm * 100))

/**
 * Reads an OLT's ONUs (one bulk walk per table of its vendor profile) and keeps them: new ONUs
 * are added, changed ones updated, ONUs no longer listed marked gone; unlinked ONUs are linked
 * to the service whose PPPoE login or customer code equals their name or description; and the
 * reading becomes today's RX history sample. The walk happens before, never inside, the
 * transaction.
 */
export async function pollOlt(
  deps: OltDeps,
  companyId: number,
  oltId: number,
): Promise<PollReport> {
  const started = Date.now()
  const olt = await loadOlt(deps.db, companyId, oltId)
  const profile = vendorProfile(olt.vendor)
  let readings: OnuReading[]
  try {
    readings = decodeOnus(profile, await walkProfile(oltTarget(deps, olt), profile, deps.snmp))
  } catch (error) {
    await rememberOlt(deps, olt.id, null, error instanceof AppError ? error.code : String(error))
    throw error
  }
  const day = dateInZone(deps.clock.now(), await companyTimeZone(deps, companyId))
  const report = await writeTx(deps.db, (tx) =>
    storeReadings(tx, deps, companyId, olt.id, readings, day),
  )
  await rememberOlt(deps, olt.id, { polled: true }, null)
  return { ...report, ms: Date.now() - started }
}

/** The columns of an ONU row a reading sets (the ONU is listed, so present). */
const readColumns = (r: OnuReading) => ({
  serial: r.serial,
  name: r.name,
  description: r.description,
  status: r.status,
  rx_cdbm: toCdbm(r.rxDbm),
  last_down_cause: r.lastDownCause,
  present: 1,
})

/** readColumns' columns, in the order the batched update lists them. */
const READ_COLUMNS = [
  'serial',
  'name',
  'description',
  'status',
  'rx_cdbm',
  'last_down_cause',
  'present',
] as const satisfies readonly (keyof ReturnType<typeof readColumns>)[]

/** An ONU row as the poll compares it with a fresh reading (without its owners and timestamps). */
type Stored = Omit<
  Selectable<Database['olt_onus']>,
  'company_id' | 'olt_id' | 'first_seen_at' | 'seen_at'
>

async function storeReadings(
  tx: Kysely<Database>,
  deps: OltDeps,
  companyId: number,
  oltId: number,
  readings: OnuReading[],
  day: string,
) {
  const now = deps.clock.now().toISOString()
  const existing = (await tx
    .selectFrom('olt_onus')
    .select(['id', 'pon', 'onu_index', ...READ_COLUMNS, 'service_id', 'link_kind'])
    .where('olt_id', '=', oltId)
    .execute()) satisfies Stored[]
  const byPosition = new Map(existing.map((r) => [`${r.pon}#${r.onu_index}`, r]))
  const seen = new Set<number>()
  const fresh: OnuReading[] = []

  // Everything still listed is seen now; only what changed is written again.
  await tx
    .updateTable('olt_onus')
    .set({ seen_at: now })
    .where('olt_id', '=', oltId)
    .where('present', '=', 1)
    .execute()
  // What changed (RX moves a little on most ONUs at every poll) is written in a few statements,
  // not one per ONU: the id, then READ_COLUMNS and seen_at, row after row.
  const changes: unknown[] = []
  for (const r of readings) {
    const row = byPosition.get(`${r.pon}#${r.onuIndex}`)
    if (!row) {
      fresh.push(r)
      continue
    }
    seen.add(row.id)
    const values = readColumns(r)
    if (READ_COLUMNS.some((k) => row[k] !== values[k])) {
      changes.push(row.id)
      for (const k of READ_COLUMNS) changes.push(values[k])
      changes.push(now)
    }
    Object.assign(row, values)
  }
  await updateValuesById(tx, 'olt_onus', [...READ_COLUMNS, 'seen_at'], changes)
  const goneIds = existing.filter((r) => r.present === 1 && !seen.has(r.id)).map((r) => r.id)
  if (goneIds.length)
    await tx
      .updateTable('olt_onus')
      .set({ present: 0, status: 'unknown', rx_cdbm: null })
      .where('id', 'in', goneIds)
      .execute()
  await insertRows(
    tx,
    'olt_onus',
    fresh.map((r) => ({
      company_id: companyId,
      olt_id: oltId,
      pon: r.pon,
      onu_index: r.onuIndex,
      ...readColumns(r),
      service_id: null,
      link_kind: null,
      first_seen_at: now,
      seen_at: now,
    })),
  )
  const linked = await autoLink(tx, companyId, oltId)
  await recordDay(tx, companyId, oltId, day, now)
  return { oltId, onus: readings.length, added: fresh.length, gone: goneIds.length, linked }
}

const key = (text: string | null) => (text ?? '').trim().toLowerCase()

/**
 * Links ONUs nobody linked or unlinked by hand: name or description equal (ignoring case) to a
 * live service's PPPoE login, or to a customer code whose customer has exactly one live
 * service. An automatic link whose match went away (the ONU was renamed) is dropped.
 */
async function autoLink(tx: Kysely<Database>, companyId: number, oltId: number): Promise<number> {
  const onus = await tx
    .selectFrom('olt_onus')
    .select(['id', 'name', 'description', 'service_id', 'link_kind'])
    .where('olt_id', '=', oltId)
    .where((eb) => eb.or([eb('link_kind', 'is', null), eb('link_kind', '=', 'auto')]))
    .execute()
  if (!onus.length) return 0
  const services = await tx
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.pppoe_username', 'c.code'])
    .where('s.company_id', '=', companyId)
    .where('s.status', '!=', 'putus')
    .execute()
  const byLogin = new Map<string, number>()
  const byCode = new Map<string, number[]>()
  for (const s of services) {
    if (s.pppoe_username) byLogin.set(key(s.pppoe_username), s.id)
    const list = byCode.get(key(s.code)) ?? []
    list.push(s.id)
    byCode.set(key(s.code), list)
  }
  const match = (text: string | null): number | null => {
    const k = key(text)
    if (!k) return null
    const code = byCode.get(k)
    return byLogin.get(k) ?? (code?.length === 1 ? code[0]! : null)
  }
  let linked = 0
  for (const onu of onus) {
    const serviceId = match(onu.name) ?? match(onu.description)
    if (serviceId === onu.service_id) continue
    await tx
      .updateTable('olt_onus')
      .set({ service_id: serviceId, link_kind: serviceId === null ? null : 'auto' })
      .where('id', '=', onu.id)
      .execute()
    if (serviceId !== null) linked++
  }
  return linked
}

/**
 * Today's RX row per ONU (lowest, highest, last reading, samples): rewritten whole from the
 * previous values and this poll, so the same SQL works on both engines.
 */
async function recordDay(
  tx: Kysely<Database>,
  companyId: number,
  oltId: number,
  day: string,
  now: string,
) {
  const onus = await tx
    .selectFrom('olt_onus')
    .select(['id', 'status', 'rx_cdbm'])
    .where('olt_id', '=', oltId)
    .where('present', '=', 1)
    .execute()
  const ids = tx.selectFrom('olt_onus').select('id').where('olt_id', '=', oltId)
  const before = await tx
    .selectFrom('olt_rx_daily')
    .selectAll()
    .where('onu_id', 'in', ids)
    .where('day', '=', day)
    .execute()
  const prior = new Map(before.map((r) => [r.onu_id, r]))
  await tx.deleteFrom('olt_rx_daily').where('onu_id', 'in', ids).where('day', '=', day).execute()
  const lower = (a: number | null, b: number | null) =>
    a === null ? b : b === null ? a : Math.min(a, b)
  const upper = (a: number | null, b: number | null) =>
    a === null ? b : b === null ? a : Math.max(a, b)
  await insertRows(
    tx,
    'olt_rx_daily',
    onus.map((o) => {
      const p = prior.get(o.id)
      return {
        company_id: companyId,
        onu_id: o.id,
        day,
        rx_min: lower(p?.rx_min ?? null, o.rx_cdbm),
        rx_max: upper(p?.rx_max ?? null, o.rx_cdbm),
        rx_last: o.rx_cdbm ?? p?.rx_last ?? null,
        status_last: o.status,
        samples: (p?.samples ?? 0) + 1,
        offline_samples: (p?.offline_samples ?? 0) + (o.status === 'online' ? 0 : 1),
        updated_at: now,
      }
    }),
  )
}
