/**
 * What the printed documents show, as plain data. Billing and reports build these; the renderers
 * in this folder turn them into PDF (pdfkit) or Excel (exceljs) and know nothing of the database.
 * Amounts are integer rupiah; dates are `YYYY-MM-DD`, instants ISO-8601 UTC.
 */

export interface CompanyHeader {
  name: string
  address: string
  phone: string | null
  email: string | null
  npwp: string | null
}

export interface BankAccount {
  bank: string
  accountNumber: string
  accountName: string
}

/** The payment status a person reads on the invoice (derived from allocations, BILLING.md 21). */
export type InvoiceDocumentStatus = 'draft' | 'belum_bayar' | 'sebagian' | 'lunas' | 'void'

export interface InvoiceDocumentLine {
  description: string
  /** The service the line belongs to (SID), when it belongs to one. */
  sid: string | null
  /** Bandwidth or other short detail of the service (e.g. "20 Mbps"), corporate invoices show it. */
  detail: string | null
  /** `YYYY-MM-DD` – `YYYY-MM-DD` (end exclusive) of what the line covers, when it covers a period. */
  periodStart: string | null
  periodEnd: string | null
  amount: number
}

export interface InvoiceDocument {
  company: CompanyHeader
  /** null while a draft: the PDF then says DRAFT instead of a number. */
  number: string | null
  status: InvoiceDocumentStatus
  issueDate: string
  dueDate: string
  /** e.g. "Desember 2026"; null for an invoice of one-time charges only. */
  periodLabel: string | null
  customer: {
    code: string
    name: string
    address: string
    phone: string | null
    npwp: string | null
  }
  /** Lines grouped by product (BILLING.md 15), each group with its subtotal. */
  groups: { title: string; lines: InvoiceDocumentLine[]; subtotal: number }[]
  subtotal: number
  /** Empty when tax is off (non-PKP operators must not print PPN, BILLING.md 19). */
  taxLines: { label: string; amount: number }[]
  /** Cash rounding line (BILLING.md 18); 0 when off. */
  rounding: number
  total: number
  paid: number
  balance: number
  paymentInstructions: BankAccount[]
  notes: string | null
}

export interface CreditNoteDocument {
  company: CompanyHeader
  number: string
  issueDate: string
  invoiceNumber: string
  customer: { code: string; name: string; address: string }
  reason: string
  amount: number
}

export type ReceiptPaper = '58mm' | '80mm' | 'a4'

export interface ReceiptDocument {
  company: CompanyHeader
  /** The kuitansi number (KW/2026/000001). */
  number: string
  /** When the money was received (instant) and the company's time zone to print it in. */
  receivedAt: string
  timeZone: string
  customer: { code: string; name: string; address: string }
  amount: number
  /** Already translated: "Tunai", "Transfer bank", "E-wallet", "Payment gateway". */
  methodLabel: string
  reference: string | null
  cashier: string
  /** What the payment paid. */
  allocations: { invoiceNumber: string; periodLabel: string | null; amount: number }[]
  /** Part of the payment kept as customer credit (overpayment). */
  toCredit: number
  /** What the customer still owes after this payment. */
  balanceAfter: number
  /** Set when the payment was later reversed: the receipt then says BATAL with the reason. */
  reversed: { at: string; reason: string } | null
}

export type TableCell = string | number | null

export interface TableColumn {
  key: string
  label: string
  /**
   * Money columns are right-aligned and formatted as rupiah (PDF) or `#,##0` (Excel); phone
   * columns print 0812-3456-7890 on paper and keep the stored 62… in Excel.
   */
  kind?: 'text' | 'money' | 'number' | 'date' | 'phone'
  /** Relative width in the PDF (default 1). */
  width?: number
}

/** A report as a table, exported to Excel and PDF the same way. */
export interface TableDocument {
  company: CompanyHeader
  title: string
  /** e.g. "Per 22 November 2026" or "Periode 2026-12". */
  subtitle: string | null
  generatedAt: string
  timeZone: string
  columns: TableColumn[]
  rows: Record<string, TableCell>[]
  /** A totals row printed last, in bold. */
  totals: Record<string, TableCell> | null
  /** Wide tables print landscape. */
  landscape?: boolean
}
