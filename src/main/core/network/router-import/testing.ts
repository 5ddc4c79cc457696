import { catalogFixture } from '../../customers/testing'
import { testSecrets } from '../../testing'
import type { NetworkDeps } from '../deps'
import { RouterPool } from '../routeros'
import { createRouter } from '../routers'
import { simRouterInput } from '../testing'

/** What the fixture needs of test/sim/routeros (started by the test: core never imports test/). */
interface Sim {
  port: number
  state: { add(path: string, row: Record<string, string>): string }
  close(): Promise<void>
}

/**
 * Tests only: the customer catalog (areas CBG01/BJG02, packages "Rumah 10 Mbps" on profile 10M and
 * "Rumah 20 Mbps" on 20M), a RouterOS simulator with those profiles and ISOLIR, and its router row.
 */
export async function routerFixture<S extends Sim>(sim: S) {
  const f = await catalogFixture()
  for (const [name, rate] of [
    ['10M', '10M/10M'],
    ['20M', '5M/20M'],
    ['50M', '25M/50M'],
    ['ISOLIR', '256k/256k'],
  ] as const)
    sim.state.add('/ppp/profile', { name, 'rate-limit': rate })
  const deps: NetworkDeps = { ...f.deps, secrets: testSecrets(), routers: new RouterPool() }
  const router = await createRouter(deps, f.actor, simRouterInput(sim.port, 'RB-Pusat'))
  const secret = (row: Record<string, string>) =>
    sim.state.add('/ppp/secret', { service: 'pppoe', password: 'rahasia', ...row })
  const close = async () => {
    await deps.routers.closeAll()
    await sim.close()
  }
  return { ...f, deps, sim, router, secret, close }
}
