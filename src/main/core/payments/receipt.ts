import { periodLabel, type PaymentMethod } from '@shared/billing'
import type { ReceiptPaperSize } from '@shared/billing'
import { translateId } from '@shared/messages/translate'
import { whoText } from '@shared/who'
import { companyHeader, openInvoicesOf, paymentCredit } from '../billing'
import type { Db } from '../db'
import { renderReceiptPdf, type ReceiptDocument } from '../documents'
import { getBillingSettings } from '../settings'

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Tunai',
  transfer: 'Transfer bank',
  ewallet: 'E-wallet',
  gateway: 'Payment gateway',
}

/** The kuitansi of a payment (rule 22), as printed: what it paid and what is still owed. */
export async function receiptDocument(
  db: Db,
  companyId: number,
  paymentId: number,
  timeZone: string,
): Promise<ReceiptDocument | null> {
  const p = await db
    .selectFrom('payments as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id',
      'p.number',
      'p.amount',
      'p.method',
      'p.reference',
      'p.received_at',
      'p.username',
      'p.status',
      'p.reversed_at',
      'p.reversal_reason',
      'p.customer_id',
      'c.code',
      'c.name',
      'c.address',
      'u.name as cashier_name',
    ])
    .where('p.id', '=', paymentId)
    .where('p.company_id', '=', companyId)
    .executeTakeFirst()
  if (!p) return null
  const [company, allocations, credit, open] = await Promise.all([
    companyHeader(db, companyId),
    db
      .selectFrom('allocations as a')
      .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
      .select(['i.number', 'i.period', 'a.amount'])
      .where('a.payment_id', '=', p.id)
      .orderBy('a.id')
      .execute(),
    paymentCredit(db, p.id),
    openInvoicesOf(db, p.customer_id),
  ])
  return {
    company,
    number: p.number,
    receivedAt: p.received_at,
    timeZone,
    customer: { code: p.code, name: p.name, address: p.address },
    amount: p.amount,
    methodLabel: METHOD_LABELS[p.method as PaymentMethod] ?? p.method,
    reference: p.reference,
    // The cashier's full name; a payment from the CLI or a gateway says so in words.
    cashier: whoText(translateId, p.username, p.cashier_name),
    allocations: allocations.map((a) => ({
      invoiceNumber: a.number ?? '',
      periodLabel: a.period ? periodLabel(a.period) : null,
      amount: a.amount,
    })),
    toCredit: credit,
    balanceAfter: open.reduce((sum, i) => sum + i.total - i.paid, 0),
    reversed:
      p.status === 'reversed' ? { at: p.reversed_at ?? '', reason: p.reversal_reason ?? '' } : null,
  }
}

export async function receiptPdf(
  db: Db,
  companyId: number,
  paymentId: number,
  timeZone: string,
  paper?: ReceiptPaperSize,
) {
  const doc = await receiptDocument(db, companyId, paymentId, timeZone)
  if (!doc) return null
  const size = paper ?? (await getBillingSettings(db, companyId)).receiptPaper
  return {
    fileName: `${doc.number.replace(/\//g, '-')}.pdf`,
    data: await renderReceiptPdf(doc, size),
  }
}
