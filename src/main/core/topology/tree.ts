import type { CoreDeps } from '../deps'
import { mapsUrl, portRows } from './topology'

export interface TreeCustomer {
  port: number
  serviceId: number
  sid: string
  serviceStatus: string
  customerId: number
  customerCode: string
  customerName: string
}

export interface TreeOdp {
  id: number
  name: string
  ports: number
  used: number
  free: number
  mapsUrl: string | null
  down: boolean
  customers: TreeCustomer[]
}

export interface TreeOdc {
  id: number
  name: string
  /** Shown and kept by the ODC form (an ODP's come with its detail). */
  notes: string | null
  mapsUrl: string | null
  down: boolean
  odps: TreeOdp[]
}

export interface TreePon {
  pon: string
  down: boolean
  odcs: TreeOdc[]
}

export interface TreeOlt {
  id: number
  name: string
  down: boolean
  pons: TreePon[]
}

export interface TreePop {
  /** null: the OLTs not placed in any POP yet. */
  id: number | null
  name: string
  olts: TreeOlt[]
}

export interface TopologyTree {
  pops: TreePop[]
  totals: { olts: number; odcs: number; odps: number; ports: number; used: number }
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'id')

/**
 * The whole network as one tree, POP → OLT → PON → ODC → ODP → customers, read in one request so
 * the page can fold and unfold it offline. Parts under an open mass outage are marked `down`.
 */
export async function topologyTree({ db }: CoreDeps, companyId: number): Promise<TopologyTree> {
  const [pops, olts, odcs, odps, outages] = await Promise.all([
    db.selectFrom('pops').select(['id', 'name']).where('company_id', '=', companyId).execute(),
    db
      .selectFrom('olts')
      .select(['id', 'name', 'pop_id'])
      .where('company_id', '=', companyId)
      .execute(),
    db
      .selectFrom('odcs')
      .select(['id', 'name', 'olt_id', 'pon', 'latitude', 'longitude', 'notes'])
      .where('company_id', '=', companyId)
      .execute(),
    db
      .selectFrom('odps')
      .select(['id', 'name', 'odc_id', 'ports', 'latitude', 'longitude'])
      .where('company_id', '=', companyId)
      .execute(),
    db
      .selectFrom('outages')
      .select(['scope', 'olt_id', 'pon', 'odc_id', 'odp_id'])
      .where('company_id', '=', companyId)
      .where('resolved_at', 'is', null)
      .execute(),
  ])
  const ports = await portRows(
    db,
    companyId,
    odps.map((o) => o.id),
  )
  const down = new Set(
    outages.map((o) =>
      o.scope === 'pon'
        ? `pon:${o.olt_id}:${o.pon}`
        : `${o.scope}:${o[`${o.scope}_id` as 'olt_id']}`,
    ),
  )

  const customersOf = new Map<number, TreeCustomer[]>()
  for (const r of ports) {
    const list = customersOf.get(r.odpId) ?? []
    list.push({
      port: r.port,
      serviceId: r.serviceId,
      sid: r.sid,
      serviceStatus: r.serviceStatus,
      customerId: r.customerId,
      customerCode: r.customerCode,
      customerName: r.customerName,
    })
    customersOf.set(r.odpId, list)
  }
  const odpsOf = new Map<number, TreeOdp[]>()
  for (const o of odps) {
    const customers = customersOf.get(o.id) ?? []
    const list = odpsOf.get(o.odc_id) ?? []
    list.push({
      id: o.id,
      name: o.name,
      ports: o.ports,
      used: customers.length,
      free: o.ports - customers.length,
      mapsUrl: mapsUrl(o.latitude, o.longitude),
      down: down.has(`odp:${o.id}`),
      customers,
    })
    odpsOf.set(o.odc_id, list)
  }
  const ponsOf = new Map<number, Map<string, TreeOdc[]>>()
  for (const d of odcs) {
    const pons = ponsOf.get(d.olt_id) ?? new Map<string, TreeOdc[]>()
    const list = pons.get(d.pon) ?? []
    list.push({
      id: d.id,
      name: d.name,
      notes: d.notes,
      mapsUrl: mapsUrl(d.latitude, d.longitude),
      down: down.has(`odc:${d.id}`),
      odps: (odpsOf.get(d.id) ?? []).sort(byName),
    })
    pons.set(d.pon, list)
    ponsOf.set(d.olt_id, pons)
  }
  const oltsOf = new Map<number | null, TreeOlt[]>()
  for (const o of olts) {
    const pons = [...(ponsOf.get(o.id) ?? new Map<string, TreeOdc[]>())]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([pon, list]) => ({
        pon,
        down: down.has(`pon:${o.id}:${pon}`),
        odcs: list.sort(byName),
      }))
    const list = oltsOf.get(o.pop_id) ?? []
    list.push({ id: o.id, name: o.name, down: down.has(`olt:${o.id}`), pons })
    oltsOf.set(o.pop_id, list)
  }
  const tree: TreePop[] = pops
    .sort(byName)
    .map((p) => ({ id: p.id, name: p.name, olts: (oltsOf.get(p.id) ?? []).sort(byName) }))
  const unplaced = oltsOf.get(null)
  if (unplaced) tree.push({ id: null, name: 'Tanpa POP', olts: unplaced.sort(byName) })
  const totalPorts = odps.reduce((n, o) => n + o.ports, 0)
  return {
    pops: tree,
    totals: {
      olts: olts.length,
      odcs: odcs.length,
      odps: odps.length,
      ports: totalPorts,
      used: ports.length,
    },
  }
}
