import { periodLabel } from '@shared/billing'
import type { Db } from '../db'
import {
  renderCreditNotePdf,
  renderInvoicePdf,
  type CompanyHeader,
  type InvoiceDocument,
} from '../documents'
import { getBillingSettings } from '../settings'
import { getInvoice } from './invoice-queries'

export async function companyHeader(db: Db, companyId: number): Promise<CompanyHeader> {
  const c = await db
    .selectFrom('companies')
    .select(['name', 'address', 'phone', 'email', 'npwp'])
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow()
  return c
}

function speed(kbps: number | null): string | null {
  if (!kbps) return null
  return kbps % 1000 === 0 ? `${kbps / 1000} Mbps` : `${kbps} kbps`
}

/** What the invoice PDF shows, from the stored (immutable) invoice. */
export async function invoiceDocument(
  db: Db,
  companyId: number,
  invoiceId: number,
): Promise<InvoiceDocument | null> {
  const invoice = await getInvoice(db, companyId, invoiceId)
  if (!invoice) return null
  const [company, settings, phone] = await Promise.all([
    companyHeader(db, companyId),
    getBillingSettings(db, companyId),
    db
      .selectFrom('customers')
      .select('phone')
      .where('id', '=', invoice.customerId)
      .executeTakeFirst(),
  ])
  // Lines grouped by product with subtotals (rule 15); lines without a product group by kind.
  const groups = new Map<string, InvoiceDocument['groups'][number]>()
  for (const l of invoice.lines) {
    const title = l.productName ?? (l.kind === 'usage' ? 'Pemakaian' : 'Biaya lain')
    const group = groups.get(title) ?? { title, lines: [], subtotal: 0 }
    group.lines.push({
      description: l.description,
      sid: l.sid,
      detail: speed(l.downloadKbps),
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      amount: l.amount,
    })
    group.subtotal += l.amount
    groups.set(title, group)
  }
  return {
    company,
    number: invoice.number,
    status: invoice.status === 'draft' ? 'draft' : invoice.paymentStatus,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    periodLabel: invoice.period ? periodLabel(invoice.period) : null,
    customer: { ...invoice.customer, phone: phone?.phone ?? null },
    groups: [...groups.values()],
    subtotal: invoice.subtotal,
    taxLines: invoice.taxLabel ? [{ label: invoice.taxLabel, amount: invoice.tax }] : [],
    rounding: invoice.rounding,
    total: invoice.total,
    paid: invoice.paid,
    balance: invoice.balance,
    paymentInstructions: settings.bankAccounts,
    notes: settings.invoiceNotes || null,
  }
}

export async function invoicePdf(db: Db, companyId: number, invoiceId: number) {
  const doc = await invoiceDocument(db, companyId, invoiceId)
  if (!doc) return null
  return {
    fileName: `${(doc.number ?? `draft-${invoiceId}`).replace(/\//g, '-')}.pdf`,
    data: await renderInvoicePdf(doc),
  }
}

export async function creditNotePdf(db: Db, companyId: number, creditNoteId: number) {
  const cn = await db
    .selectFrom('credit_notes as cn')
    .innerJoin('invoices as i', 'i.id', 'cn.invoice_id')
    .select([
      'cn.number',
      'cn.issue_date',
      'cn.reason',
      'cn.amount',
      'i.number as invoiceNumber',
      'i.customer_code',
      'i.customer_name',
      'i.customer_address',
    ])
    .where('cn.id', '=', creditNoteId)
    .where('cn.company_id', '=', companyId)
    .executeTakeFirst()
  if (!cn) return null
  const data = await renderCreditNotePdf({
    company: await companyHeader(db, companyId),
    number: cn.number,
    issueDate: cn.issue_date,
    invoiceNumber: cn.invoiceNumber ?? '',
    customer: { code: cn.customer_code, name: cn.customer_name, address: cn.customer_address },
    reason: cn.reason,
    amount: cn.amount,
  })
  return { fileName: `${cn.number.replace(/\//g, '-')}.pdf`, data }
}
