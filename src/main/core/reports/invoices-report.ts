import { sql } from 'kysely'
import type { PaymentStatus } from '@shared/billing'
import type { Db } from '../db'
import { customerFilter, filtersOf, type ReportFilters } from './filters'
import { inPeriods } from './periods'

export interface PeriodInvoice {
  invoiceId: number
  number: string
  customerId: number
  customerCode: string
  customerName: string
  total: number
  paid: number
  balance: number
  status: PaymentStatus
}

export interface PeriodInvoicesReport extends ReportFilters {
  period: string
  invoices: PeriodInvoice[]
  total: number
  paid: number
  balance: number
}

/**
 * The issued invoices of one period (one-time invoices by their issue month) as they stand now,
 * by number. Voided ones are not receivable and are left out, as in every other report.
 */
export async function periodInvoices(
  db: Db,
  companyId: number,
  { period, ...filters }: { period: string } & ReportFilters,
): Promise<PeriodInvoicesReport> {
  const { rows } = await sql<{
    id: number
    number: string
    customer_id: number
    customer_code: string
    customer_name: string
    total: number
    paid: number
    payment_status: PaymentStatus
  }>`SELECT i.id, i.number, i.customer_id, i.customer_code, i.customer_name, i.total, i.paid,
      i.payment_status
    FROM invoices i WHERE ${inPeriods(companyId, { from: period, to: period })}${customerFilter('i.customer_id', filters)}
    ORDER BY i.number`.execute(db)
  const invoices = rows.map((r): PeriodInvoice => ({
    invoiceId: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    total: r.total,
    paid: r.paid,
    balance: r.total - r.paid,
    status: r.payment_status,
  }))
  const sum = (k: 'total' | 'paid' | 'balance') => invoices.reduce((s, i) => s + i[k], 0)
  return {
    period,
    ...filtersOf(filters),
    invoices,
    total: sum('total'),
    paid: sum('paid'),
    balance: sum('balance'),
  }
}
