import type { CalendarDate } from '@shared/dates'
import type { Db } from '../db'

/**
 * One invoice with its lines, what paid it and its credit notes; given today, whether it is
 * not yet issued (dated after today, as an anniversary run dates a month's invoices ahead).
 */
export async function getInvoice(db: Db, companyId: number, id: number, today?: CalendarDate) {
  const invoice = await db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!invoice) return null
  const [lines, allocations, creditNotes] = await Promise.all([
    db
      .selectFrom('invoice_lines as l')
      .leftJoin('services as s', 's.id', 'l.service_id')
      .leftJoin('products as p', 'p.id', 'l.product_id')
      .select([
        'l.id',
        'l.kind',
        'l.description',
        'l.service_id as serviceId',
        's.sid',
        'l.product_id as productId',
        'p.name as productName',
        'p.service_type as serviceType',
        'p.download_kbps as downloadKbps',
        'l.period_start as periodStart',
        'l.period_end as periodEnd',
        'l.amount',
      ])
      .where('l.invoice_id', '=', id)
      .orderBy('l.sort')
      .execute(),
    db
      .selectFrom('allocations as a')
      .leftJoin('payments as p', 'p.id', 'a.payment_id')
      .leftJoin('credit_notes as cn', 'cn.id', 'a.credit_note_id')
      .select([
        'a.id',
        'a.amount',
        'a.source',
        'a.date',
        'a.reversed_at as reversedAt',
        'p.id as paymentId',
        'p.number as paymentNumber',
        'p.method',
        'cn.number as creditNoteNumber',
      ])
      .where('a.invoice_id', '=', id)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('credit_notes')
      .select(['id', 'number', 'amount', 'reason', 'issue_date as issueDate', 'kind'])
      .where('invoice_id', '=', id)
      .orderBy('id')
      .execute(),
  ])
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    period: invoice.period,
    status: invoice.status,
    paymentStatus: invoice.payment_status,
    issueDate: invoice.issue_date,
    dueDate: invoice.due_date,
    upcoming: today !== undefined && invoice.status === 'issued' && invoice.issue_date > today,
    customerId: invoice.customer_id,
    customer: {
      code: invoice.customer_code,
      name: invoice.customer_name,
      address: invoice.customer_address,
      npwp: invoice.customer_npwp,
    },
    subtotal: invoice.subtotal,
    taxLabel: invoice.tax_label,
    tax: invoice.tax_amount,
    rounding: invoice.rounding,
    total: invoice.total,
    paid: invoice.paid,
    balance: invoice.status === 'void' ? 0 : invoice.total - invoice.paid,
    voidReason: invoice.void_reason,
    voidedAt: invoice.voided_at,
    voidedBy: invoice.voided_by,
    notes: invoice.notes,
    issuedAt: invoice.issued_at,
    createdBy: invoice.created_by,
    lines,
    allocations,
    creditNotes,
  }
}
export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoice>>>

export interface StatementEntry {
  date: string
  kind: 'invoice' | 'payment' | 'credit_note' | 'reversal' | 'void'
  reference: string
  description: string
  /** + raises what the customer owes, − lowers it. */
  amount: number
  balance: number
  id: number
}

/**
 * A customer's statement: every invoice, payment, credit note and reversal in date order with a
 * running balance (what they owe; negative means credit in hand).
 */
export async function customerStatement(db: Db, companyId: number, customerId: number) {
  const [invoices, payments, credits, creditBalance] = await Promise.all([
    db
      .selectFrom('invoices')
      .select(['id', 'number', 'period', 'issue_date', 'total', 'status', 'voided_at'])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .where('status', '!=', 'draft')
      .execute(),
    db
      .selectFrom('payments')
      .select(['id', 'number', 'amount', 'method', 'received_date', 'status', 'reversed_date'])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .execute(),
    db
      .selectFrom('credit_notes')
      .select(['id', 'number', 'amount', 'reason', 'issue_date'])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .execute(),
    db
      .selectFrom('customer_credits')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow(),
  ])
  const entries: Omit<StatementEntry, 'balance'>[] = []
  for (const i of invoices) {
    entries.push({
      date: i.issue_date,
      kind: 'invoice',
      reference: i.number ?? '',
      description: i.period ?? '',
      amount: i.total,
      id: i.id,
    })
    if (i.status === 'void') {
      entries.push({
        date: (i.voided_at ?? i.issue_date).slice(0, 10),
        kind: 'void',
        reference: i.number ?? '',
        description: '',
        amount: -i.total,
        id: i.id,
      })
    }
  }
  for (const p of payments) {
    entries.push({
      date: p.received_date,
      kind: 'payment',
      reference: p.number,
      description: p.method,
      amount: -p.amount,
      id: p.id,
    })
    if (p.status === 'reversed') {
      entries.push({
        date: p.reversed_date ?? p.received_date,
        kind: 'reversal',
        reference: p.number,
        description: '',
        amount: p.amount,
        id: p.id,
      })
    }
  }
  for (const c of credits) {
    entries.push({
      date: c.issue_date,
      kind: 'credit_note',
      reference: c.number,
      description: c.reason,
      amount: -c.amount,
      id: c.id,
    })
  }
  const order = { invoice: 0, void: 1, credit_note: 2, payment: 3, reversal: 4 }
  entries.sort(
    (a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || a.id - b.id,
  )
  let balance = 0
  const withBalance = entries.map((e) => ({ ...e, balance: (balance += e.amount) }))
  return { entries: withBalance, balance, credit: Number(creditBalance.sum) }
}
