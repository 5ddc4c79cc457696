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

/** Seed 003's report generator sorts by paid and unpaid (sebagian counts as unpaid). */
export const PAID_FILTERS = ['paid', 'unpaid'] as const
export type PaidFilter = (typeof PAID_FILTERS)[number]
/** Internet (every broadband type) or cable TV, as the revenue report groups them. */
export const SERVICE_GROUPS = ['broadband', 'cable_tv'] as const
export type ServiceGroup = (typeof SERVICE_GROUPS)[number]
const SERVICE_TYPES_OF: Record<ServiceGroup, string[]> = {
  broadband: ['pppoe', 'hotspot', 'static_ip', 'dedicated'],
  cable_tv: ['cable_tv'],
}

export interface InvoiceSelection extends ReportFilters {
  paidFilter?: PaidFilter
  serviceGroup?: ServiceGroup
}

export interface PeriodInvoicesReport extends InvoiceSelection {
  period: string
  invoices: PeriodInvoice[]
  total: number
  paid: number
  balance: number
}

const paidClause = (paid: PaidFilter | undefined) =>
  paid === undefined
    ? sql``
    : paid === 'paid'
      ? sql` AND i.payment_status = 'lunas'`
      : sql` AND i.payment_status <> 'lunas'`

/** An invoice of a service group has a line of one of its packages. */
const serviceFilter = (group: ServiceGroup | undefined) =>
  group === undefined
    ? sql``
    : sql` AND EXISTS (SELECT 1 FROM invoice_lines sl JOIN products sp ON sp.id = sl.product_id
        WHERE sl.invoice_id = i.id AND sp.service_type IN (${sql.join(SERVICE_TYPES_OF[group])}))`

/**
 * The issued invoices of one period (one-time invoices by their issue month) as they stand now,
 * by number. Voided ones are not receivable and are left out, as in every other report.
 */
export async function periodInvoices(
  db: Db,
  companyId: number,
  { period, paidFilter, serviceGroup, ...filters }: { period: string } & InvoiceSelection,
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
    FROM invoices i WHERE ${inPeriods(companyId, { from: period, to: period })}${customerFilter('i.customer_id', filters)}${paidClause(paidFilter)}${serviceFilter(serviceGroup)}
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
    ...(paidFilter ? { paidFilter } : {}),
    ...(serviceGroup ? { serviceGroup } : {}),
    invoices,
    total: sum('total'),
    paid: sum('paid'),
    balance: sum('balance'),
  }
}
