import type { Kysely } from 'kysely'
import { idChunks, inIds, insertEach, reserveIds, takeTurn, type Database } from '../db'
import type { BillingSettings } from '../settings'
import { applyCredit } from './credit'
import { refreshInvoices } from './invoice-state'
import { takeDocumentNumbers } from './numbers'
import { BilledPeriods, billedPeriodsOf } from './run-data'
import { settledChanges, totalsOf, type PlannedInvoice } from './run-plan'
import { billedUsageOf } from './usage'

// The columns an invoice run writes per invoice; those every invoice of a batch shares are in
// writeInvoices, and the rest keep their defaults (notes, void fields, …).
const INVOICE_COLUMNS = [
  'id',
  'customer_id',
  'number',
  'issue_date',
  'due_date',
  'customer_code',
  'subtotal',
  'tax_label',
  'tax_amount',
  'rounding',
  'total',
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
 * Returns how many invoices were written and their total, and those dropped as already billed.
 */
export async function writeInvoices(
  tx: Kysely<Database>,
  c: BatchContext,
  planned: PlannedInvoice[],
): Promise<{ written: number; total: number; dropped: PlannedInvoice[] }> {
  // On PostgreSQL a concurrent run's batch waits here, then reads what this one committed.
  await takeTurn(tx, 'invoice-write')
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
    : new BilledPeriods()
  const historyIds: { id: number }[] = []
  const chargeIds: number[] = []
  for (const i of planned) {
    for (const l of i.lines) {
      if (l.historyId) historyIds.push({ id: l.historyId })
      if (l.chargeId) chargeIds.push(l.chargeId)
    }
  }
  const settled = await settledChanges(tx, historyIds)
  const pendingCharges = new Set<number>()
  for (const chunk of idChunks(tx, chargeIds)) {
    const rows = await tx
      .selectFrom('one_time_charges')
      .select('id')
      .where(inIds(tx, 'id', chunk))
      .where('status', '=', 'pending')
      .execute()
    for (const r of rows) pendingCharges.add(r.id)
  }

  const usageBilled = await billedUsageIn(tx, planned)

  const dropped: PlannedInvoice[] = []
  const keep: PlannedInvoice[] = []
  for (const invoice of planned) {
    if (invoice.billed.some((b) => billed.has(b.serviceId, b.start))) {
      dropped.push(invoice)
      continue
    }
    const lines = invoice.lines.filter(
      (l) =>
        !(l.historyId && settled.has(l.historyId)) &&
        !(l.chargeId && !pendingCharges.has(l.chargeId)) &&
        !(l.kind === 'usage' && usageBilled.has(l.serviceId!, l.periodStart!)),
    )
    // An invoice of usage alone whose usage another run billed meanwhile: nothing left to bill.
    if (!invoice.billed.length && !lines.length) {
      dropped.push(invoice)
      continue
    }
    keep.push(
      lines.length === invoice.lines.length
        ? invoice
        : { ...invoice, lines, ...totalsOf(lines, c.settings) },
    )
  }
  if (!keep.length) return { written: 0, total: 0, dropped }

  // Gapless numbers per issue year, in the order the invoices are written.
  // Invoice k of `keep` gets numbers[k] and id firstId + k: no copy of 50,000 plan objects.
  const numbers: string[] = new Array(keep.length)
  const years = [...new Set(keep.map((i) => i.issueDate.slice(0, 4)))]
  for (const year of years) {
    const ofYear: number[] = []
    keep.forEach((invoice, k) => invoice.issueDate.startsWith(year) && ofYear.push(k))
    const taken = await takeDocumentNumbers(
      tx,
      c.companyId,
      'invoice',
      c.settings.invoicePattern,
      year,
      ofYear.length,
    )
    ofYear.forEach((k, n) => (numbers[k] = taken[n]!))
  }
  // Ids are assigned here (we hold the write lock) so lines can be inserted set-wise.
  const firstId = await reserveIds(tx, 'invoices', keep.length)

  // Each row's values go straight into the statement that carries it (insertEach), in column
  // order. Invoices go in issued; their lines go in through the write window (migration
  // 202612041801), which exists only inside this transaction.
  await insertEach(
    tx,
    'invoices',
    INVOICE_COLUMNS,
    keep.length,
    (k, out) => {
      const i = keep[k]!
      out.push(
        firstId + k,
        i.customerId,
        numbers[k],
        i.issueDate,
        i.dueDate,
        i.customerCode,
        i.subtotal,
        i.taxLabel,
        i.tax,
        i.rounding,
        i.total,
      )
    },
    {
      same: {
        company_id: c.companyId,
        kind: 'period',
        period: c.period,
        run_id: c.runId,
        status: 'issued',
        paid: 0,
        payment_status: 'belum_bayar',
        issued_at: c.at,
        created_by: c.username,
        created_at: c.at,
        updated_at: c.at,
      },
      // The customer's name, address and NPWP as they are now, copied by the database.
      copy: {
        table: 'customers',
        by: 'customer_id',
        columns: { customer_name: 'name', customer_address: 'address', customer_npwp: 'npwp' },
      },
    },
  )
  // Lines and billed periods by their invoice's position in `keep`: row r is line
  // lineOf[r] of invoice ownerOf[r].
  const ownerOf: number[] = []
  const lineOf: number[] = []
  const periodOwner: number[] = []
  const periodOf: number[] = []
  keep.forEach((i, k) => {
    for (let n = 0; n < i.lines.length; n++) {
      ownerOf.push(k)
      lineOf.push(n)
    }
    for (let n = 0; n < i.billed.length; n++) {
      periodOwner.push(k)
      periodOf.push(n)
    }
  })
  const lastId = firstId + keep.length - 1
  await tx
    .insertInto('invoice_write_window')
    .values({ first_id: firstId, last_id: lastId })
    .execute()
  await insertEach(tx, 'invoice_lines', LINE_COLUMNS, ownerOf.length, (r, out) => {
    const sort = lineOf[r]!
    const l = keep[ownerOf[r]!]!.lines[sort]!
    out.push(
      firstId + ownerOf[r]!,
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
    )
  })
  await tx.deleteFrom('invoice_write_window').execute()
  await insertEach(tx, 'billed_periods', PERIOD_COLUMNS, periodOwner.length, (r, out) => {
    const b = keep[periodOwner[r]!]!.billed[periodOf[r]!]!
    out.push(b.serviceId, b.start, b.end, firstId + periodOwner[r]!)
  })
  for (const [k, i] of keep.entries()) {
    for (const l of i.lines) {
      if (!l.chargeId) continue
      await tx
        .updateTable('one_time_charges')
        .set({ status: 'billed', invoice_id: firstId + k })
        .where('id', '=', l.chargeId)
        .execute()
    }
  }
  // Zero or negative totals are settled at once; credit the customer holds pays the rest (rule 24).
  await settleCreditFor(tx, c, keep, firstId)
  return { written: keep.length, total: keep.reduce((sum, i) => sum + i.total, 0), dropped }
}

/** The usage months of this batch's usage lines already on a live invoice (rule 17, once). */
async function billedUsageIn(tx: Kysely<Database>, planned: PlannedInvoice[]) {
  const byMonth = new Map<string, number[]>()
  for (const i of planned) {
    for (const l of i.lines) {
      if (l.kind !== 'usage' || !l.serviceId || !l.periodStart) continue
      const ids = byMonth.get(l.periodStart) ?? []
      ids.push(l.serviceId)
      byMonth.set(l.periodStart, ids)
    }
  }
  const billed = new BilledPeriods()
  for (const [start, ids] of byMonth) {
    for (const id of await billedUsageOf(tx, ids, start)) billed.add(id, start)
  }
  return billed
}

async function settleCreditFor(
  tx: Kysely<Database>,
  c: BatchContext,
  written: { customerId: number; total: number; issueDate: string }[],
  firstId: number,
) {
  const customers = [...new Set(written.map((i) => i.customerId))]
  const withCredit: number[] = []
  for (const chunk of idChunks(tx, customers)) {
    const rows = await tx
      .selectFrom('customer_credits')
      .select('customer_id')
      .where(inIds(tx, 'customer_id', chunk))
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
  const nothingDue = written.flatMap((i, k) => (i.total <= 0 ? [firstId + k] : []))
  if (nothingDue.length) {
    await refreshInvoices(tx, nothingDue, c.at)
  }
}
