import { describe, expect, it } from 'vitest'
import { formatRupiah } from '@shared/money'
import { invoice, line } from './fixtures'
import { renderInvoicePdf } from './invoice-pdf'
import { pdfPageSizes, pdfPageTexts, pdfText } from './pdf-text'

const textOf = async (doc: Parameters<typeof renderInvoicePdf>[0]) =>
  pdfText(await renderInvoicePdf(doc))

describe('invoice PDF', () => {
  it('shows the number, the customer, every line and the total in rupiah', async () => {
    const text = await textOf(invoice())
    expect(text).toContain('INV/2026/12/000123')
    expect(text).toContain('Budi Santoso')
    expect(text).toContain('PLG-0042')
    for (const description of ['Internet 20 Mbps', 'Internet 10 Mbps', 'Sewa router']) {
      expect(text).toContain(description)
    }
    expect(text).toContain('SID-0002')
    expect(text).toContain(formatRupiah(305_250))
  })

  it('prints a period with its last covered day, not the exclusive end', async () => {
    const text = await textOf(invoice())
    expect(text).toContain('01/12/2026 – 31/12/2026')
    expect(text).not.toContain('01/01/2027')
  })

  it('subtotals each group when there is more than one group', async () => {
    const text = await textOf(invoice())
    expect(text).toContain('Subtotal Internet Rumah')
    expect(text).toContain(formatRupiah(250_000))
    expect(text).toContain('Subtotal Biaya lain')
  })

  it('does not subtotal a single group of a single line', async () => {
    const only = { title: 'Internet Rumah', lines: [line()], subtotal: 150_000 }
    const text = await textOf(invoice({ groups: [only] }))
    expect(text).not.toContain('Subtotal Internet Rumah')
  })

  it('prints PPN only when there are tax lines (non-PKP operators must not)', async () => {
    expect(await textOf(invoice())).toContain('PPN 11%')
    expect(await textOf(invoice({ taxLines: [] }))).not.toContain('PPN')
  })

  it('prints the rounding line only when there is rounding', async () => {
    expect(await textOf(invoice())).not.toContain('Pembulatan')
    expect(await textOf(invoice({ rounding: -250 }))).toContain('Pembulatan')
  })

  it('lists the bank accounts to pay to', async () => {
    const text = await textOf(invoice())
    expect(text).toContain('Cara pembayaran')
    expect(text).toContain('BCA 1234567890 a.n. PT Jaringan Nusantara')
  })

  it('says DRAFT instead of a number for a draft', async () => {
    const text = await textOf(invoice({ number: null, status: 'draft' }))
    expect(text).toContain('DRAFT')
    expect(text).not.toContain('INV/2026/12/000123')
  })

  it('stamps LUNAS on a paid invoice and BATAL on a void one', async () => {
    expect(await textOf(invoice({ status: 'lunas' }))).toContain('LUNAS')
    expect(await textOf(invoice({ status: 'void' }))).toContain('BATAL')
    expect(await textOf(invoice())).not.toMatch(/LUNAS|BATAL/)
  })

  it('shows the customer NPWP only when there is one', async () => {
    const base = invoice()
    const withNpwp = { ...base.customer, npwp: '09.876.543.2-109.000' }
    expect(await textOf(invoice({ customer: withNpwp }))).toContain('NPWP 09.876.543.2-109.000')
    expect(await textOf(base)).not.toContain('09.876.543.2-109.000')
  })

  it('is A4 portrait', async () => {
    const [size] = pdfPageSizes(await renderInvoicePdf(invoice()))
    expect(size?.width).toBeCloseTo(595.28, 1)
    expect(size?.height).toBeCloseTo(841.89, 1)
  })

  it('paginates a 200-line corporate invoice, repeating the table header', async () => {
    const lines = Array.from({ length: 200 }, (_, i) =>
      line({ description: `Dedicated 100 Mbps site ${i + 1}`, sid: `SID-${1000 + i}` }),
    )
    const groups = [{ title: 'Dedicated', lines, subtotal: 30_000_000 }]
    const pdf = await renderInvoicePdf(invoice({ groups, taxLines: [], subtotal: 30_000_000 }))
    const pages = pdfPageTexts(pdf)
    expect(pages.length).toBeGreaterThan(1)
    expect(pdfPageSizes(pdf)).toHaveLength(pages.length)
    expect(pages[1]).toContain(`Halaman 2 dari ${pages.length}`)
    for (const page of pages) expect(page).toContain('Keterangan')
    const all = pages.join('\n')
    expect(all).toContain('site 1\n')
    expect(all).toContain('site 200')
    expect(pages.at(-1)).toContain('Sisa tagihan')
  })

  it('gives identical bytes for identical input', async () => {
    const a = await renderInvoicePdf(invoice())
    const b = await renderInvoicePdf(invoice())
    expect(a.equals(b)).toBe(true)
  })
})
