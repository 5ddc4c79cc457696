import type { Kysely } from 'kysely'
import {
  DATA_MODELS,
  DEFAULT_INFORM_INTERVAL_S,
  INFORM_GRACE_S,
  PATHS,
  type DataModel,
} from '@shared/acs'
import { AppError } from '@shared/errors'
import type { Database } from '../db'
import { acsAppError } from './errors'
import { queryDevices, type DeviceDoc, type NbiTarget } from './nbi-client'
import { nbiTarget, type AcsDeps } from './settings'

/** What identifies a customer's CPE on the ACS: the PPPoE login of a service, or its CPE serial. */
interface ServiceKey {
  serviceId: number
  sid: string
  pppoeUsername: string | null
  cpeSerial: string | null
}

export interface CpeView {
  /** As GenieACS names it: `OUI-ProductClass-Serial`, non-alphanumerics as %XX. */
  deviceId: string
  serial: string | null
  manufacturer: string | null
  productClass: string | null
  model: string | null
  firmware: string | null
  dataModel: DataModel
  ssid: string | null
  pppoeUsername: string | null
  lastInform: string | null
  online: boolean
  /** How "online" was decided: the last inform's age against the CPE's periodic interval. */
  onlineRule: {
    secondsSinceInform: number | null
    intervalSeconds: number
    /** 'device': read from the CPE; 'default': it did not report one. */
    intervalFrom: 'device' | 'default'
    graceSeconds: number
  }
  /** The service it was found for, and by what. */
  service: { id: number; sid: string; by: 'pppoe' | 'serial' } | null
}

const SERIAL = '_deviceId._SerialNumber'

/** Every parameter the card shows, in both data models: a projection, never whole devices. */
export const CPE_PROJECTION = [
  '_id',
  '_lastInform',
  '_deviceId',
  ...DATA_MODELS.flatMap((m) => {
    const p = PATHS[m]
    return [p.pppUsername, p.ssid, p.model, p.firmware, p.informInterval]
  }),
] as const

export async function serviceKeys(
  db: Kysely<Database>,
  companyId: number,
  customerId: number,
): Promise<ServiceKey[]> {
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const rows = await db
    .selectFrom('services')
    .select(['id', 'sid', 'pppoe_username', 'cpe_serial'])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .where('status', '!=', 'putus')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    serviceId: r.id,
    sid: r.sid,
    pppoeUsername: r.pppoe_username,
    cpeSerial: r.cpe_serial,
  }))
}

/** The NBI query for these services: either data model's PPPoE login, or the serial. */
export function cpeQuery(keys: ServiceKey[]): object | null {
  const or: object[] = []
  for (const k of keys) {
    if (k.pppoeUsername)
      for (const m of DATA_MODELS) or.push({ [PATHS[m].pppUsername]: k.pppoeUsername })
    if (k.cpeSerial) or.push({ [SERIAL]: k.cpeSerial })
  }
  return or.length ? { $or: or } : null
}

/** A parameter's value from a projected device document (`{_value, _type, _timestamp}` leaves). */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let node: unknown = doc
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  if (typeof node === 'object' && node !== null && '_value' in node)
    return (node as { _value: unknown })._value
  return node
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null

export function cpeView(doc: DeviceDoc, keys: ServiceKey[], now: Date): CpeView {
  const dataModel: DataModel =
    PATHS.tr181.root in doc && !(PATHS.tr098.root in doc) ? 'tr181' : 'tr098'
  const p = PATHS[dataModel]
  const lastInform = text(doc._lastInform)
  const reported = Number(valueAt(doc, p.informInterval))
  const fromDevice = Number.isInteger(reported) && reported > 0
  const intervalSeconds = fromDevice ? reported : DEFAULT_INFORM_INTERVAL_S
  const informed = lastInform ? Date.parse(lastInform) : NaN
  const secondsSinceInform = Number.isNaN(informed)
    ? null
    : Math.max(0, Math.round((now.getTime() - informed) / 1000))
  const pppoeUsername = text(valueAt(doc, p.pppUsername))
  const serial = text(valueAt(doc, SERIAL))
  const byPppoe = keys.find((k) => k.pppoeUsername && k.pppoeUsername === pppoeUsername)
  const bySerial = keys.find((k) => k.cpeSerial && k.cpeSerial === serial)
  const match = byPppoe ?? bySerial
  return {
    deviceId: doc._id,
    serial,
    manufacturer: text(valueAt(doc, '_deviceId._Manufacturer')),
    productClass: text(valueAt(doc, '_deviceId._ProductClass')),
    model: text(valueAt(doc, p.model)),
    firmware: text(valueAt(doc, p.firmware)),
    dataModel,
    ssid: text(valueAt(doc, p.ssid)),
    pppoeUsername,
    lastInform: Number.isNaN(informed) ? null : new Date(informed).toISOString(),
    online: secondsSinceInform !== null && secondsSinceInform <= intervalSeconds + INFORM_GRACE_S,
    onlineRule: {
      secondsSinceInform,
      intervalSeconds,
      intervalFrom: fromDevice ? 'device' : 'default',
      graceSeconds: INFORM_GRACE_S,
    },
    service: match
      ? { id: match.serviceId, sid: match.sid, by: match === byPppoe ? 'pppoe' : 'serial' }
      : null,
  }
}

export interface CustomerCpes {
  /** What was searched: the logins and serials of the customer's services. */
  searched: { pppoeUsernames: string[]; serials: string[] }
  /** The services searched for, with their saved CPE serial (the card edits it). */
  services: { id: number; sid: string; pppoeUsername: string | null; cpeSerial: string | null }[]
  devices: CpeView[]
}

/** A customer's CPEs on the ACS, found by their services' PPPoE logins or CPE serials. */
export async function findCustomerCpes(
  deps: AcsDeps,
  companyId: number,
  customerId: number,
  known?: { target: NbiTarget; keys: ServiceKey[] },
): Promise<CustomerCpes> {
  const keys = known?.keys ?? (await serviceKeys(deps.db, companyId, customerId))
  const searched = {
    pppoeUsernames: keys.flatMap((k) => (k.pppoeUsername ? [k.pppoeUsername] : [])),
    serials: keys.flatMap((k) => (k.cpeSerial ? [k.cpeSerial] : [])),
  }
  const services = keys.map((k) => ({
    id: k.serviceId,
    sid: k.sid,
    pppoeUsername: k.pppoeUsername,
    cpeSerial: k.cpeSerial,
  }))
  const query = cpeQuery(keys)
  // Nothing to search by: no call to the ACS, and the card says what is missing.
  const target = known?.target ?? (await nbiTarget(deps, companyId))
  if (!query) return { searched, services, devices: [] }
  let docs: DeviceDoc[]
  try {
    docs = await queryDevices(target, query, CPE_PROJECTION)
  } catch (error) {
    throw acsAppError(error, target)
  }
  const now = deps.clock.now()
  return { searched, services, devices: docs.map((d) => cpeView(d, keys, now)) }
}
