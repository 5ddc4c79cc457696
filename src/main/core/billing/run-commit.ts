import type { Kysely } from 'kysely'
import { insertRows, type Database } from '../db'
import type { BillingSettings } from '../settings'
import { applyCredit } from './credit'
import { refreshInvoices } from './invoice-state'
import { takeDocumentNumbers } from './numbers'
import { billedPeriodsOf, chunks } from './run-data'
import { settledChanges, totalsOf, type PlannedInvoice } from './run-plan'

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
  const serviceIds = planned.flatMap((i) => i.billed.map((b) => b.serviceId))
  const starts = planned.flatMap((i) => i.billed.map((b) => b.start)).sort()
  const billed = serviceIds.length
    ? await billedPeriodsOf(tx, serviceIds, starts[0]!, starts[starts.length - 1]!)
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

  await insertRows(
    tx,
    'invoices',
    written.map((i) => ({
      id: i.id,
      company_id: c.companyId,
      customer_id: i.customerId,
      kind: 'period' as const,
      period: c.period,
      run_id: c.runId,
      number: i.number,
      // Lines go in while the invoice is a draft; it is issued below, in this transaction.
      status: 'draft' as const,
      issue_date: i.issueDate,
      due_date: i.dueDate,
      customer_code: i.customerCode,
      customer_name: i.customerName,
      customer_address: i.customerAddress,
      customer_npwp: i.customerNpwp,
      subtotal: i.subtotal,
      tax_label: i.taxLabel,
      tax_amount: i.tax,
      rounding: i.rounding,
      total: i.total,
      paid: 0,
      payment_status: 'belum_bayar' as const,
      settled_date: null,
      void_reason: null,
      voided_at: null,
      voided_by: null,
      notes: null,
      created_by: c.username,
      created_at: c.at,
      issued_at: null,
      updated_at: c.at,
    })),
  )
  const lineRows = written.flatMap((i) =>
    i.lines.map((l, sort) => ({
      invoice_id: i.id,
      kind: l.kind,
      service_id: l.serviceId,
      product_id: l.productId,
      description: l.description,
      period_start: l.periodStart,
      period_end: l.periodEnd,
      amount: l.amount,
      history_id: l.historyId,
      charge_id: l.chargeId,
      sort,
    })),
  )
  await insertRows(tx, 'invoice_lines', lineRows)
  const periodRows = written.flatMap((i) =>
    i.billed.map((b) => ({
      service_id: b.serviceId,
      period_start: b.start,
      period_end: b.end,
      invoice_id: i.id,
    })),
  )
  await insertRows(tx, 'billed_periods', periodRows)
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
