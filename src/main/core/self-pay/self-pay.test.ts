import { afterEach, describe, expect, it } from 'vitest'
import { onlineSessions, serviceAtAddress } from '../network'
import { checkPayLink, signPayLink } from '../pay-links'
import { selfPayFixture } from '../../../../test/helpers/self-pay-fixture'
import { isolirCustomer, payLinkCustomer } from './who'
import { maskName } from './view'
import { calendarDate } from '@shared/dates'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const LINK = /http:\/\/192\.168\.88\.10:8080\/bayar\/([0-9.-]+\.[A-Za-z0-9_-]{22})/

describe('the isolir page knows the customer by the address their browser comes from', () => {
  it('a static-IP service is found by its address, with its unpaid invoices', async () => {
    const f = await selfPayFixture(cleanups)
    const ani = await f.withAddress('Ani Rahayu', { staticIp: '10.20.0.7' })
    await f.run('2026-01', '2026-01-01')

    const found = await isolirCustomer(f.deps, '::ffff:10.20.0.7')

    expect(found?.owner).toEqual({ companyId: f.companyId, customerId: ani.customerId })
    expect(found?.view.customer).toEqual({
      id: ani.customerId,
      code: ani.code,
      maskedName: 'A** Ra****',
    })
    expect(found?.view.invoices).toMatchObject([
      { period: '2026-01', amount: 150_000, dueDate: '2026-01-11', paid: false },
    ])
    expect(found?.view.total).toBe(150_000)
  })

  it('a PPPoE login is found by its fixed remote-address', async () => {
    const f = await selfPayFixture(cleanups)
    const budi = await f.withAddress('Budi Santoso', { pppoe: 'budi', staticIp: '10.10.10.2' })
    expect(await serviceAtAddress(f.db, '10.10.10.2')).toMatchObject({
      customerId: budi.customerId,
    })
  })

  it('a PPPoE login is found by the address its session had when Loket read the sessions', async () => {
    const f = await selfPayFixture(cleanups)
    const budi = await f.withAddress('Budi Santoso', { pppoe: 'budi' })
    f.sim.state.setOnline([{ name: 'budi', address: '10.99.0.5' }])
    expect(await serviceAtAddress(f.db, '10.99.0.5')).toBeNull()

    await onlineSessions(f.deps, f.companyId, f.router.id)

    expect(await serviceAtAddress(f.db, '10.99.0.5')).toMatchObject({
      customerId: budi.customerId,
    })
    // It dials again (isolated: the isolir pool) and a neighbour gets the old address.
    const siti = await f.withAddress('Siti Rahmawati', { pppoe: 'siti' })
    f.sim.state.setOnline([
      { name: 'budi', address: '10.250.0.9' },
      { name: 'siti', address: '10.99.0.5' },
    ])
    await onlineSessions(f.deps, f.companyId, f.router.id)
    expect(await serviceAtAddress(f.db, '10.99.0.5')).toMatchObject({
      customerId: siti.customerId,
    })
    expect(await serviceAtAddress(f.db, '10.250.0.9')).toMatchObject({
      customerId: budi.customerId,
    })
  })

  it('an isolated login that dialled in since the last read is asked of the router once', async () => {
    const f = await selfPayFixture(cleanups)
    const budi = await f.withAddress('Budi Santoso', { pppoe: 'budi' })
    f.sim.state.setOnline([{ name: 'budi', address: '10.250.0.3' }])

    expect((await isolirCustomer(f.deps, '10.250.0.3'))?.owner.customerId).toBe(budi.customerId)
    // Recorded: the next page needs no router.
    expect(await serviceAtAddress(f.db, '10.250.0.3')).toMatchObject({
      customerId: budi.customerId,
    })
  })

  it('an address nobody has, or a terminated service’s, finds nobody', async () => {
    const f = await selfPayFixture(cleanups)
    const gone = await f.withAddress('Dedi Kurniawan', { staticIp: '10.20.0.8' })
    await f.db
      .updateTable('services')
      .set({ status: 'putus' })
      .where('id', '=', gone.serviceId)
      .execute()
    expect(await isolirCustomer(f.deps, '10.20.0.8')).toBeNull()
    expect(await isolirCustomer(f.deps, '10.20.0.99')).toBeNull()
    expect(await isolirCustomer(f.deps, 'fe80::1')).toBeNull()
  })

  it('names are masked: enough to recognise, not enough to learn a neighbour’s', () => {
    expect(maskName('Budi Santoso')).toBe('Bu** Sa*****')
    expect(maskName('Ani')).toBe('A**')
    expect(maskName('  Siti   Nur  ')).toBe('Si** N**')
  })
})

/** Ani billed Rp150.000 for January 2026, and her link for it, valid through 10/02/2026. */
async function aniWithLink() {
  const f = await selfPayFixture(cleanups)
  const ani = await f.withAddress('Ani Rahayu', {})
  await f.run('2026-01', '2026-01-01')
  const [inv] = await f.invoicesOf(ani.customerId)
  const token = signPayLink(f.deps.secrets, {
    companyId: f.companyId,
    customerId: ani.customerId,
    invoiceIds: [inv!.id],
    expires: calendarDate('2026-02-10'),
  })
  return { f, ani, inv, token }
}

describe('pay links', () => {
  it('the invoice message carries the customer’s link, which opens that invoice only', async () => {
    const f = await selfPayFixture(cleanups)
    await f.whatsappOn()
    const ani = await f.withAddress('Ani Rahayu', { staticIp: '10.20.0.7' })
    await f.contact(ani.customerId, { phone: '081234567890' })
    await f.run('2026-01', '2026-01-01')
    await f.invoiceMessages('2026-01-01')
    await f.run('2026-02', '2026-02-01')
    const [janMsg, febMsg] = await f.invoiceMessages('2026-02-01')
    const [jan, feb] = await f.invoicesOf(ani.customerId)
    const janToken = LINK.exec(janMsg!.body)?.[1]
    const febToken = LINK.exec(febMsg!.body)?.[1]
    expect(janToken).toBeDefined()

    const opened = await payLinkCustomer(f.deps, janToken!)
    expect(opened.ok && opened.view.invoices.map((i) => i.id)).toEqual([jan!.id])
    expect(opened.ok && opened.owner).toEqual({
      companyId: f.companyId,
      customerId: ani.customerId,
      invoiceIds: [jan!.id],
    })
    const second = await payLinkCustomer(f.deps, febToken!)
    expect(second.ok && second.view.invoices.map((i) => i.id)).toEqual([feb!.id])
  })

  it('without the portal address the variable is empty', async () => {
    const f = await selfPayFixture(cleanups)
    await f.whatsappOn()
    await f.policy({ paymentLinkBase: '' })
    const ani = await f.withAddress('Ani Rahayu', {})
    await f.contact(ani.customerId, { phone: '081234567890' })
    await f.run('2026-01', '2026-01-01')
    const [msg] = await f.invoiceMessages('2026-01-01')
    expect(msg!.body).toContain('Bayar: \n')
  })

  it('a changed number, another invoice or another key is refused, showing nothing', async () => {
    const f = await selfPayFixture(cleanups)
    const ani = await f.withAddress('Ani Rahayu', {})
    const budi = await f.withAddress('Budi Santoso', {})
    await f.run('2026-01', '2026-01-01')
    const [aniInv] = await f.invoicesOf(ani.customerId)
    const [budiInv] = await f.invoicesOf(budi.customerId)
    const claims = {
      companyId: f.companyId,
      customerId: ani.customerId,
      invoiceIds: [aniInv!.id],
      expires: calendarDate('2026-02-10'),
    }
    const token = signPayLink(f.deps.secrets, claims)
    expect((await payLinkCustomer(f.deps, token)).ok).toBe(true)

    const [c, u, , e, sig] = token.split('.')
    const otherInvoice = [c, u, budiInv!.id, e, sig].join('.')
    expect(await payLinkCustomer(f.deps, otherInvoice)).toEqual({ ok: false, reason: 'forged' })
    const later = [c, u, aniInv!.id, '20991231', sig].join('.')
    expect(await payLinkCustomer(f.deps, later)).toEqual({ ok: false, reason: 'forged' })
    expect(await payLinkCustomer(f.deps, token.slice(0, -2))).toEqual({
      ok: false,
      reason: 'forged',
    })
    expect(await payLinkCustomer(f.deps, 'x')).toEqual({ ok: false, reason: 'forged' })
    // Signed for Ani, naming Budi's invoice: the invoice is not hers, so nothing is shown.
    const crossed = signPayLink(f.deps.secrets, { ...claims, invoiceIds: [budiInv!.id] })
    expect(await payLinkCustomer(f.deps, crossed)).toEqual({ ok: false, reason: 'forged' })
  })

  it('a link opens until its expiry day ends (company time zone), then is refused', async () => {
    const { f, token } = await aniWithLink()
    f.clock.set('2026-02-10T16:59:00Z') // 23:59 in Jakarta
    expect((await payLinkCustomer(f.deps, token)).ok).toBe(true)
    f.clock.set('2026-02-10T17:00:00Z') // 00:00 on the 11th in Jakarta
    expect(await payLinkCustomer(f.deps, token)).toEqual({ ok: false, reason: 'expired' })
    expect(checkPayLink(f.deps.secrets, token, '2026-02-11')).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('a paid invoice’s link says it is paid', async () => {
    const { f, ani, inv, token } = await aniWithLink()
    await f.pay(ani.customerId, 150_000, '2026-01-05')
    const opened = await payLinkCustomer(f.deps, token)
    expect(opened.ok && opened.view).toMatchObject({
      invoices: [{ id: inv!.id, paid: true, amount: 0 }],
      total: 0,
    })
  })
})
