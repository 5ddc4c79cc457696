import { describe, expect, it } from 'vitest'
import { formatRupiah } from '@shared/money'
import { renderCreditNotePdf } from './credit-note-pdf'
import { company } from './fixtures'
import { pdfPageSizes, pdfText } from './pdf-text'

describe('credit note PDF', () => {
  it('names the invoice it credits, the reason and the amount on one A4 page', async () => {
    const pdf = await renderCreditNotePdf({
      company,
      number: 'NK/2026/000007',
      issueDate: '2026-12-12',
      invoiceNumber: 'INV/2026/12/000123',
      customer: { code: 'PLG-0042', name: 'Budi Santoso', address: 'Jl. Kenanga 5' },
      reason: 'Gangguan 5 hari',
      amount: 25_000,
    })
    const text = pdfText(pdf)
    for (const expected of [
      'NOTA KREDIT',
      'NK/2026/000007',
      'INV/2026/12/000123',
      'Budi Santoso',
      'Gangguan 5 hari',
      formatRupiah(25_000),
      company.name,
    ]) {
      expect(text).toContain(expected)
    }
    expect(pdfPageSizes(pdf)).toHaveLength(1)
  })
})
