import type { Kysely } from 'kysely'
import type { SkipReason } from '@shared/billing'
import { addDays, addMonths, calendarDate, type CalendarDate } from '@shared/dates'
import { loadPriceBook, type PriceBook } from '../catalog'
import type { Database, InvoiceLineKind } from '../db'
import type { BillingSettings } from '../settings'
import { cashRounding, dueDateFor, prorate, taxFor } from './amounts'
import {
  BilledPeriods,
  loadHistory,
  loadRunProducts,
  loadRunServices,
  loadTerminatedSince,
  productOn,
  statusOn,
  type HistoryEntry,
  type RunProduct,
  type RunService,
} from './run-data'
import {
  anchorDay,
  coveredPeriod,
  periodContaining,
  periodStartingIn,
  type Period,
} from './schedule'
import { billsUsage, usageMonth, type UsageService, type UsageSource } from './usage'

export interface PlannedLine {
  kind: InvoiceLineKind
  serviceId: number | null
  productId: number | null
  description: string
  periodStart: string | null
  periodEnd: string | null
  amount: number
  historyId: number | null
  chargeId: number | null
  taxable: boolean
}

export interface PlannedInvoice {
  customerId: number
  customerCode: string
  // Name, address and NPWP are copied from the customer as the invoice is written (run-commit).
  issueDate: CalendarDate
  dueDate: CalendarDate
  lines: PlannedLine[]
  /** The (service, period) pairs this invoice bills: the guard of rule 4. */
  billed: { serviceId: number; start: string; end: string }[]
  subtotal: number
  taxLabel: string | null
  tax: number
  rounding: number
  total: number
}

export interface Skipped {
  customer: string
  service: string
  reason: SkipReason
}

export interface RunPlan {
  period: string
  asOf: CalendarDate
  invoices: PlannedInvoice[]
  skipped: Skipped[]
  total: number
}

interface Ctx {
  period: string
  asOf: CalendarDate
  settings: BillingSettings
  products: Map<number, RunProduct>
  book: PriceBook
  packages: Map<number, HistoryEntry[]>
  statuses: Map<number, HistoryEntry[]>
}

/** The service's monthly price on a date: its own override, else the price book (catalogue). */
function monthlyPrice(ctx: Ctx, s: RunService, productId: number, on: string): number {
  if (s.priceOverride !== null && productId === s.productId) return s.priceOverride
  return ctx.book.price({ productId, areaId: s.areaId, priceListId: s.priceListId, on })
}

function productName(ctx: Ctx, productId: number): string {
  return ctx.products.get(productId)?.name ?? `#${productId}`
}

/**
 * The first day the service is billable in the period: its activation (rule 8) or, when the
 * company pauses charges during isolir (rule 12), the day it was restored. null: not billable.
 */
function billableFrom(ctx: Ctx, s: RunService, p: Period): CalendarDate | 'paused' | null {
  const activation = calendarDate(s.activationDate!)
  if (activation >= p.end) return null
  let from = activation > p.start ? activation : p.start
  if (ctx.settings.pauseWhileIsolated && statusOn(ctx.statuses.get(s.id), from) === 'isolir') {
    const restored = ctx.statuses
      .get(s.id)
      ?.find((h) => h.effective > from && h.effective < p.end && h.to === 'aktif')
    if (!restored) return 'paused'
    from = calendarDate(restored.effective)
  }
  return from
}

function recurringLine(ctx: Ctx, s: RunService, p: Period, from: CalendarDate): PlannedLine | null {
  const productId = productOn(s, ctx.packages.get(s.id), p.start)
  const price = monthlyPrice(ctx, s, productId, p.start)
  let amount = price
  if (from > p.start) {
    if (ctx.settings.proration === 'free') return null
    if (ctx.settings.proration === 'prorate') amount = prorate(price, from, p.end, p)
  }
  return {
    kind: 'recurring',
    serviceId: s.id,
    productId,
    description: productName(ctx, productId),
    periodStart: from > p.start && ctx.settings.proration === 'prorate' ? from : p.start,
    periodEnd: p.end,
    amount,
    historyId: null,
    chargeId: null,
    taxable: ctx.products.get(productId)?.taxable ?? false,
  }
}

/**
 * Rule 9: a package change inside a billed period credits the unused part of the old price and
 * charges the rest of the period at the new one, on the next invoice the service gets.
 */
function changeLines(
  ctx: Ctx,
  s: RunService,
  isBilled: (serviceId: number, start: string) => boolean,
  settled: Set<number>,
): PlannedLine[] {
  const lines: PlannedLine[] = []
  const anchor = anchorDay(
    { billing_day: s.billingDay, activation_date: s.activationDate },
    ctx.settings.defaultBillingDay,
  )
  for (const h of ctx.packages.get(s.id) ?? []) {
    if (h.pending || settled.has(h.id) || h.effective > ctx.asOf) continue
    const u = calendarDate(h.effective)
    const p = periodContaining(u, anchor)
    if (u === p.start || !isBilled(s.id, p.start)) continue
    const from = Number(h.from)
    const to = Number(h.to)
    const common = { serviceId: s.id, periodStart: u, periodEnd: p.end, historyId: h.id }
    lines.push({
      ...common,
      kind: 'upgrade_credit',
      productId: from,
      description: `Sisa ${productName(ctx, from)} (ganti paket)`,
      amount: -prorate(monthlyPrice(ctx, s, from, u), u, p.end, p),
      chargeId: null,
      taxable: ctx.products.get(from)?.taxable ?? false,
    })
    lines.push({
      ...common,
      kind: 'upgrade_charge',
      productId: to,
      description: `${productName(ctx, to)} (ganti paket)`,
      amount: prorate(monthlyPrice(ctx, s, to, u), u, p.end, p),
      chargeId: null,
      taxable: ctx.products.get(to)?.taxable ?? false,
    })
  }
  return lines
}

/** Totals of an invoice from its lines: tax (19–20), then cash rounding (18). */
export function totalsOf(lines: PlannedLine[], settings: BillingSettings) {
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0)
  const taxable = lines.filter((l) => l.taxable).reduce((sum, l) => sum + l.amount, 0)
  const tax = taxFor(taxable, settings)
  const beforeRounding = subtotal + tax.added
  const rounding = cashRounding(beforeRounding, settings.cashRounding)
  return {
    subtotal,
    taxLabel: tax.label,
    tax: tax.amount,
    rounding,
    total: beforeRounding + rounding,
  }
}

export interface PlanOptions {
  period: string
  asOf: CalendarDate
  settings: BillingSettings
  usage?: UsageSource
}

/**
 * Works out the invoices of a run without writing anything (the preview, and the first half of
 * the run itself): which services bill for which period, at which price, and who is skipped why.
 */
export async function planRun(
  db: Kysely<Database>,
  companyId: number,
  o: PlanOptions,
): Promise<RunPlan> {
  const [services, products, book, packages, statuses] = await Promise.all([
    loadRunServices(db, companyId, ['aktif', 'isolir']),
    loadRunProducts(db, companyId),
    loadPriceBook(db, companyId),
    loadHistory(db, companyId, 'package'),
    o.settings.pauseWhileIsolated ? loadHistory(db, companyId, 'status') : new Map(),
  ])
  const ctx: Ctx = { ...o, products, book, packages, statuses }

  // Everything billed in the months around this one, in one read: the run's own periods and
  // the previous ones (package changes are settled against those).
  const monthStart = calendarDate(`${o.period}-01`)
  const billed = await billedPeriodsBetween(
    db,
    companyId,
    addMonths(monthStart, -2),
    addMonths(monthStart, 1),
  )
  const settled = await settledChanges(db, [...packages.values()].flat())
  const billedNow = new BilledPeriods()
  const isBilled = (serviceId: number, start: string) =>
    billed.has(serviceId, start) || billedNow.has(serviceId, start)

  // 31 anchor days × 2 modes: each period worked out once, not once per service.
  const periods = new Map<string, { covered: Period; start: string }>()
  const periodsFor = (anchor: number, mode: 'prepaid' | 'postpaid') => {
    const key = `${anchor}:${mode}`
    let p = periods.get(key)
    if (!p) {
      p = {
        covered: coveredPeriod(o.period, anchor, mode),
        start: periodStartingIn(o.period, anchor).start,
      }
      periods.set(key, p)
    }
    return p
  }
  const skipped: Skipped[] = []
  const byCustomer = new Map<
    number,
    // first: the earliest start of the periods the customer's invoice bills.
    { s: RunService; lines: PlannedLine[]; billed: PlannedInvoice['billed']; first: string | null }
  >()
  for (const s of services) {
    const skip = (reason: SkipReason) =>
      skipped.push({ customer: s.customerCode, service: s.sid, reason })
    if (!s.activationDate) {
      skip('no_activation_date')
      continue
    }
    const product = products.get(s.productId)
    const anchor = anchorDay(
      { billing_day: s.billingDay, activation_date: s.activationDate },
      o.settings.defaultBillingDay,
    )
    const { covered: p, start: invoiceStart } = periodsFor(
      anchor,
      product?.billingMode ?? 'prepaid',
    )
    const entry = byCustomer.get(s.customerId) ?? { s, lines: [], billed: [], first: null }
    if (isBilled(s.id, p.start)) {
      skip('already_billed')
    } else {
      const from = billableFrom(ctx, s, p)
      if (from === 'paused') {
        skip('isolir_paused')
      } else if (from !== null) {
        const line = recurringLine(ctx, s, p, from)
        if (line && line.amount <= 0) {
          // A pay-as-you-go package at Rp0 a month is no anomaly: its usage is the bill.
          if (!product?.usageGbPrice) skip('zero_price')
        } else if (line) {
          entry.lines.push(line)
          entry.billed.push({ serviceId: s.id, start: p.start, end: p.end })
          if (entry.first === null || invoiceStart < entry.first) entry.first = invoiceStart
          billedNow.add(s.id, p.start)
        }
      }
    }
    byCustomer.set(s.customerId, entry)
  }

  // Package changes and usage join an invoice the customer gets in this run.
  // Only services with package history can have any (a few hundred of 50,000).
  for (const s of services) {
    if (!packages.has(s.id)) continue
    const entry = byCustomer.get(s.customerId)
    if (entry?.billed.length) entry.lines.push(...changeLines(ctx, s, isBilled, settled))
  }
  // Rule 16: pending one-time charges join the customer's next invoice.
  for (const c of await pendingCharges(db, companyId, monthEnd(o.period, o.asOf))) {
    const entry = byCustomer.get(c.customer_id)
    if (!entry?.billed.length) continue
    entry.lines.push({
      kind: 'one_time',
      serviceId: c.service_id,
      productId: null,
      description: c.description,
      periodStart: null,
      periodEnd: null,
      amount: c.amount,
      historyId: null,
      chargeId: c.id,
      taxable: true,
    })
  }
  if (o.usage && [...products.values()].some(billsUsage)) {
    // Rule 17: last month's usage, at the package the service had on that month's last day.
    // Services terminated since that month began still owe it; a customer without an invoice
    // in this run (a pay-as-you-go package at Rp0, a putus service) gets one of usage alone.
    const { from } = usageMonth(o.period)
    const lastDay = addDays(calendarDate(`${o.period}-01`), -1)
    const ended = await loadTerminatedSince(db, companyId, addDays(calendarDate(from), -1))
    const byId = new Map<number, RunService>()
    const candidates: UsageService[] = []
    for (const s of [...services, ...ended]) {
      const p = products.get(productOn(s, packages.get(s.id), lastDay))
      if (!p || !billsUsage(p) || !s.activationDate || s.activationDate > lastDay) continue
      byId.set(s.id, s)
      candidates.push({ serviceId: s.id, pricing: p })
    }
    const usage = candidates.length ? await o.usage.linesFor(candidates, o.period) : []
    for (const u of usage) {
      const s = byId.get(u.serviceId)
      if (!s) continue
      let entry = byCustomer.get(s.customerId)
      if (!entry) byCustomer.set(s.customerId, (entry = { s, lines: [], billed: [], first: null }))
      entry.lines.push({
        kind: 'usage',
        serviceId: u.serviceId,
        productId: null,
        description: u.description,
        periodStart: u.periodStart,
        periodEnd: u.periodEnd,
        amount: u.amount,
        historyId: null,
        chargeId: null,
        taxable: u.taxable,
      })
    }
  }

  const dueDates = new Map<string, CalendarDate>()
  const dueDate = (issue: CalendarDate) => {
    let due = dueDates.get(issue)
    if (!due) dueDates.set(issue, (due = dueDateFor(issue, o.settings)))
    return due
  }
  const invoices: PlannedInvoice[] = []
  for (const entry of byCustomer.values()) {
    if (!entry.billed.length && !entry.lines.length) continue
    // Rule 3: dated at the period's start, or today when the run comes later than that.
    const start = entry.first ?? `${o.period}-01`
    const issueDate = calendarDate(start > o.asOf ? start : o.asOf)
    const { s } = entry
    invoices.push({
      customerId: s.customerId,
      customerCode: s.customerCode,
      issueDate,
      dueDate: dueDate(issueDate),
      lines: entry.lines,
      billed: entry.billed,
      ...totalsOf(entry.lines, o.settings),
    })
  }
  return {
    period: o.period,
    asOf: o.asOf,
    invoices,
    skipped,
    total: invoices.reduce((sum, i) => sum + i.total, 0),
  }
}

/** Charges dated up to the end of the run's month (or the run day, when later). */
function monthEnd(period: string, asOf: CalendarDate): string {
  const end = addMonths(calendarDate(`${period}-01`), 1)
  return end > asOf ? end : asOf
}

async function pendingCharges(db: Kysely<Database>, companyId: number, before: string) {
  return db
    .selectFrom('one_time_charges')
    .select(['id', 'customer_id', 'service_id', 'description', 'amount'])
    .where('company_id', '=', companyId)
    .where('status', '=', 'pending')
    .where('charge_date', '<', before)
    .orderBy('id')
    .execute()
}

async function billedPeriodsBetween(
  db: Kysely<Database>,
  companyId: number,
  from: string,
  to: string,
): Promise<BilledPeriods> {
  const rows = await db
    .selectFrom('billed_periods as b')
    .innerJoin('services as s', 's.id', 'b.service_id')
    .select(['b.service_id', 'b.period_start'])
    .where('s.company_id', '=', companyId)
    .where('b.period_start', '>=', from)
    .where('b.period_start', '<', to)
    .execute()
  const billed = new BilledPeriods()
  for (const r of rows) billed.add(r.service_id, r.period_start)
  return billed
}

/** Package changes already settled on a live (not void) invoice. */
export async function settledChanges(
  db: Kysely<Database>,
  changes: { id: number }[],
): Promise<Set<number>> {
  const ids = changes.map((c) => c.id)
  if (!ids.length) return new Set()
  const rows = await db
    .selectFrom('invoice_lines as l')
    .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
    .select('l.history_id')
    .where('l.history_id', 'in', ids)
    .where('i.status', '!=', 'void')
    .execute()
  return new Set(rows.map((r) => r.history_id!))
}
