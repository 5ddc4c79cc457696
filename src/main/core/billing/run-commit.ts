import type { Kysely } from 'kysely'
import { insertValues, type Database } from '../db'
import type { BillingSettings } from '../settings'
import { applyCredit } from './credit'
import { refreshInvoices } from './invoice-state'
import { takeDocumentNumbers } from './numbers'
import { billedPeriodsOf, chunks } from './run-data'
import { settledChanges, totalsOf, type PlannedInvoice } from './run-plan'

// The columns an invoice run writes; the rest keep their defaults (notes, void fields, …).
const INVOICE_COLUMNS = [
  'id',
  'company_id',
  'customer_id',
  'kind',
  'period',
  'run_id',
  'number',
  'status',
  'issue_date',
  'due_date',
  'customer_code',
  'customer_name',
  'customer_address',
  'customer_npwp',
  'subtotal',
  'tax_label',
  'tax_amount',
  'rounding',
  'total',
  'paid',
  'payment_status',
  'created_by',
  'created_at',
  'updated_at',
] as const
const LINE_COLUMNS = [
  'invoice_id',
  'kind',
  'service_id',
  'product_id',
  'description',
  'period_start',
  'period_end',
  'amount',
  'history_id',
  'charge_id',
  'sort',
] as const
const PERIOD_COLUMNS = ['service_id', 'period_start', 'period_end', 'invoice_id'] as const

export interface BatchContext {
  companyId: number
  runId: number | null
  settings: BillingSettings
  period: string | null
  at: string
  username: string | null
}

/**
 * Writes one batch of planned invoices inside the caller's write transaction. What another run
 * wrote since the plan was made is checked again here, under the write lock, so two runs at once
 * never bill a service twice (rule 4); billed_periods' primary key is the last guard.
 * Returns the invoices written (with their ids) and those dropped as already billed.
 */
export async function writeInvoices(
  tx: Kysely<Database>,
  c: BatchContext,
  planned: PlannedInvoice[],
): Promise<{
  written: (PlannedInvoice & { id: number; number: string })[]
  dropped: PlannedInvoice[]
}> {
  const serviceIds: number[] = []
  let from = ''
  let to = ''
  for (const i of planned) {
    for (const b of i.billed) {
      serviceIds.push(b.serviceId)
      if (!from || b.start < from) from = b.start
      if (b.start > to) to = b.start
    }
  }
  const billed = serviceIds.length
    ? await billedPeriodsOf(tx, serviceIds, from, to)
    : new Set<string>()
  const historyIds = planned.flatMap((i) =>
    i.lines.flatMap((l) => (l.historyId ? [l.historyId] : [])),
  )
  const settled = await settledChanges(
    tx,
    historyIds.map((id) => ({ id })),
  )
  const chargeIds = planned.flatMap((i) => i.lines.flatMap((l) => (l.chargeId ? [l.chargeId] : [])))
  const pendingCharges = new Set<number>()
  for (const chunk of chunks(chargeIds, 900)) {
    const rows = await tx
      .selectFrom('one_time_charges')
      .select('id')
      .where('id', 'in', chunk)
      .where('status', '=', 'pending')
      .execute()
    for (const r of rows) pendingCharges.add(r.id)
  }

  const dropped: PlannedInvoice[] = []
  const keep: PlannedInvoice[] = []
  for (const invoice of planned) {
    if (invoice.billed.some((b) => billed.has(`${b.serviceId}:${b.start}`))) {
      dropped.push(invoice)
      continue
    }
    const lines = invoice.lines.filter(
      (l) =>
        !(l.historyId && settled.has(l.historyId)) &&
        !(l.chargeId && !pendingCharges.has(l.chargeId)),
    )
    keep.push(
      lines.length === invoice.lines.length
        ? invoice
        : { ...invoice, lines, ...totalsOf(lines, c.settings) },
    )
  }
  if (!keep.length) return { written: [], dropped }

  // Gapless numbers per issue year, in the order the invoices are written.
  const numbers = new Map<PlannedInvoice, string>()
  const years = [...new Set(keep.map((i) => i.issueDate.slice(0, 4)))]
  for (const year of years) {
    const ofYear = keep.filter((i) => i.issueDate.startsWith(year))
    const taken = await takeDocumentNumbers(
      tx,
      c.companyId,
      'invoice',
      c.settings.invoicePattern,
      year,
      ofYear.length,
    )
    ofYear.forEach((invoice, k) => numbers.set(invoice, taken[k]!))
  }
  // Ids are assigned here (we hold the write lock) so lines can be inserted set-wise.
  const last = await tx
    .selectFrom('invoices')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  const firstId = (last?.id ?? 0) + 1
  const written = keep.map((invoice, k) => ({
    ...invoice,
    id: firstId + k,
    number: numbers.get(invoice)!,
  }))

  // Values in column order, not an object per row: 150,000 rows are built on the way.
  // Lines go in while the invoice is a draft; it is issued below, in this transaction.
  await insertValues(
    tx,
    'invoices',
    INVOICE_COLUMNS,
    written.map((i) => [
      i.id,
      c.companyId,
      i.customerId,
      'period',
      c.period,
      c.runId,
      i.number,
      'draft',
      i.issueDate,
      i.dueDate,
      i.customerCode,
      i.customerName,
      i.customerAddress,
      i.customerNpwp,
      i.subtotal,
      i.taxLabel,
      i.tax,
      i.rounding,
      i.total,
      0,
      'belum_bayar',
      c.username,
      c.at,
      c.at,
    ]),
  )
  const lineRows: unknown[][] = []
  const periodRows: unknown[][] = []
  for (const i of written) {
    i.lines.forEach((l, sort) =>
      lineRows.push([
        i.id,
        l.kind,
        l.serviceId,
        l.productId,
        l.description,
        l.periodStart,
        l.periodEnd,
        l.amount,
        l.historyId,
        l.chargeId,
        sort,
      ]),
    )
    for (const b of i.billed) periodRows.push([b.serviceId, b.start, b.end, i.id])
  }
  await insertValues(tx, 'invoice_lines', LINE_COLUMNS, lineRows)
  await insertValues(tx, 'billed_periods', PERIOD_COLUMNS, periodRows)
  for (const i of written) {
    for (const l of i.lines) {
      if (!l.chargeId) continue
      await tx
        .updateTable('one_time_charges')
        .set({ status: 'billed', invoice_id: i.id })
        .where('id', '=', l.chargeId)
        .execute()
    }
  }
  await tx
    .updateTable('invoices')
    .set({ status: 'issued', issued_at: c.at })
    .where('id', '>=', firstId)
    .where('id', '<=', firstId + written.length - 1)
    .execute()
  // Zero or negative totals are settled at once; credit the customer holds pays the rest (rule 24).
  await settleCreditFor(tx, c, written)
  return { written, dropped }
}

async function settleCreditFor(
  tx: Kysely<Database>,
  c: BatchContext,
  written: { customerId: number; id: number; total: number; issueDate: string }[],
) {
  const customers = [...new Set(written.map((i) => i.customerId))]
  const withCredit: number[] = []
  for (const chunk of chunks(customers, 900)) {
    const rows = await tx
      .selectFrom('customer_credits')
      .select('customer_id')
      .where('customer_id', 'in', chunk)
      .groupBy('customer_id')
      .having((eb) => eb.fn.sum('amount'), '>', 0)
      .execute()
    withCredit.push(...rows.map((r) => r.customer_id))
  }
  const date = written[0]?.issueDate ?? c.at.slice(0, 10)
  for (const customerId of withCredit) {
    await applyCredit(tx, {
      companyId: c.companyId,
      customerId,
      date,
      at: c.at,
      username: c.username,
    })
  }
  const nothingDue = written.filter((i) => i.total <= 0).map((i) => i.id)
  if (nothingDue.length) {
    await refreshInvoices(tx, nothingDue, c.at)
  }
}
