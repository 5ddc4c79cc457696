import type {
  CompanyHeader,
  InvoiceDocument,
  InvoiceDocumentLine,
  ReceiptDocument,
  TableDocument,
} from './types'

/** Sample documents for the renderer tests, shaped like what billing and reports build. */

export const company: CompanyHeader = {
  name: 'PT Jaringan Nusantara',
  address: 'Jl. Merdeka No. 10, Bandung',
  phone: '022-1234567',
  email: 'billing@jaringan.id',
  npwp: '01.234.567.8-901.000',
}

export function line(overrides: Partial<InvoiceDocumentLine> = {}): InvoiceDocumentLine {
  return {
    description: 'Internet 20 Mbps',
    sid: 'SID-0001',
    detail: '20 Mbps',
    periodStart: '2026-12-01',
    periodEnd: '2027-01-01',
    amount: 150_000,
    ...overrides,
  }
}

export function invoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    company,
    number: 'INV/2026/12/000123',
    status: 'belum_bayar',
    issueDate: '2026-12-01',
    dueDate: '2026-12-10',
    periodLabel: 'Desember 2026',
    customer: {
      code: 'PLG-0042',
      name: 'Budi Santoso',
      address: 'Jl. Kenanga 5, Cimahi',
      phone: '0812-3456-7890',
      npwp: null,
    },
    groups: [
      {
        title: 'Internet Rumah',
        lines: [
          line(),
          line({ description: 'Internet 10 Mbps', sid: 'SID-0002', amount: 100_000 }),
        ],
        subtotal: 250_000,
      },
      {
        title: 'Biaya lain',
        lines: [line({ description: 'Sewa router', sid: null, detail: null, amount: 25_000 })],
        subtotal: 25_000,
      },
    ],
    subtotal: 275_000,
    taxLines: [{ label: 'PPN 11%', amount: 30_250 }],
    rounding: 0,
    total: 305_250,
    paid: 0,
    balance: 305_250,
    paymentInstructions: [
      { bank: 'BCA', accountNumber: '1234567890', accountName: 'PT Jaringan Nusantara' },
    ],
    notes: 'Terima kasih atas pembayaran tepat waktu.',
    ...overrides,
  }
}

export function receipt(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    company,
    number: 'KW/2026/000001',
    receivedAt: '2026-12-05T03:15:00Z',
    timeZone: 'Asia/Jakarta',
    customer: { code: 'PLG-0042', name: 'Budi Santoso', address: 'Jl. Kenanga 5, Cimahi' },
    amount: 350_000,
    methodLabel: 'Tunai',
    reference: null,
    cashier: 'Siti',
    allocations: [
      { invoiceNumber: 'INV/2026/12/000123', periodLabel: 'Desember 2026', amount: 305_250 },
    ],
    toCredit: 44_750,
    balanceAfter: 0,
    reversed: null,
    ...overrides,
  }
}

export function table(rowCount: number, overrides: Partial<TableDocument> = {}): TableDocument {
  return {
    company,
    title: 'Piutang: per pelanggan [Des/2026]?',
    subtitle: 'Per 22 Desember 2026',
    generatedAt: '2026-12-22T03:00:00Z',
    timeZone: 'Asia/Jakarta',
    columns: [
      { key: 'code', label: 'ID', width: 0.8 },
      { key: 'name', label: 'Nama', width: 2 },
      { key: 'since', label: 'Sejak', kind: 'date' },
      { key: 'count', label: 'Invoice', kind: 'number', width: 0.6 },
      { key: 'amount', label: 'Piutang', kind: 'money' },
    ],
    rows: Array.from({ length: rowCount }, (_, i) => ({
      code: `PLG-${String(i + 1).padStart(4, '0')}`,
      name: `Pelanggan ${i + 1}`,
      since: '2026-01-15',
      count: 1 + (i % 3),
      amount: 150_000 + i * 1_000,
    })),
    totals: { code: 'Total', name: null, since: null, count: 2 * rowCount, amount: 1_234_567 },
    ...overrides,
  }
}
