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
