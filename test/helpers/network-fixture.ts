import { addService, createCustomer } from '@core/customers'
import { catalogFixture, customerInput, serviceInput } from '@core/customers/testing'
import { createRouter, RouterPool, runDeviceQueue, type NetworkDeps } from '@core/network'
import { testSecrets } from '@core/testing'
import { startRouterSim, type RouterSimOptions } from '../sim/routeros'
import { simRouterInput } from '@core/network/testing'

/**
 * A company with two packages (profiles 10M and 20M), a RouterOS simulator on 127.0.0.1 that has
 * those profiles and ISOLIR, and that simulator registered as router "POP Utama".
 */
export async function networkFixture(simOptions: RouterSimOptions = {}) {
  const f = await catalogFixture()
  const sim = await startRouterSim({ port: 0, ...simOptions })
  for (const name of ['10M', '20M', 'ISOLIR'])
    sim.state.add('/ppp/profile', {
      name,
      'rate-limit': name === 'ISOLIR' ? '256k/256k' : `${name}/${name}`,
    })
  const routers = new RouterPool({ timeoutMs: 3000, backoff: { minMs: 50, maxMs: 200 } })
  const deps: NetworkDeps = { ...f.deps, secrets: testSecrets(), routers }
  const router = await createRouter(deps, f.actor, simRouterInput(sim.port, 'POP Utama'))
  /** A customer with one active service on the router; `login` is its PPPoE username. */
  const customer = async (
    name: string,
    o: { productId?: number; staticIp?: string; serviceType?: 'pppoe' } = {},
  ) => {
    const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, name))
    const s = await addService(
      deps,
      f.actor,
      {
        ...serviceInput(c.id, o.productId ?? f.p10.id),
        routerId: router.id,
        staticIp: o.staticIp ?? null,
      },
      f.tz,
    )
    const { pppoe_username } = await f.db
      .selectFrom('services')
      .select('pppoe_username')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    return {
      customerId: c.id,
      code: c.code,
      login: pppoe_username ?? '',
      serviceId: s.id,
      sid: s.sid,
    }
  }
  const secret = (name: string) => sim.state.find('/ppp/secret', { name })[0]
  const drain = () => runDeviceQueue(deps, { ignoreBackoff: true })
  const close = async () => {
    await routers.closeAll()
    await sim.close()
    await f.db.destroy()
  }
  return { ...f, deps, sim, router, customer, secret, drain, close }
}
