import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type {
  OdcInput,
  OdcUpdateInput,
  OdpAssignInput,
  OdpInput,
  OdpUpdateInput,
} from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { takeTurn, writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'

export type CompanyActor = Actor & { companyId: number }
type Tx = Kysely<Database>

/** "Buka di peta": Google Maps at the point, or nothing without both coordinates. */
export function mapsUrl(lat: number | null, lng: number | null): string | null {
  if (lat === null || lng === null) return null
  return `https://www.google.com/maps?q=${lat},${lng}`
}

async function oltOf(tx: Tx, companyId: number, id: number) {
  const row = await tx
    .selectFrom('olts')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'olt')
  return row
}

export async function loadOdc(tx: Tx, companyId: number, id: number) {
  const row = await tx
    .selectFrom('odcs')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'odc')
  return row
}

export async function loadOdp(tx: Tx, companyId: number, id: number) {
  const row = await tx
    .selectFrom('odps')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'odp')
  return row
}

async function assertNameFree(
  tx: Tx,
  table: 'odcs' | 'odps',
  companyId: number,
  name: string,
  exceptId?: number,
) {
  let q = tx
    .selectFrom(table)
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw new AppError('NAME_TAKEN', undefined, { name })
}

const usedPorts = (tx: Tx, odpId: number) =>
  tx
    .selectFrom('odp_ports')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('port').as('top')])
    .where('odp_id', '=', odpId)
    .executeTakeFirstOrThrow()

/** Creates (no id) or changes an ODC; names are unique per company. */
export async function saveOdc(
  deps: CoreDeps,
  actor: CompanyActor,
  input: OdcInput | OdcUpdateInput,
): Promise<{ id: number }> {
  return writeTx(deps.db, async (tx) => {
    const id = 'id' in input ? input.id : undefined
    const before = id === undefined ? null : await loadOdc(tx, actor.companyId, id)
    await assertNameFree(tx, 'odcs', actor.companyId, input.name, id)
    await oltOf(tx, actor.companyId, input.oltId)
    const next = {
      name: input.name,
      olt_id: input.oltId,
      pon: input.pon,
      latitude: input.latitude,
      longitude: input.longitude,
      notes: input.notes,
    }
    const now = deps.clock.now().toISOString()
    let odcId: number
    if (before) {
      await tx
        .updateTable('odcs')
        .set({ ...next, updated_at: now })
        .where('id', '=', before.id)
        .execute()
      odcId = before.id
    } else {
      const row = await tx
        .insertInto('odcs')
        .values({ company_id: actor.companyId, ...next, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      odcId = row.id
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.odc',
      entityType: 'odc',
      entityId: odcId,
      before: before ? { name: before.name, olt_id: before.olt_id, pon: before.pon } : undefined,
      after: next,
    })
    return { id: odcId }
  })
}

/**
 * Outages keep their label, ticket and affected services but no longer point at a cabinet or
 * box that is gone.
 */
async function forgetInOutages(tx: Tx, column: 'odc_id' | 'odp_id', id: number) {
  await tx
    .updateTable('outages')
    .set({ [column]: null })
    .where(column, '=', id)
    .execute()
}

/** Removes an ODC that no longer has ODPs. */
export async function removeOdc(deps: CoreDeps, actor: CompanyActor, id: number): Promise<void> {
  await writeTx(deps.db, async (tx) => {
    const odc = await loadOdc(tx, actor.companyId, id)
    const { n } = await tx
      .selectFrom('odps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('odc_id', '=', id)
      .executeTakeFirstOrThrow()
    if (Number(n) > 0)
      throw new AppError('ODC_HAS_ODPS', `odc ${id}`, { odc: odc.name, count: Number(n) })
    await forgetInOutages(tx, 'odc_id', id)
    await tx.deleteFrom('odcs').where('id', '=', id).execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.odc',
      entityType: 'odc',
      entityId: id,
      before: { name: odc.name, olt_id: odc.olt_id, pon: odc.pon },
    })
  })
}

/**
 * Creates (no id) or changes an ODP. Fewer ports than a customer's port number is refused: the
 * customer would be left on a port the box does not have.
 */
export async function saveOdp(
  deps: CoreDeps,
  actor: CompanyActor,
  input: OdpInput | OdpUpdateInput,
): Promise<{ id: number }> {
  return writeTx(deps.db, async (tx) => {
    const id = 'id' in input ? input.id : undefined
    if (id !== undefined) await takeTurn(tx, `odp:${id}`)
    const before = id === undefined ? null : await loadOdp(tx, actor.companyId, id)
    await assertNameFree(tx, 'odps', actor.companyId, input.name, id)
    await loadOdc(tx, actor.companyId, input.odcId)
    if (before) {
      const used = await usedPorts(tx, before.id)
      if (used.top !== null && Number(used.top) > input.ports)
        throw new AppError('ODP_HAS_CUSTOMERS', `odp ${before.id} port ${used.top} in use`, {
          odp: before.name,
          count: Number(used.n),
        })
    }
    const next = {
      name: input.name,
      odc_id: input.odcId,
      ports: input.ports,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      notes: input.notes,
    }
    const now = deps.clock.now().toISOString()
    let odpId: number
    if (before) {
      await tx
        .updateTable('odps')
        .set({ ...next, updated_at: now })
        .where('id', '=', before.id)
        .execute()
      odpId = before.id
    } else {
      const row = await tx
        .insertInto('odps')
        .values({ company_id: actor.companyId, ...next, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      odpId = row.id
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.odp',
      entityType: 'odp',
      entityId: odpId,
      before: before
        ? { name: before.name, odc_id: before.odc_id, ports: before.ports }
        : undefined,
      after: next,
    })
    return { id: odpId }
  })
}

/** Removes an ODP nobody is connected to. */
export async function removeOdp(deps: CoreDeps, actor: CompanyActor, id: number): Promise<void> {
  await writeTx(deps.db, async (tx) => {
    await takeTurn(tx, `odp:${id}`)
    const odp = await loadOdp(tx, actor.companyId, id)
    const used = await usedPorts(tx, id)
    if (Number(used.n) > 0)
      throw new AppError('ODP_HAS_CUSTOMERS', `odp ${id}`, { odp: odp.name, count: Number(used.n) })
    await forgetInOutages(tx, 'odp_id', id)
    await tx.deleteFrom('odps').where('id', '=', id).execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.odp',
      entityType: 'odp',
      entityId: id,
      before: { name: odp.name, odc_id: odp.odc_id, ports: odp.ports },
    })
  })
}

export interface OdpPortView {
  port: number
  serviceId: number | null
  sid: string | null
  serviceStatus: string | null
  customerId: number | null
  customerCode: string | null
  customerName: string | null
}

/** The customers on an ODP's ports, by port. */
async function portRows(db: Tx, companyId: number, odpIds: number[]) {
  if (odpIds.length === 0) return []
  return db
    .selectFrom('odp_ports as p')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      'p.odp_id as odpId',
      'p.port',
      's.id as serviceId',
      's.sid',
      's.status as serviceStatus',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
    ])
    .where('p.company_id', '=', companyId)
    .where('p.odp_id', 'in', odpIds)
    .orderBy('p.odp_id')
    .orderBy('p.port')
    .execute()
}

/** One ODP with where it hangs, every port (free ones too), and its capacity. */
export async function getOdp({ db }: CoreDeps, companyId: number, id: number) {
  const odp = await loadOdp(db, companyId, id)
  const odc = await loadOdc(db, companyId, odp.odc_id)
  const olt = await oltOf(db, companyId, odc.olt_id)
  const taken = new Map((await portRows(db, companyId, [id])).map((r) => [r.port, r]))
  const ports: OdpPortView[] = []
  for (let port = 1; port <= odp.ports; port++) {
    const r = taken.get(port)
    ports.push({
      port,
      serviceId: r?.serviceId ?? null,
      sid: r?.sid ?? null,
      serviceStatus: r?.serviceStatus ?? null,
      customerId: r?.customerId ?? null,
      customerCode: r?.customerCode ?? null,
      customerName: r?.customerName ?? null,
    })
  }
  return {
    id: odp.id,
    name: odp.name,
    odcId: odc.id,
    odcName: odc.name,
    oltId: olt.id,
    oltName: olt.name,
    pon: odc.pon,
    ports: odp.ports,
    used: taken.size,
    free: odp.ports - taken.size,
    address: odp.address,
    latitude: odp.latitude,
    longitude: odp.longitude,
    mapsUrl: mapsUrl(odp.latitude, odp.longitude),
    notes: odp.notes,
    hasPhoto: odp.photo_sha256 !== null,
    portList: ports,
  }
}
export type OdpDetail = Awaited<ReturnType<typeof getOdp>>

/**
 * Puts a service on an ODP port, moves it to another one, or (odpId null) takes it off. Without
 * a port number it takes the lowest free port. A port belongs to one service; a number beyond the
 * box's ports is refused.
 */
export async function assignServicePort(
  deps: CoreDeps,
  actor: CompanyActor,
  input: OdpAssignInput,
): Promise<{ odpId: number | null; port: number | null }> {
  return writeTx(deps.db, async (tx) => {
    const service = await tx
      .selectFrom('services')
      .select(['id', 'sid', 'customer_id'])
      .where('id', '=', input.serviceId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!service) throw new AppError('NOT_FOUND', 'service')
    const current = await tx
      .selectFrom('odp_ports')
      .select(['odp_id', 'port'])
      .where('service_id', '=', service.id)
      .executeTakeFirst()
    let target: { odp_id: number; port: number } | null = null
    if (input.odpId !== null) {
      await takeTurn(tx, `odp:${input.odpId}`)
      const odp = await loadOdp(tx, actor.companyId, input.odpId)
      const taken = await tx
        .selectFrom('odp_ports as p')
        .innerJoin('services as s', 's.id', 'p.service_id')
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .select(['p.port', 'p.service_id', 'c.name', 'c.code'])
        .where('p.odp_id', '=', odp.id)
        .execute()
      let port = input.port
      if (port === null) {
        const used = new Set(taken.filter((t) => t.service_id !== service.id).map((t) => t.port))
        port = 1
        while (port <= odp.ports && used.has(port)) port++
      }
      if (port > odp.ports)
        throw new AppError('ODP_PORT_OUT_OF_RANGE', `odp ${odp.id} port ${port}`, {
          odp: odp.name,
          ports: odp.ports,
          port,
        })
      const holder = taken.find((t) => t.port === port && t.service_id !== service.id)
      if (holder)
        throw new AppError('ODP_PORT_TAKEN', `odp ${odp.id} port ${port}`, {
          odp: odp.name,
          port,
          customer: `${holder.name} (${holder.code})`,
        })
      target = { odp_id: odp.id, port }
    }
    if (current?.odp_id === target?.odp_id && current?.port === target?.port)
      return { odpId: target?.odp_id ?? null, port: target?.port ?? null }
    await tx.deleteFrom('odp_ports').where('service_id', '=', service.id).execute()
    if (target)
      await tx
        .insertInto('odp_ports')
        .values({
          company_id: actor.companyId,
          odp_id: target.odp_id,
          port: target.port,
          service_id: service.id,
          assigned_at: deps.clock.now().toISOString(),
        })
        .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.port',
      entityType: 'service',
      entityId: service.id,
      before: current
        ? { sid: service.sid, odp_id: current.odp_id, port: current.port }
        : undefined,
      after: target ? { sid: service.sid, ...target } : { sid: service.sid, odp_id: null },
    })
    return { odpId: target?.odp_id ?? null, port: target?.port ?? null }
  })
}

/** Where each service of a customer is connected (for the customer page). */
export async function customerPorts({ db }: CoreDeps, companyId: number, customerId: number) {
  const rows = await db
    .selectFrom('services as s')
    .leftJoin('odp_ports as p', 'p.service_id', 's.id')
    .leftJoin('odps as o', 'o.id', 'p.odp_id')
    .leftJoin('odcs as d', 'd.id', 'o.odc_id')
    .select([
      's.id as serviceId',
      's.sid',
      's.status',
      'p.port',
      'o.id as odpId',
      'o.name as odpName',
      'o.latitude',
      'o.longitude',
      'd.name as odcName',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.customer_id', '=', customerId)
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({
    serviceId: r.serviceId,
    sid: r.sid,
    status: r.status,
    odpId: r.odpId,
    odpName: r.odpName,
    odcName: r.odcName,
    port: r.port,
    mapsUrl: mapsUrl(r.latitude, r.longitude),
  }))
}

/** The ODPs a service can be put on, with their free ports (the customer page's picker). */
export async function odpChoices({ db }: CoreDeps, companyId: number) {
  const rows = await db
    .selectFrom('odps as o')
    .innerJoin('odcs as d', 'd.id', 'o.odc_id')
    .leftJoin('odp_ports as p', 'p.odp_id', 'o.id')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.ports',
      'd.name as odcName',
      eb.fn.count<number>('p.id').as('used'),
    ])
    .where('o.company_id', '=', companyId)
    .groupBy(['o.id', 'o.name', 'o.ports', 'd.name'])
    .orderBy('o.name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    odcName: r.odcName,
    ports: r.ports,
    used: Number(r.used),
    free: r.ports - Number(r.used),
  }))
}

/** Which POP an OLT stands in (null: none). */
export async function setOltPop(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { oltId: number; popId: number | null },
): Promise<void> {
  await writeTx(deps.db, async (tx) => {
    const olt = await tx
      .selectFrom('olts')
      .select(['id', 'name', 'pop_id'])
      .where('id', '=', input.oltId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!olt) throw new AppError('NOT_FOUND', 'olt')
    if (input.popId !== null) {
      const pop = await tx
        .selectFrom('pops')
        .select('id')
        .where('id', '=', input.popId)
        .where('company_id', '=', actor.companyId)
        .executeTakeFirst()
      if (!pop) throw new AppError('NOT_FOUND', 'pop')
    }
    if (olt.pop_id === input.popId) return
    await tx.updateTable('olts').set({ pop_id: input.popId }).where('id', '=', olt.id).execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.olt_pop',
      entityType: 'olt',
      entityId: olt.id,
      before: { name: olt.name, pop_id: olt.pop_id },
      after: { name: olt.name, pop_id: input.popId },
    })
  })
}

export { portRows }
