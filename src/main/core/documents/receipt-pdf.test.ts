import { describe, expect, it } from 'vitest'
import { formatInstant } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { receipt } from './fixtures'
import { pdfPageSizes, pdfText } from './pdf-text'
import { renderReceiptPdf } from './receipt-pdf'

describe('receipt PDF', () => {
  it('is as wide as the thermal paper: 58mm = 164.4pt, 80mm = 226.8pt', async () => {
    const [narrow] = pdfPageSizes(await renderReceiptPdf(receipt(), '58mm'))
    const [wide] = pdfPageSizes(await renderReceiptPdf(receipt(), '80mm'))
    expect(narrow?.width).toBeCloseTo(164.4, 0)
    expect(Math.abs((narrow?.width ?? 0) - 164.4)).toBeLessThan(0.5)
    expect(Math.abs((wide?.width ?? 0) - 226.8)).toBeLessThan(0.5)
  })

  it('is one page as long as its content, longer with more allocations', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      invoiceNumber: `INV/2026/${String(i + 1).padStart(2, '0')}/000123`,
      periodLabel: 'Bulan lalu',
      amount: 10_000,
    }))
    const short = pdfPageSizes(await renderReceiptPdf(receipt(), '58mm'))
    const long = pdfPageSizes(await renderReceiptPdf(receipt({ allocations: many }), '58mm'))
    expect(short).toHaveLength(1)
    expect(long).toHaveLength(1)
    expect(long[0]!.height).toBeGreaterThan(short[0]!.height)
    expect(short[0]!.height).toBeLessThan(600)
    expect(pdfText(await renderReceiptPdf(receipt({ allocations: many }), '58mm'))).toContain(
      'INV/2026/12/000123',
    )
  })

  it('shows number, local time, customer, amount, method, allocations, credit and cashier', async () => {
    const doc = receipt({ reference: 'TRX-998877' })
    for (const paper of ['58mm', '80mm', 'a4'] as const) {
      const text = pdfText(await renderReceiptPdf(doc, paper))
      expect(text).toContain('KUITANSI')
      expect(text).toContain('KW/2026/000001')
      expect(text).toContain(formatInstant(doc.receivedAt, 'Asia/Jakarta'))
      expect(text).toContain('10.15') // 03:15 UTC is 10.15 WIB
      expect(text).toContain('PLG-0042')
      expect(text).toContain('Budi Santoso')
      expect(text).toContain(formatRupiah(350_000))
      expect(text).toContain('Tunai')
      expect(text).toContain('TRX-998877')
      expect(text).toContain('INV/2026/12/000123')
      expect(text).toContain('Desember 2026')
      expect(text).toContain(formatRupiah(44_750))
      expect(text).toContain('Sisa tagihan')
      expect(text).toContain('Kasir: Siti')
      expect(text).not.toContain('BATAL')
    }
  })

  it('writes the amount in words on every paper', async () => {
    for (const paper of ['58mm', '80mm', 'a4'] as const) {
      const text = pdfText(await renderReceiptPdf(receipt(), paper)).replace(/\s+/g, ' ')
      expect(text).toContain('Terbilang: tiga ratus lima puluh ribu rupiah')
    }
  })

  it('leaves out the credit line when nothing went to credit', async () => {
    const text = pdfText(await renderReceiptPdf(receipt({ toCredit: 0 }), '80mm'))
    expect(text).not.toContain('Kredit')
  })

  it('says BATAL with the reason when the payment was reversed', async () => {
    const reversed = { at: '2026-12-06T02:00:00Z', reason: 'Salah input pelanggan' }
    for (const paper of ['58mm', 'a4'] as const) {
      const text = pdfText(await renderReceiptPdf(receipt({ reversed }), paper))
      expect(text).toContain('BATAL')
      expect(text).toContain('Salah input pelanggan')
    }
  })

  it('prints A4 as a half-page kuitansi on an A4 sheet', async () => {
    const sizes = pdfPageSizes(await renderReceiptPdf(receipt(), 'a4'))
    expect(sizes).toHaveLength(1)
    expect(sizes[0]?.width).toBeCloseTo(595.28, 1)
  })

  it('gives identical bytes for identical input', async () => {
    const a = await renderReceiptPdf(receipt(), '58mm')
    const b = await renderReceiptPdf(receipt(), '58mm')
    expect(a.equals(b)).toBe(true)
  })
})
