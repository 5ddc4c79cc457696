import { describe, expect, it } from 'vitest'
import { cliActor, type Actor } from '../audit'
import { billingFixture } from '../billing/testing'
import { pdfText } from '../documents'
import { receiptDocument, receiptPdf } from './receipt'
import { recordPayment } from './record'

type Fixture = Awaited<ReturnType<typeof billingFixture>>

async function paidBy(f: Fixture, actor: Actor & { companyId: number }) {
  const { customerId } = await f.customer('Ani Lestari')
  await f.run('2026-01', '2026-01-01')
  const request = { customerId, amount: 150_000, method: 'cash' as const, invoiceId: null }
  return recordPayment(f.deps, actor, { ...request, reference: null, notes: null }, f.tz)
}

describe('the kuitansi', () => {
  it('names the cashier by their full name, not their login', async () => {
    const f = await billingFixture()
    const payment = await paidBy(f, f.actor)
    const doc = await receiptDocument(f.db, f.companyId, payment.paymentId, f.tz)
    expect(doc?.cashier).toBe('Pemilik')
  })

  it('a payment typed in on the command line says so in words', async () => {
    const f = await billingFixture()
    const payment = await paidBy(f, { ...cliActor(f.companyId), companyId: f.companyId })
    const doc = await receiptDocument(f.db, f.companyId, payment.paymentId, f.tz)
    expect(doc?.cashier).toMatch(/^Baris perintah/)
  })

  it('prints the amount in words and the company phone the local way', async () => {
    const f = await billingFixture()
    const payment = await paidBy(f, f.actor)
    const pdf = await receiptPdf(f.db, f.companyId, payment.paymentId, f.tz, '80mm')
    const text = pdfText(pdf!.data).replace(/\s+/g, ' ')
    expect(text).toContain('Terbilang: seratus lima puluh ribu rupiah')
    expect(text).toContain('Telp. 0812-3456-7890')
    expect(text).not.toContain('6281234567890')
    expect(text).toContain('Kasir: Pemilik')
  })
})
