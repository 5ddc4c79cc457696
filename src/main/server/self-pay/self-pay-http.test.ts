import { afterEach, describe, expect, it } from 'vitest'
import {
  companyOwner,
  startTestHost,
  twoBilledCustomers,
  type TestHost,
} from '../../../../test/helpers/http-host'
import {
  browserRequest,
  formTokenIn,
  payLinkToken,
  serviceAt,
  tripayOn,
} from '../../../../test/helpers/self-pay'
import type { TripaySim } from '../../../../test/sim/gateways/tripay'

let host: TestHost | null = null
let tripay: TripaySim | null = null
afterEach(async () => {
  await tripay?.close()
  await host?.stop()
  host = null
  tripay = null
})

/** What an isolated customer's browser may load: this one document and nothing from anywhere else. */
const SELF_CONTAINED = /<(script|link|img|iframe)\b|\son[a-z]+=|https?:\/\//i

/** Net Jaya with Budi and Siti billed Rp150.000 for November 2026; the test host's clock is 22/11/2026. */
async function billed() {
  host = await startTestHost()
  const { owner } = await companyOwner(host)
  const { ids } = await twoBilledCustomers(owner)
  const [budi, siti] = ids
  const invoices = await host.services.db
    .selectFrom('invoices')
    .innerJoin('customers', 'customers.id', 'invoices.customer_id')
    .select(['invoices.id', 'invoices.customer_id', 'invoices.due_date', 'customers.code'])
    .orderBy('invoices.id')
    .execute()
  const of = (customerId: number) => invoices.find((i) => i.customer_id === customerId)!
  const h = host
  /** Budi's pay link for his November invoice, valid through 31/12/2026. */
  const budiLink = () =>
    payLinkToken(h, {
      companyId: 1,
      customerId: budi,
      invoiceIds: [of(budi).id],
      expires: '2026-12-31',
    })
  return { h, owner, budi, siti, budiInv: of(budi), sitiInv: of(siti), budiLink }
}

describe('the isolir page over the real HTTP server', () => {
  it('knows the customer at the browser’s address: masked name, code, each unpaid invoice, total', async () => {
    const { h, budi, budiInv } = await billed()
    await serviceAt(h, budi, '127.0.0.1')

    const page = await browserRequest(h, 'www.example.com', '/berita/hari-ini')

    expect(page.status).toBe(200)
    expect(page.body).toContain('Layanan internet Anda sedang diisolir')
    expect(page.body).toContain(`Bu** Sa***** · ${budiInv.code}`)
    expect(page.body).not.toContain('Budi Santoso')
    expect(page.body).toContain('Tagihan November 2026')
    const [y, m, d] = budiInv.due_date.split('-')
    expect(page.body).toContain(`jatuh tempo ${d}/${m}/${y}`)
    expect(page.body).toMatch(/Total tagihan<\/span><span>Rp\s150\.000/)
    // No gateway is set up yet: the arrears, and where to pay instead of a form.
    expect(page.body).toContain('Pembayaran online belum tersedia')
    expect(page.body).not.toMatch(SELF_CONTAINED)
    expect(page.headers['cache-control']).toBe('no-store')
  })

  it('an address nobody has gets the general notice, naming no customer', async () => {
    const { h } = await billed()
    const page = await browserRequest(h, 'www.example.com', '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Silakan lakukan pembayaran di kantor kami')
    expect(page.body).not.toMatch(/Bu\*\*|Si\*\*|Tagihan November/)
  })

  it('a foreign Host may post only the pay forms; every other route is still refused', async () => {
    const { h, budi } = await billed()
    await serviceAt(h, budi, '127.0.0.1')
    const form = new URLSearchParams({ invoice: '1', channel: 'BRIVA', form: 'x' })
    for (const path of [
      '/isolir',
      '/isolir/status',
      '/bayar/1.2.3.20270101.x/status',
      '/api/health',
      '/customers',
    ]) {
      const refused = await browserRequest(h, 'www.example.com', path, form)
      expect(refused.status, path).toBe(403)
    }
    // The pay form itself gets through to its handler, which refuses a form it did not sign.
    const posted = await browserRequest(h, 'www.example.com', '/isolir/bayar', form)
    expect(posted.status).toBe(400)
    expect(posted.body).toContain('Halaman ini sudah terlalu lama dibuka')
  })

  it('a pay form signed for another page or gone stale is refused', async () => {
    const { h, siti, budiInv, budiLink } = await billed()
    await serviceAt(h, siti, '127.0.0.1')
    const sitiPage = await browserRequest(h, 'www.example.com', '/isolir')
    const sitiToken = formTokenIn(sitiPage.body)
    // Budi's link page signs forms for its link only.
    const link = budiLink()
    const posted = await browserRequest(
      h,
      '127.0.0.1',
      `/bayar/${link}`,
      new URLSearchParams({ form: sitiToken, invoice: String(budiInv.id), channel: 'BRIVA' }),
    )
    expect(posted.status).toBe(400)
    expect(posted.body).toContain('Halaman ini sudah terlalu lama dibuka')
  })
})

describe('paying from the isolir page with plain forms (Tripay simulator)', () => {
  it('ticks the invoice, picks a channel with its fee, gets a pay code, and sees Lunas once paid', async () => {
    const { h, budi, budiInv } = await billed()
    await serviceAt(h, budi, '127.0.0.1')
    tripay = await tripayOn(h)

    const page = await browserRequest(h, 'www.example.com', '/')
    expect(page.body).toContain('<form method="post" action="/isolir/bayar">')
    expect(page.body).toContain(`name="invoice" value="${budiInv.id}" checked`)
    expect(page.body).toMatch(
      /value="BRIVA" required><span>BRI Virtual Account<small>Biaya Rp\s4\.250 · Total bayar Rp\s154\.250/,
    )
    expect(page.body).toContain('<legend>Virtual Account (transfer bank)</legend>')
    expect(page.body).not.toMatch(SELF_CONTAINED)

    const form = new URLSearchParams({ form: formTokenIn(page.body), channel: 'BRIVA' })
    form.append('invoice', String(budiInv.id))
    const started = await browserRequest(h, 'www.example.com', '/isolir/bayar', form)
    expect(started.status).toBe(200)
    const [tx] = [...tripay.transactions.values()]
    expect(tx).toMatchObject({ method: 'BRIVA', amount: 154_250 })
    expect(started.body).toContain(`<p class="code">${tx!.pay_code}</p>`)
    expect(started.body).toContain('Bayar sebelum')
    const status = /href="(\/isolir\/status\?ref=[^"]+)"/.exec(started.body)?.[1]
    expect(status).toBe(`/isolir/status?ref=${encodeURIComponent(tx!.reference)}`)
    expect(started.body).not.toMatch(/<(script|link|img|iframe)\b/i)

    const waiting = await browserRequest(h, 'www.example.com', status!)
    expect(waiting.body).toContain('Menunggu pembayaran')
    expect(waiting.body).toContain('http-equiv="refresh" content="15;url=/isolir/status?ref=')

    tripay.pay(tx!.reference)
    h.clock.advanceMinutes(1)
    const paid = await browserRequest(h, 'www.example.com', status!)
    expect(paid.body).toContain('Lunas')
    expect(paid.body).toContain('Pembayaran diterima')
    const invoice = await h.services.db
      .selectFrom('invoices')
      .select(['paid', 'total'])
      .where('id', '=', budiInv.id)
      .executeTakeFirstOrThrow()
    expect(invoice.paid).toBe(invoice.total)
  })

  it('a link pays its own invoice only: another invoice in the form opens nothing', async () => {
    const { h, sitiInv, budiLink } = await billed()
    tripay = await tripayOn(h)
    const token = budiLink()
    const page = await browserRequest(h, 'loket.netjaya.id', `/bayar/${token}`)
    const form = new URLSearchParams({ form: formTokenIn(page.body), channel: 'BRIVA' })
    form.append('invoice', String(sitiInv.id))
    const refused = await browserRequest(h, 'loket.netjaya.id', `/bayar/${token}`, form)
    expect(refused.status).toBe(409)
    expect(refused.body).toContain('role="alert"')
    expect(tripay.transactions.size).toBe(0)
  })
})

describe('limits per address', () => {
  it('an address asking more than 60 pages a minute waits, then is served again', async () => {
    host = await startTestHost()
    const h = host
    for (let i = 0; i < 60; i++) {
      expect((await browserRequest(h, 'www.example.com', '/isolir')).status).toBe(200)
    }
    const refused = await browserRequest(h, 'www.example.com', '/bayar/x')
    expect(refused.status).toBe(429)
    expect(refused.body).toContain('Terlalu banyak permintaan')
    h.clock.advanceMinutes(1)
    expect((await browserRequest(h, 'www.example.com', '/isolir')).status).toBe(200)
  })
})

describe('pay links over HTTP', () => {
  it('a link opens its own invoice and nothing else', async () => {
    const { h, budiInv, sitiInv, budiLink } = await billed()
    const token = budiLink()
    const page = await browserRequest(h, 'loket.netjaya.id', `/bayar/${token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`Bu** Sa***** · ${budiInv.code}`)
    expect(page.body).toContain('Tagihan November 2026')
    expect(page.body).not.toContain(sitiInv.code)
    expect(page.body).not.toContain('diisolir')
    expect(page.body).not.toMatch(SELF_CONTAINED)
  })

  it('a forged, another invoice’s or an expired link is refused with nothing shown', async () => {
    const { h, budi, budiInv, sitiInv, budiLink } = await billed()
    const good = budiLink()
    const [c, u, , e, sig] = good.split('.')
    const nothing = (body: string) => {
      expect(body).not.toMatch(/Bu\*\*|Si\*\*|Tagihan November|Net Jaya/)
      expect(body).not.toContain(budiInv.code)
      expect(body).not.toContain(sitiInv.code)
    }
    const otherInvoice = await browserRequest(
      h,
      'x',
      `/bayar/${[c, u, sitiInv.id, e, sig].join('.')}`,
    )
    expect(otherInvoice.status).toBe(404)
    expect(otherInvoice.body).toContain('Tautan pembayaran tidak valid')
    nothing(otherInvoice.body)
    const garbage = await browserRequest(h, 'x', '/bayar/%3Cscript%3E')
    expect(garbage.status).toBe(404)
    nothing(garbage.body)
    // Another customer's invoice, signed for Budi: not his, so nothing.
    const crossed = payLinkToken(h, {
      companyId: 1,
      customerId: budi,
      invoiceIds: [sitiInv.id],
      expires: '2026-12-31',
    })
    nothing((await browserRequest(h, 'x', `/bayar/${crossed}`)).body)

    h.clock.set('2027-01-01T00:00:00Z') // 07:00 on 01/01/2027 in Jakarta
    const expired = await browserRequest(h, 'x', `/bayar/${good}`)
    expect(expired.status).toBe(410)
    expect(expired.body).toContain('Tautan pembayaran sudah kedaluwarsa')
    nothing(expired.body)
  })

  it('a paid invoice’s link says “Sudah lunas”', async () => {
    const { h, owner, budi, budiLink } = await billed()
    const token = budiLink()
    await owner.payments.record.mutate({ customerId: budi, amount: 150_000, method: 'cash' })
    const page = await browserRequest(h, 'x', `/bayar/${token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('Sudah lunas')
    expect(page.body).not.toContain('name="channel"')
  })
})
