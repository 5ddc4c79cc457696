import { startRouterSim } from '../sim/routeros/index'
import { collectionsFixture } from '@core/collections/testing'
import { queueInvoiceNotices } from '@core/collections'
import { RouterPool, createRouter } from '@core/network'
import { simRouterInput } from '@core/network/testing'

/**
 * Test fixtures only: the collections fixture with one router on the RouterOS simulator, the
 * portal address set ("Alamat portal untuk pelanggan"), and customers whose services sit at an
 * address: a static IP, a PPPoE login with a fixed remote-address, or a PPPoE login that takes
 * whatever its profile's pool gives.
 */
export async function selfPayFixture(cleanups: (() => Promise<void>)[]) {
  const f = await collectionsFixture()
  const sim = await startRouterSim({ port: 0 })
  const routers = new RouterPool({ timeoutMs: 3000, backoff: { minMs: 50, maxMs: 200 } })
  cleanups.push(
    () => sim.close(),
    () => routers.closeAll(),
  )
  const deps = { ...f.deps, routers }
  const router = await createRouter(deps, f.actor, simRouterInput(sim.port, 'Core Cibinong'))
  await f.policy({ paymentLinkBase: 'http://192.168.88.10:8080/' })
  const withAddress = async (
    name: string,
    at: { staticIp?: string; pppoe?: string },
  ): Promise<{ customerId: number; code: string; serviceId: number }> => {
    const c = await f.customer(name)
    await f.db
      .updateTable('services')
      .set({
        static_ip: at.staticIp ?? null,
        pppoe_username: at.pppoe ?? null,
        router_id: router.id,
      })
      .where('id', '=', c.serviceId)
      .execute()
    return c
  }
  /** The "tagihan terbit" messages of a run, as the customers get them. */
  const invoiceMessages = async (asOf: string) => {
    await queueInvoiceNotices(deps, f.ctx(asOf), null)
    return f.messages('invoice_issued')
  }
  return { ...f, deps, sim, router, withAddress, invoiceMessages }
}
