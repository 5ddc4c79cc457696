import { periodLabel } from '@shared/billing'
import type { TemplateValues } from '@shared/messaging'
import { formatPhone } from '@shared/phone'
import type { PayLinks } from '../pay-links'

// Formatters are costly to build and carry no state: one each for every message of a run.
const digits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })
const longDate = new Intl.DateTimeFormat('id-ID', {
  day: '2-digit',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "Rp150.000": no space, so a WhatsApp line never breaks between Rp and the amount. */
export function rupiahText(amount: number): string {
  return `Rp${digits.format(amount)}`
}

/** "08 Desember 2026" (dd MMMM yyyy, id-ID). */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return longDate.format(new Date(Date.UTC(y, m - 1, d)))
}

// periodLabel builds an Intl formatter per call; a run names the same few months 50,000 times.
const periodNames = new Map<string, string>()

/** An invoice in words: its period ("Desember 2026"), or for a one-off invoice its issue date. */
export function invoiceLabel(inv: { period: string | null; issueDate: string }): string {
  if (!inv.period) return `tagihan ${dateText(inv.issueDate)}`
  let name = periodNames.get(inv.period)
  if (!name) periodNames.set(inv.period, (name = periodLabel(inv.period)))
  return name
}

export interface InvoiceLine {
  id: number
  number: string | null
  period: string | null
  issueDate: string
  dueDate: string
  /** What is still owed on it (or, in a receipt, what the payment put on it). */
  amount: number
}

/** `{rincian}`: one line per invoice, "- Desember 2026 (INV/2026/000012): Rp150.000". */
export function rincian(lines: InvoiceLine[]): string {
  return lines
    .map((l) => `- ${invoiceLabel(l)}${l.number ? ` (${l.number})` : ''}: ${rupiahText(l.amount)}`)
    .join('\n')
}

/** `{periode}`: the months, oldest first, each once. */
export function periodsText(lines: InvoiceLine[]): string {
  return [...new Set(lines.map(invoiceLabel))].join(', ')
}

export interface CompanyInfo {
  name: string
  phone: string | null
}

export interface CustomerInfo {
  id: number
  code: string
  name: string
}

/** The variables every message about a customer's invoices shares. */
export function invoiceValues(
  company: CompanyInfo,
  links: PayLinks,
  customer: CustomerInfo,
  lines: InvoiceLine[],
  dueDate: string | null,
): TemplateValues {
  const numbers = [...new Set(lines.flatMap((l) => (l.number ? [l.number] : [])))]
  return {
    nama: customer.name,
    kode: customer.code,
    perusahaan: company.name,
    telepon_perusahaan: company.phone ? formatPhone(company.phone) : '',
    periode: periodsText(lines),
    jumlah: rupiahText(lines.reduce((sum, l) => sum + l.amount, 0)),
    jatuh_tempo: dueDate ? dateText(dueDate) : '',
    link_bayar: links(customer.id, lines),
    nomor_invoice: numbers.join(', '),
    rincian: rincian(lines),
  }
}
