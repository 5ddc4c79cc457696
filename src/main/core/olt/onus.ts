import type { Kysely } from 'kysely'
import { addDays, type CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import {
  DEFAULT_OLT_SETTINGS,
  oltSettingsInput,
  rxLevel,
  type OltSettings,
  type OnuLinkInput,
  type OnuListInput,
} from '@shared/schemas'
import { appendAudit } from '../audit'
import { writeTx, type Database } from '../db'
import { readSettings, writeSettings } from '../settings'
import { sortByPosition } from './decode'
import type { CompanyActor, OltDeps } from './olts'

const SETTINGS_KEY = 'olt'

export function getOltSettings(db: Kysely<Database>, companyId: number): Promise<OltSettings> {
  return readSettings(db, companyId, SETTINGS_KEY, oltSettingsInput, DEFAULT_OLT_SETTINGS)
}

export async function putOltSettings(deps: OltDeps, actor: CompanyActor, value: OltSettings) {
  await writeTx(deps.db, async (tx) => {
    const before = await getOltSettings(tx, actor.companyId)
    await writeSettings(tx, actor.companyId, SETTINGS_KEY, value, deps.clock.now().toISOString())
    await appendAudit(tx, deps.clock, actor, {
      action: 'olts.settings',
      entityType: 'company',
      entityId: actor.companyId,
      before: { ...before },
      after: { ...value },
    })
  })
  return value
}

const dbm = (cdbm: number | null) => (cdbm === null ? null : cdbm / 100)

function onuQuery(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('olt_onus as o')
    .innerJoin('olts as t', 't.id', 'o.olt_id')
    .leftJoin('services as s', 's.id', 'o.service_id')
    .leftJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      'o.id',
      'o.olt_id',
      't.name as olt_name',
      't.last_error as olt_error',
      't.last_seen_at as olt_seen_at',
      't.host as olt_host',
      't.port as olt_port',
      'o.pon',
      'o.onu_index',
      'o.serial',
      'o.name',
      'o.description',
      'o.status',
      'o.rx_cdbm',
      'o.last_down_cause',
      'o.service_id',
      'o.link_kind',
      'o.present',
      'o.seen_at',
      's.sid',
      's.pppoe_username',
      'c.id as customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
    ])
    .where('o.company_id', '=', companyId)
}

type OnuRow = Awaited<ReturnType<ReturnType<typeof onuQuery>['execute']>>[number]

function onuView(r: OnuRow, weakBelow: number) {
  const rxDbm = dbm(r.rx_cdbm)
  return {
    id: r.id,
    oltId: r.olt_id,
    oltName: r.olt_name,
    /** The OLT's last poll failed with this code (OLT_TIMEOUT…): the reading below is older. */
    oltError: r.olt_error,
    oltSeenAt: r.olt_seen_at,
    oltHost: r.olt_host,
    oltPort: r.olt_port,
    pon: r.pon,
    onuIndex: r.onu_index,
    serial: r.serial,
    name: r.name ?? r.description,
    description: r.description,
    status: r.status,
    rxDbm,
    rxLevel: rxLevel(rxDbm, weakBelow),
    lastDownCause: r.last_down_cause,
    present: r.present === 1,
    seenAt: r.seen_at,
    link: r.link_kind as 'auto' | 'manual' | null,
    serviceId: r.service_id,
    sid: r.sid,
    pppoeUsername: r.pppoe_username,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
  }
}
export type OnuView = ReturnType<typeof onuView>

/** An OLT's ONUs as last read, by PON port; with counts per port and per state for the filters. */
export async function listOnus(db: Kysely<Database>, companyId: number, input: OnuListInput) {
  const { weakRxDbm } = await getOltSettings(db, companyId)
  const rows = await onuQuery(db, companyId)
    .where('o.olt_id', '=', input.oltId)
    .where('o.present', '=', 1)
    .orderBy('o.pon')
    .orderBy('o.onu_index')
    .execute()
  const all = sortByPosition(rows.map((r) => onuView(r, weakRxDbm)))
  const pons = [...new Set(all.map((o) => o.pon))]
  const text = input.search.toLowerCase()
  const onus = all.filter(
    (o) =>
      (!input.pon || o.pon === input.pon) &&
      (input.filter === 'all' ||
        (input.filter === 'offline' && o.status !== 'online') ||
        (input.filter === 'weak' && o.rxLevel === 'weak') ||
        (input.filter === 'unlinked' && o.serviceId === null)) &&
      (!text ||
        [o.serial, o.name, o.description, o.customerCode, o.pppoeUsername].some((v) =>
          (v ?? '').toLowerCase().includes(text),
        )),
  )
  return {
    weakRxDbm,
    pons: pons.map((pon) => {
      const here = all.filter((o) => o.pon === pon)
      return {
        pon,
        total: here.length,
        offline: here.filter((o) => o.status !== 'online').length,
        weak: here.filter((o) => o.rxLevel === 'weak').length,
      }
    }),
    counts: {
      total: all.length,
      offline: all.filter((o) => o.status !== 'online').length,
      weak: all.filter((o) => o.rxLevel === 'weak').length,
      unlinked: all.filter((o) => o.serviceId === null).length,
    },
    onus,
  }
}

/**
 * Sinyal lemah dan ONU mati, all OLTs: ONUs whose RX is below the company's line (−27 dBm
 * unless set) and ONUs that are not online, each with its customer when linked.
 */
export async function weakReport(db: Kysely<Database>, companyId: number) {
  const { weakRxDbm } = await getOltSettings(db, companyId)
  const line = Math.round(weakRxDbm * 100)
  const rows = await onuQuery(db, companyId)
    .where('o.present', '=', 1)
    .where((eb) => eb.or([eb('o.rx_cdbm', '<', line), eb('o.status', '!=', 'online')]))
    .execute()
  const all = sortByPosition(rows.map((r) => onuView(r, weakRxDbm)))
  return {
    weakRxDbm,
    weak: all.filter((o) => o.rxLevel === 'weak' && o.status === 'online'),
    offline: all.filter((o) => o.status !== 'online'),
  }
}

/** The ONU(s) of a customer's services: status and RX with its colour (the troubleshooting card). */
export async function customerOnu(db: Kysely<Database>, companyId: number, customerId: number) {
  const { weakRxDbm } = await getOltSettings(db, companyId)
  const rows = await onuQuery(db, companyId).where('c.id', '=', customerId).execute()
  return { weakRxDbm, onus: sortByPosition(rows.map((r) => onuView(r, weakRxDbm))) }
}

/** One ONU with its RX per day (newest first), for the chart and table of its page. */
export async function onuHistory(
  db: Kysely<Database>,
  companyId: number,
  onuId: number,
  days = 90,
) {
  const { weakRxDbm } = await getOltSettings(db, companyId)
  const row = await onuQuery(db, companyId).where('o.id', '=', onuId).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'onu')
  const history = await db
    .selectFrom('olt_rx_daily')
    .select(['day', 'rx_min', 'rx_max', 'rx_last', 'status_last', 'samples', 'offline_samples'])
    .where('onu_id', '=', onuId)
    .orderBy('day', 'desc')
    .limit(days)
    .execute()
  return {
    onu: onuView(row, weakRxDbm),
    weakRxDbm,
    days: history.map((h) => ({
      day: h.day,
      rxMin: dbm(h.rx_min),
      rxMax: dbm(h.rx_max),
      rxLast: dbm(h.rx_last),
      status: h.status_last,
      samples: h.samples,
      offlineSamples: h.offline_samples,
    })),
  }
}

/**
 * Links an ONU to a service by hand, or unlinks it (null). Either way the automatic match
 * leaves it alone from then on.
 */
export async function linkOnu(deps: OltDeps, actor: CompanyActor, input: OnuLinkInput) {
  return writeTx(deps.db, async (tx) => {
    const onu = await tx
      .selectFrom('olt_onus')
      .select(['id', 'service_id', 'link_kind', 'serial'])
      .where('id', '=', input.onuId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!onu) throw new AppError('NOT_FOUND', 'onu')
    if (input.serviceId !== null) {
      const service = await tx
        .selectFrom('services')
        .select('id')
        .where('id', '=', input.serviceId)
        .where('company_id', '=', actor.companyId)
        .executeTakeFirst()
      if (!service) throw new AppError('NOT_FOUND', 'service')
    }
    await tx
      .updateTable('olt_onus')
      .set({ service_id: input.serviceId, link_kind: 'manual' })
      .where('id', '=', onu.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'olts.onu_link',
      entityType: 'onu',
      entityId: onu.id,
      before: { service_id: onu.service_id, link_kind: onu.link_kind },
      after: { service_id: input.serviceId, link_kind: 'manual', serial: onu.serial },
    })
    return { onuId: onu.id, serviceId: input.serviceId }
  })
}

/** Drops RX history older than the company keeps (a day row per ONU). */
export async function pruneHistory(db: Kysely<Database>, companyId: number, today: CalendarDate) {
  const { historyDays } = await getOltSettings(db, companyId)
  const cutoff = addDays(today, -historyDays)
  const result = await writeTx(db, (tx) =>
    tx
      .deleteFrom('olt_rx_daily')
      .where('company_id', '=', companyId)
      .where('day', '<', cutoff)
      .executeTakeFirst(),
  )
  return Number(result.numDeletedRows)
}

/** Live services matching a code, name, SID or PPPoE login: what an ONU can be linked to by hand. */
export async function linkableServices(db: Kysely<Database>, companyId: number, search: string) {
  const text = `%${search.trim().toLowerCase()}%`
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.sid', 's.pppoe_username', 'c.code', 'c.name'])
    .where('s.company_id', '=', companyId)
    .where('s.status', '!=', 'putus')
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['c.code']), 'like', text),
        eb(eb.fn('lower', ['c.name']), 'like', text),
        eb(eb.fn('lower', ['s.sid']), 'like', text),
        eb(eb.fn('lower', ['s.pppoe_username']), 'like', text),
      ]),
    )
    .orderBy('c.code')
    .limit(20)
    .execute()
  return rows.map((r) => ({
    serviceId: r.id,
    sid: r.sid,
    pppoeUsername: r.pppoe_username,
    customerCode: r.code,
    customerName: r.name,
  }))
}
