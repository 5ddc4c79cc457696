import type { APIRequestContext } from '@playwright/test'
import type { OltSim } from '../sim/olt/index'
import { call } from './api'
import type { Host } from './fixtures'

/** An OLT registered on the simulator and read once, so the OLT pages have ONUs on them. */
export async function seedOlt(
  request: APIRequestContext,
  host: Host,
  token: string,
  sim: OltSim,
  name = 'OLT Cibinong',
): Promise<{ id: number }> {
  const olt = await call<{ id: number }>(request, host, token, 'olt.create', {
    name,
    vendor: sim.vendor,
    host: sim.host,
    port: sim.port,
    community: sim.community,
  })
  await call(request, host, token, 'olt.poll', { id: olt.id })
  return olt
}

/**
 * The topology under that OLT: ODC Pakansari on PON 1/1/1, ODP PKS-01 with the customer's service
 * on port 3, and an ongoing outage on PKS-01, so Topologi and Gangguan massal have rows.
 */
export async function seedTopology(
  request: APIRequestContext,
  host: Host,
  token: string,
  oltId: number,
  customerId: number,
): Promise<void> {
  const api = <T>(procedure: string, input: unknown, kind?: 'query') =>
    call<T>(request, host, token, procedure, input, kind)
  const odc = await api<{ id: number }>('topology.saveOdc', {
    name: 'ODC Pakansari',
    oltId,
    pon: '1/1/1',
    latitude: -6.4815,
    longitude: 106.854,
  })
  const odp = await api<{ id: number }>('topology.saveOdp', {
    name: 'PKS-01',
    odcId: odc.id,
    ports: 16,
    address: 'Tiang depan masjid Al-Ikhlas',
    latitude: -6.48201,
    longitude: 106.85512,
  })
  const [service] = await api<{ serviceId: number }[]>(
    'topology.customerPorts',
    { customerId },
    'query',
  )
  await api('topology.assignPort', { serviceId: service!.serviceId, odpId: odp.id, port: 3 })
  await api('topology.declareOutage', {
    target: { scope: 'odp', odpId: odp.id },
    cause: 'Kabel drop putus tertimpa pohon',
  })
}
