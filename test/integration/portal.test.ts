import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getCollectionSettings, saveCollectionSettings } from '@core/collections'
import { saveGatewaySettings } from '@core/gateways'
import { startTripaySim } from '../sim/gateways/tripay'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { apiCode, areaAndPackage, companyOwner, type TestHost } from '../helpers/http-host'
import { startTestHost } from '../helpers/http-host'

/**
 * The customer portal over the real HTTP API: sign-in by a WhatsApp code read from the gateway
 * simulator (the host's own outbox sends it), the portal session as a kind of its own, the
 * limits, and what a customer does there.
 */
let wa: MessageSim
let host: TestHost
let owner: ReturnType<TestHost['client']>
let budiId: number
const BUDI = '6281234567890'
const SITI = '6281311112222'
const STRANGER = '6285799990000'

beforeAll(async () => {
  wa = await startMessageSim()
})
afterAll(async () => {
  await wa.close()
})
beforeEach(async () => {
  host = await startTestHost()
  ;({ owner } = await companyOwner(host))
  await owner.channels.set.mutate({ provider: 'fonnte', token: wa.tokens.fonnte, baseUrl: wa.url })
  const { area, product } = await areaAndPackage(owner)
  for (const [name, whatsapp] of [
    ['Budi Santoso', '0812-3456-7890'],
    ['Siti Aminah', '0813-1111-2222'],
  ] as const) {
    const c = await owner.customers.create.mutate({ areaId: area.id, name, whatsapp })
    await owner.customers.addService.mutate({
      customerId: c.id,
      productId: product.id,
      status: 'aktif',
      activationDate: '2026-10-01',
    })
    if (name === 'Budi Santoso') budiId = c.id
  }
  await owner.billing.runPeriod.mutate({ period: '2026-11', asOf: '2026-11-01' })
})
afterEach(async () => {
  await host.stop()
})

const portal = (token?: string) => host.client(token).portal

/** The code of the newest WhatsApp message to a number after `after`, once the sender sent it. */
async function codeSentTo(number: string, after: number): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const m = wa.received.slice(after).find((r) => r.target === number)
    if (m) return /(\d{6})/.exec(m.message)![1]!
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`no code reached ${number}`)
}

async function signIn(phone = BUDI, remember = false): Promise<string> {
  const before = wa.received.length
  await portal().requestOtp.mutate({ phone })
  const code = await codeSentTo(phone, before)
  return (await portal().verifyOtp.mutate({ phone, code, remember })).token
}

const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('portal sign-in by WhatsApp code', () => {
  it('answers a stranger’s number exactly like a customer’s, and sends a code only to the customer', async () => {
    const before = wa.received.length
    const known = await portal().requestOtp.mutate({ phone: '0812-3456-7890' })
    const unknown = await portal().requestOtp.mutate({ phone: STRANGER })
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort())
    expect(new Date(unknown.expiresAt).getTime() - new Date(known.expiresAt).getTime()).toBe(0)
    await codeSentTo(BUDI, before)
    expect(wa.received.slice(before).map((m) => m.target)).toEqual([BUDI])
    // A guess at the stranger's code opens nothing, and is refused the same way.
    expect(await apiCode(portal().verifyOtp.mutate({ phone: STRANGER, code: '123456' }))).toBe(
      'OTP_INVALID',
    )
    // Both wait 60 s for a new code.
    host.clock.advanceMinutes(0.5)
    expect(await apiCode(portal().requestOtp.mutate({ phone: BUDI }))).toBe('OTP_RESEND_TOO_SOON')
    expect(await apiCode(portal().requestOtp.mutate({ phone: STRANGER }))).toBe(
      'OTP_RESEND_TOO_SOON',
    )
    host.clock.advanceMinutes(0.5)
    expect(await apiCode(portal().resendOtp.mutate({ challenge: known.challenge }))).toBe('ok')
    expect(await apiCode(portal().resendOtp.mutate({ challenge: unknown.challenge }))).toBe('ok')
  })

  it('the code gives a portal session; used once; 10 minutes', async () => {
    const before = wa.received.length
    await portal().requestOtp.mutate({ phone: BUDI })
    const code = await codeSentTo(BUDI, before)
    const { token, customer } = await portal().verifyOtp.mutate({ phone: BUDI, code })
    expect(customer.name).toBe('Budi Santoso')
    expect(await portal(token).me.query()).toMatchObject({ name: 'Budi Santoso', readOnly: false })
    expect(await apiCode(portal().verifyOtp.mutate({ phone: BUDI, code }))).toBe('OTP_EXPIRED')

    host.clock.advanceMinutes(2)
    const later = wa.received.length
    await portal().requestOtp.mutate({ phone: BUDI })
    const second = await codeSentTo(BUDI, later)
    host.clock.advanceMinutes(10)
    expect(await apiCode(portal().verifyOtp.mutate({ phone: BUDI, code: second }))).toBe(
      'OTP_EXPIRED',
    )
  })

  it('5 wrong codes lock the number for 15 minutes, the right code too', async () => {
    const before = wa.received.length
    await portal().requestOtp.mutate({ phone: BUDI })
    const code = await codeSentTo(BUDI, before)
    for (let i = 0; i < 4; i++)
      expect(await apiCode(portal().verifyOtp.mutate({ phone: BUDI, code: other(code) }))).toBe(
        'OTP_INVALID',
      )
    expect(await apiCode(portal().verifyOtp.mutate({ phone: BUDI, code: other(code) }))).toBe(
      'OTP_LOCKED',
    )
    expect(await apiCode(portal().verifyOtp.mutate({ phone: BUDI, code }))).toBe('OTP_EXPIRED')
    host.clock.advanceMinutes(14)
    expect(await apiCode(portal().requestOtp.mutate({ phone: BUDI }))).toBe('OTP_LOCKED')
    host.clock.advanceMinutes(1)
    expect(await apiCode(signIn())).toBe('ok')
  })

  it('a portal token is refused by staff procedures and a staff token by portal procedures', async () => {
    const token = await signIn()
    expect(await apiCode(host.client(token).customers.list.query({}))).toBe('UNAUTHENTICATED')
    expect(await apiCode(host.client(token).auth.me.query())).toBe('UNAUTHENTICATED')
    const staff = (await host.client().auth.login.mutate({
      username: 'owner',
      password: 'Sangat-Rahasia-42',
    }))!.token!
    expect(await apiCode(portal(staff).invoices.query({ filter: 'all' }))).toBe('UNAUTHENTICATED')
    expect(await apiCode(portal(staff).me.query())).toBe('UNAUTHENTICATED')
    expect(await apiCode(portal().invoices.query({ filter: 'all' }))).toBe('UNAUTHENTICATED')
  })

  it('limits one address asking for codes: 20 in 15 minutes, whatever the numbers', async () => {
    for (let i = 0; i < 20; i++)
      expect(await apiCode(portal().requestOtp.mutate({ phone: `0857000000${10 + i}` }))).toBe('ok')
    expect(await apiCode(portal().requestOtp.mutate({ phone: BUDI }))).toBe('PORTAL_RATE_LIMITED')
    host.clock.advanceMinutes(15)
    expect(await apiCode(portal().requestOtp.mutate({ phone: BUDI }))).toBe('ok')
  })

  it('"Ingat perangkat ini": listed under trusted devices, and removing one ends its session', async () => {
    const phone = await signIn(BUDI, true)
    host.clock.advanceMinutes(2)
    const laptop = await signIn(BUDI, true)
    const devices = await portal(laptop).devices.query()
    expect(devices).toHaveLength(2)
    const phoneDevice = devices.find((d) => !d.current)!
    await portal(laptop).removeDevice.mutate({ sessionId: phoneDevice.id })
    expect(await apiCode(portal(phone).me.query())).toBe('UNAUTHENTICATED')
    // Remembered: still signed in after a day without a visit; a plain session is not.
    const plain = await signIn(SITI)
    host.clock.advanceDays(1)
    expect(await apiCode(portal(laptop).me.query())).toBe('ok')
    expect(await apiCode(portal(plain).me.query())).toBe('SESSION_EXPIRED')
  })

  it('answers MODULE_DISABLED while the portal module is off', async () => {
    await owner.company.saveModules.mutate({ portal: false })
    expect(await portal().status.query()).toMatchObject({ available: false })
    expect(await apiCode(portal().requestOtp.mutate({ phone: BUDI }))).toBe('MODULE_DISABLED')
  })
})

describe('what a signed-in customer does', () => {
  it('sees only their own invoices, by state, with the detail and the PDF', async () => {
    const token = await signIn()
    const unpaid = await portal(token).invoices.query({ filter: 'unpaid' })
    expect(unpaid.rows).toHaveLength(1)
    expect(unpaid.unpaidTotal).toBe(150_000)
    expect((await portal(token).invoices.query({ filter: 'paid' })).rows).toHaveLength(0)
    const id = unpaid.rows[0]!.id
    expect((await portal(token).invoice.query({ invoiceId: id })).balance).toBe(150_000)
    const pdf = await portal(token).invoicePdf.query({ invoiceId: id })
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    const siti = await signIn(SITI)
    expect(await apiCode(portal(siti).invoice.query({ invoiceId: id }))).toBe('NOT_FOUND')
    expect(await apiCode(portal(siti).invoicePdf.query({ invoiceId: id }))).toBe('NOT_FOUND')
    const services = await portal(token).services.query()
    expect(services).toMatchObject([{ status: 'aktif', packageName: 'Rumah 10 Mbps' }])
    const history = await portal(token).history.query({ year: 2026 })
    expect(history.totals).toMatchObject({ invoiced: 150_000, balance: 150_000 })
  })

  it('a complaint becomes a ticket with medium portal, and its status shows in the portal', async () => {
    const token = await signIn()
    const categories = await portal(token).complaintCategories.query()
    const ticket = await portal(token).complain.mutate({
      category: categories[0]!.key,
      title: 'Internet mati sejak pagi',
      description: 'Lampu LOS merah',
    })
    const staffView = await owner.tickets.get.query({ id: ticket.id })
    expect(staffView).toMatchObject({ medium: 'portal', customerId: budiId, status: 'baru' })
    expect(await portal(token).complaints.query()).toMatchObject([
      { number: ticket.number, status: 'baru', title: 'Internet mati sejak pagi' },
    ])
  })

  it('a new WhatsApp number counts once a code sent to it comes back', async () => {
    const token = await signIn()
    expect(await apiCode(portal(token).changePhone.mutate({ phone: SITI }))).toBe(
      'PORTAL_PHONE_TAKEN',
    )
    const NEW = '6281299998888'
    const before = wa.received.length
    await portal(token).changePhone.mutate({ phone: NEW })
    const code = await codeSentTo(NEW, before)
    expect(
      await apiCode(portal(token).confirmPhone.mutate({ phone: NEW, code: other(code) })),
    ).toBe('OTP_INVALID')
    await portal(token).confirmPhone.mutate({ phone: NEW, code })
    expect((await portal(token).profile.query()).whatsapp).toBe(NEW)
    await portal(token).saveProfile.mutate({ email: 'budi@contoh.id', addressNote: 'Pagar hijau' })
    expect(await portal(token).profile.query()).toMatchObject({
      email: 'budi@contoh.id',
      addressNote: 'Pagar hijau',
      name: 'Budi Santoso',
    })
  })

  it('Daftar is off by default; once on, a verified number becomes registration step 1', async () => {
    expect(await apiCode(portal().registerOtp.mutate({ phone: STRANGER }))).toBe(
      'PORTAL_REGISTRATION_OFF',
    )
    await owner.company.savePortalSettings.mutate({
      selfRegistration: true,
      supportWhatsapp: '0812-0000-1111',
      supportHours: '08.00–17.00',
    })
    expect(await portal().status.query()).toMatchObject({ selfRegistration: true })
    const before = wa.received.length
    await portal().registerOtp.mutate({ phone: STRANGER })
    const code = await codeSentTo(STRANGER, before)
    const done = await portal().register.mutate({
      phone: STRANGER,
      code,
      name: 'Rina Wati',
      address: 'Jl. Melati 5, Cibinong',
    })
    const board = await owner.registrations.list.query({})
    const card = board.find((r) => r.id === done.registrationId)
    expect(card).toMatchObject({ step: 'registrasi', status: 'berjalan' })
  })

  it('staff open the portal as the customer read-only: reading works, every change is refused', async () => {
    const view = await owner.customers.openPortal.mutate({ customerId: budiId })
    const p = portal(view.token)
    expect(await p.me.query()).toMatchObject({ name: 'Budi Santoso', readOnly: true })
    expect((await p.invoices.query({ filter: 'all' })).rows).toHaveLength(1)
    expect(await apiCode(p.saveProfile.mutate({ email: 'x@y.id' }))).toBe('PORTAL_READ_ONLY')
    expect(
      await apiCode(p.complain.mutate({ category: 'gangguan', title: 'Tes dari petugas' })),
    ).toBe('PORTAL_READ_ONLY')
    expect(await apiCode(p.changePhone.mutate({ phone: '0812-7777-6666' }))).toBe(
      'PORTAL_READ_ONLY',
    )
    const audit = await host.services.db
      .selectFrom('audit_log')
      .select(['username', 'entity_id'])
      .where('action', '=', 'portal.staff_view')
      .execute()
    expect(audit.map((a) => [a.username, Number(a.entity_id)])).toEqual([['owner', budiId]])
  })

  it('pays an invoice through the gateway: channels with the fee, a pay code, the callback, then Lunas', async () => {
    const sim = await startTripaySim()
    try {
      await saveGatewaySettings(
        host.services,
        { companyId: 1, userId: 1, username: 'owner', ip: '127.0.0.1', userAgent: 'vitest' },
        {
          gateway: 'tripay',
          enabled: true,
          mode: 'sandbox',
          baseUrl: sim.baseUrl,
          keys: sim.keys as unknown as Record<string, string>,
          feePolicy: 'customer',
          expiryHours: 24,
          pollMinutes: 5,
          channels: null,
        },
      )
      // "Alamat portal untuk pelanggan": where customers (and so the gateway) reach this host.
      const ownerActor = { companyId: 1, userId: 1, username: 'owner', ip: null, userAgent: null }
      await saveCollectionSettings(host.services, ownerActor, {
        ...(await getCollectionSettings(host.services.db, 1)),
        paymentLinkBase: host.url,
      })
      const token = await signIn()
      const [invoice] = (await portal(token).invoices.query({ filter: 'unpaid' })).rows
      const offer = await portal(token).channels.query({ invoiceIds: [invoice!.id] })
      expect(offer.gateway).toBe('tripay')
      const briva = offer.channels.find((c) => c.code === 'BRIVA')!
      expect(briva).toMatchObject({ group: 'virtual_account', total: 150_000 + briva.fee })
      const started = await portal(token).pay.mutate({
        invoiceIds: [invoice!.id],
        channel: 'BRIVA',
      })
      expect(started).toMatchObject({ amount: 150_000, fee: briva.fee })
      expect(started.payCode).toBeTruthy()
      expect(
        await portal(token).paymentState.query({ reference: started.reference }),
      ).toMatchObject({ state: 'unpaid' })
      // Another customer cannot read it, nor pay someone else's invoice.
      const siti = await signIn(SITI)
      expect(await apiCode(portal(siti).paymentState.query({ reference: started.reference }))).toBe(
        'NOT_FOUND',
      )
      expect(
        await apiCode(portal(siti).pay.mutate({ invoiceIds: [invoice!.id], channel: 'BRIVA' })),
      ).toBe('GATEWAY_INVOICE_NOT_PAYABLE')
      // Staff viewing as Budi cannot pay for him.
      const view = await owner.customers.openPortal.mutate({ customerId: budiId })
      expect(
        await apiCode(
          portal(view.token).pay.mutate({ invoiceIds: [invoice!.id], channel: 'BRIVA' }),
        ),
      ).toBe('PORTAL_READ_ONLY')

      // The gateway's callback comes to that address and settles it, no polling needed.
      expect(sim.transactions.get(started.reference)?.callback_url).toBe(
        `${host.url}api/pay/tripay`,
      )
      sim.pay(started.reference)
      expect((await sim.sendCallback(started.reference)).status).toBe(200)
      expect(
        await portal(token).paymentState.query({ reference: started.reference }),
      ).toMatchObject({ state: 'paid', invoiceIds: [invoice!.id] })
      expect((await portal(token).invoices.query({ filter: 'paid' })).rows).toMatchObject([
        { id: invoice!.id, paymentStatus: 'lunas' },
      ])
    } finally {
      await sim.close()
    }
  })
})
