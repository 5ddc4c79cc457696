import { sql } from 'kysely'
import type { PaymentStatus } from '@shared/billing'
import { AppError } from '@shared/errors'
import type { Db } from '../db'
import { invoicePeriod } from './periods'

export interface HistoryPayment {
  /** The day the amount was put on the invoice (the payment's received date for a payment). */
  date: string
  amount: number
  source: 'payment' | 'credit' | 'credit_note'
  /** The payment's number and method when the source is a payment. */
  paymentNumber: string | null
  method: string | null
}

export interface HistoryInvoice {
  invoiceId: number
  number: string
  period: string
  issueDate: string
  dueDate: string
  total: number
  paid: number
  balance: number
  status: PaymentStatus
  /** Paid in more than one payment (cicilan). */
  instalments: boolean
  payments: HistoryPayment[]
}

export interface CustomerPaymentHistory {
  customerId: number
  year: number
  /** The years the customer has invoices in, newest first (what the year picker offers). */
  years: number[]
  /** January–December, each with the invoices of that billing month (an empty list when none). */
  months: { period: string; invoices: HistoryInvoice[] }[]
  totals: { invoiced: number; paid: number; balance: number }
}

/**
 * A customer's invoices of one year month by month, with which payments paid them on which day
 * (seed 003's "rincian pembayaran" by year). Reversed allocations are left out, as `paid` does;
 * an invoice with more than one live allocation is marked as paid in instalments.
 */
export async function customerPaymentHistory(
  db: Db,
  companyId: number,
  { customerId, year }: { customerId: number; year: number },
): Promise<CustomerPaymentHistory> {
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const from = `${year}-01`
  const to = `${year}-12`
  const { rows: invoices } = await sql<{
    id: number
    number: string
    period: string
    issue_date: string
    due_date: string
    total: number
    paid: number
    payment_status: PaymentStatus
  }>`SELECT i.id, i.number, ${invoicePeriod} AS period, i.issue_date, i.due_date, i.total, i.paid,
      i.payment_status
    FROM invoices i
    WHERE i.company_id = ${companyId} AND i.customer_id = ${customerId} AND i.status = 'issued'
      AND ${invoicePeriod} BETWEEN ${from} AND ${to}
    ORDER BY 3, i.number`.execute(db)
  const ids = invoices.map((i) => i.id)
  const allocations = ids.length
    ? await db
        .selectFrom('allocations as a')
        .leftJoin('payments as p', 'p.id', 'a.payment_id')
        .select([
          'a.invoice_id',
          'a.date',
          'a.amount',
          'a.source',
          'p.number as payment_number',
          'p.method',
        ])
        .where('a.invoice_id', 'in', ids)
        .where('a.reversed_date', 'is', null)
        .orderBy('a.date')
        .orderBy('a.id')
        .execute()
    : []
  const byInvoice = new Map<number, HistoryPayment[]>()
  for (const a of allocations) {
    const list = byInvoice.get(a.invoice_id) ?? []
    list.push({
      date: a.date,
      amount: a.amount,
      source: a.source,
      paymentNumber: a.payment_number,
      method: a.method,
    })
    byInvoice.set(a.invoice_id, list)
  }
  const months = Array.from({ length: 12 }, (_, m) => ({
    period: `${year}-${String(m + 1).padStart(2, '0')}`,
    invoices: [] as HistoryInvoice[],
  }))
  for (const i of invoices) {
    const payments = byInvoice.get(i.id) ?? []
    months[Number(i.period.slice(5, 7)) - 1]!.invoices.push({
      invoiceId: i.id,
      number: i.number,
      period: i.period,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      total: i.total,
      paid: i.paid,
      balance: i.total - i.paid,
      status: i.payment_status,
      instalments: payments.length > 1,
      payments,
    })
  }
  const { rows: yearRows } = await sql<{ year: string }>`SELECT DISTINCT
      substr(${invoicePeriod}, 1, 4) AS year
    FROM invoices i
    WHERE i.company_id = ${companyId} AND i.customer_id = ${customerId} AND i.status = 'issued'`.execute(
    db,
  )
  const years = yearRows.map((r) => Number(r.year)).sort((a, b) => b - a)
  const sum = (k: 'total' | 'paid') => invoices.reduce((s, i) => s + i[k], 0)
  return {
    customerId,
    year,
    years,
    months,
    totals: { invoiced: sum('total'), paid: sum('paid'), balance: sum('total') - sum('paid') },
  }
}
