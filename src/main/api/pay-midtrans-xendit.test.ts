import { afterEach, describe, expect, it } from 'vitest'
import { saveGatewaySettings, startGatewayPayment } from '@core/gateways'
import {
  companyOwner,
  startTestHost,
  twoBilledCustomers,
  type TestHost,
} from '../../../test/helpers/http-host'
import {
  MIDTRANS_XENDIT_DRIVERS,
  type GatewayDriver,
} from '../../../test/sim/gateways/midtrans-xendit-drivers'
import { postCallback } from '../../../test/sim/gateways/sim-http'

/**
 * Midtrans and Xendit callbacks through the host's real route (`POST /api/pay/<gateway>`), from
 * their simulators: Budi's November invoice (Rp150.000) paid online, BCA / BRI virtual account
 * (fee Rp4.440 on top).
 */
let host: TestHost | null = null
let driver: GatewayDriver | null = null
afterEach(async () => {
  await driver?.close()
  await host?.stop()
  host = driver = null
})

async function setup(makeDriver: () => Promise<GatewayDriver>) {
  const h = (host = await startTestHost())
  const d = (driver = await makeDriver())
  const { owner } = await companyOwner(h)
  const me = await owner.auth.me.query()
  const { ids } = await twoBilledCustomers(owner)
  const budi = ids[0]
  const actor = {
    companyId: me.company.id,
    userId: me.user.id,
    username: me.user.username,
    ip: '127.0.0.1',
    userAgent: 'vitest',
  }
  await saveGatewaySettings(h.services, actor, {
    gateway: d.gateway,
    enabled: true,
    mode: 'sandbox',
    baseUrl: d.baseUrl,
    keys: d.keys,
    feePolicy: 'customer',
    expiryHours: 24,
    pollMinutes: 5,
    channels: null,
  })
  const route = `${h.url}api/pay/${d.gateway}`
  d.aim(route)
  const invoice = await h.services.db
    .selectFrom('invoices')
    .select('id')
    .where('customer_id', '=', budi)
    .executeTakeFirstOrThrow()
  const started = await startGatewayPayment(
    h.services,
    { companyId: me.company.id, timeZone: me.company.timeZone, actor, publicBaseUrl: h.url },
    { customerId: budi, invoiceIds: [invoice.id], channel: d.channel, via: 'portal' },
  )
  const payments = () =>
    h.services.db.selectFrom('payments').selectAll().where('customer_id', '=', budi).execute()
  const state = async () =>
    (
      await h.services.db
        .selectFrom('gateway_transactions')
        .select('state')
        .where('reference', '=', started.reference)
        .executeTakeFirstOrThrow()
    ).state
  return { d, route, started, payments, state }
}

describe.each(MIDTRANS_XENDIT_DRIVERS)(
  '%s callbacks on POST /api/pay/<gateway>',
  (_name, makeDriver) => {
    it('forged: nothing changes; genuine: one payment; replayed: still one', async () => {
      const { d, route, started, payments, state } = await setup(makeDriver)
      expect(started.amount + started.fee).toBe(154_440)
      expect(d.callbackUrlOf(started.reference)).toBe(route)
      await d.payUnheard(started.reference)

      const forged = d.forged(started.reference)
      const refused = await postCallback(route, forged.body.toString('utf8'), forged.headers)
      expect(refused.status).toBe(401)
      expect(await payments()).toEqual([])
      expect(await state()).toBe('unpaid')

      const genuine = await d.notify(started.reference)
      expect(genuine?.status).toBe(200)
      expect(await payments()).toHaveLength(1)
      expect((await payments())[0]).toMatchObject({
        amount: 150_000,
        method: 'gateway',
        reference: started.reference,
      })
      expect(await state()).toBe('paid')

      const replayed = await Promise.all([d.notify(started.reference), d.notify(started.reference)])
      expect(replayed.map((r) => r?.status)).toEqual([200, 200])
      expect(await payments()).toHaveLength(1)
    })
  },
)
