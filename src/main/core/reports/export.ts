import { AGING_BUCKETS, periodLabel, type AgingBucket, type PaymentMethod } from '@shared/billing'
import { formatDate, type CalendarDate } from '@shared/dates'
import { translateId } from '@shared/messages/translate'
import { formatRupiah } from '@shared/money'
import { whoText } from '@shared/who'
import { companyHeader } from '../billing'
import type { Db } from '../db'
import {
  renderTablePdf,
  renderTableXlsx,
  type TableCell,
  type TableColumn,
  type TableDocument,
} from '../documents'
import { METHOD_LABELS } from '../payments'
import { invoicedVsCollected, type CollectionReport } from './collection'
import {
  periodInvoices,
  type InvoiceSelection,
  type PaidFilter,
  type PeriodInvoicesReport,
} from './invoices-report'
import { paymentsReport, type DateRange, type PaymentsReport } from './payments-report'
import {
  receivablesByCustomer,
  receivablesByInvoice,
  type ReceivablesDetail,
  type ReceivablesReport,
} from './receivables'
import { revenueReport, type RevenueGroup, type RevenueReport } from './revenue'
import { customerCounts, type CustomerCountsReport, type ReportFilters } from './customer-counts'
import { revenueTrend, type RevenueTrendReport } from './revenue-trend'
import { ticketsReport, type TicketCounts, type TicketsReport } from './tickets-report'
import type { PeriodRange } from './periods'

export type ReportRequest =
  | { report: 'receivables'; params: { asOf: CalendarDate; detail?: boolean } & ReportFilters }
  | { report: 'invoicedVsCollected'; params: PeriodRange & ReportFilters }
  | { report: 'payments'; params: DateRange & ReportFilters }
  | { report: 'revenue'; params: PeriodRange & ReportFilters }
  | { report: 'invoices'; params: { period: string } & InvoiceSelection }
  | { report: 'customers'; params: PeriodRange & ReportFilters }
  | { report: 'revenueTrend'; params: { to: string } & ReportFilters }
  | { report: 'tickets'; params: DateRange }

export type ReportFormat = 'xlsx' | 'pdf'

/** The columns' labels, shared with the CLI's tables so both say the same words. */
export const BUCKET_LABELS: Record<AgingBucket, string> = {
  current: 'Belum jatuh tempo',
  d1_7: '1–7 hari',
  d8_14: '8–14 hari',
  d15_30: '15–30 hari',
  d31_60: '31–60 hari',
  over_60: '> 60 hari',
}

export const STATUS_LABELS: Record<string, string> = {
  belum_bayar: 'Belum bayar',
  sebagian: 'Sebagian',
  lunas: 'Lunas',
  void: 'Batal',
}

export const PAID_LABELS: Record<PaidFilter, string> = { paid: 'Lunas', unpaid: 'Belum lunas' }

export const GROUP_LABELS: Record<RevenueGroup, string> = {
  broadband: 'Internet',
  cable_tv: 'TV kabel',
  other: 'Biaya lain',
}

const money = (key: string, label: string): TableColumn => ({ key, label, kind: 'money' })
const bucketColumns = AGING_BUCKETS.map((b) => money(b, BUCKET_LABELS[b]))
const periodRangeLabel = ({ from, to }: PeriodRange) =>
  from === to ? `Periode ${periodLabel(from)}` : `Periode ${periodLabel(from)} – ${periodLabel(to)}`

/** A report laid out for Excel, PDF and the CLI's text tables. */
export interface ReportTable {
  title: string
  subtitle: string
  slug: string
  columns: TableColumn[]
  rows: Record<string, TableCell>[]
  totals: Record<string, TableCell>
  landscape?: boolean
}

export function receivablesDetailTable(d: ReceivablesDetail): ReportTable {
  return {
    title: 'Piutang per tagihan',
    subtitle: `Per ${formatDate(d.asOf)}`,
    slug: `piutang-tagihan-${d.asOf}`,
    columns: [
      { key: 'number', label: 'No. tagihan', width: 1.4 },
      { key: 'customer', label: 'ID pelanggan' },
      { key: 'name', label: 'Nama', width: 1.8 },
      { key: 'dueDate', label: 'Jatuh tempo', kind: 'date' },
      { key: 'days', label: 'Hari lewat', kind: 'number', width: 0.7 },
      { key: 'bucket', label: 'Umur' },
      money('balance', 'Sisa tagihan'),
    ],
    rows: d.invoices.map((i) => ({
      number: i.number,
      customer: i.customerCode,
      name: i.customerName,
      dueDate: i.dueDate,
      days: i.daysOverdue,
      bucket: BUCKET_LABELS[i.bucket],
      balance: i.balance,
    })),
    totals: { number: 'Total', balance: d.total },
    landscape: true,
  }
}

export function receivablesTable(c: ReceivablesReport): ReportTable {
  return {
    title: 'Piutang per pelanggan',
    subtitle: `Per ${formatDate(c.asOf)}`,
    slug: `piutang-${c.asOf}`,
    columns: [
      { key: 'code', label: 'ID pelanggan' },
      { key: 'name', label: 'Nama', width: 1.8 },
      { key: 'area', label: 'Area' },
      { key: 'phone', label: 'Telepon', kind: 'phone' },
      { key: 'invoices', label: 'Tagihan', kind: 'number', width: 0.6 },
      ...bucketColumns,
      money('total', 'Total'),
    ],
    rows: c.customers.map((x) => ({
      code: x.code,
      name: x.name,
      area: x.area,
      phone: x.phone,
      invoices: x.invoices,
      ...x.buckets,
      total: x.total,
    })),
    totals: { code: 'Total', invoices: c.invoices, ...c.buckets, total: c.total },
    landscape: true,
  }
}

export function collectionTable(c: CollectionReport): ReportTable {
  const rate = (v: number | null) => (v === null ? null : `${v.toLocaleString('id-ID')}%`)
  return {
    title: 'Tagihan vs penerimaan',
    subtitle: periodRangeLabel(c),
    slug: `tagihan-vs-penerimaan-${c.from}-${c.to}`,
    columns: [
      { key: 'period', label: 'Periode' },
      { key: 'invoices', label: 'Tagihan', kind: 'number' },
      money('invoiced', 'Ditagihkan'),
      money('collected', 'Diterima'),
      money('outstanding', 'Belum dibayar'),
      { key: 'rate', label: 'Tingkat penerimaan' },
    ],
    rows: c.periods.map((p) => ({
      period: periodLabel(p.period),
      invoices: p.invoices,
      invoiced: p.invoiced,
      collected: p.collected,
      outstanding: p.outstanding,
      rate: rate(p.rate),
    })),
    totals: { period: 'Total', ...c.totals, rate: rate(c.totals.rate) },
  }
}

export function paymentsTable(p: PaymentsReport): ReportTable {
  const range = `${formatDate(p.from)} – ${formatDate(p.to)}`
  return {
    title: 'Penerimaan pembayaran',
    subtitle: p.reversed.count
      ? `${range} · dibatalkan (tidak dihitung): ${p.reversed.count} pembayaran, ${formatRupiah(p.reversed.amount)}`
      : range,
    slug: `pembayaran-${p.from}-${p.to}`,
    columns: [
      { key: 'group', label: 'Menurut' },
      { key: 'name', label: 'Metode / kasir', width: 2 },
      { key: 'count', label: 'Jumlah', kind: 'number' },
      money('amount', 'Nominal'),
    ],
    // Both groupings add up to the same total; the totals row is that total once.
    rows: [
      ...p.byMethod.map((m) => ({
        group: 'Metode',
        name: METHOD_LABELS[m.method as PaymentMethod] ?? m.method,
        count: m.count,
        amount: m.amount,
      })),
      ...p.byCashier.map((c) => ({
        group: 'Kasir',
        name: whoText(translateId, c.username, c.name),
        count: c.count,
        amount: c.amount,
      })),
    ],
    totals: { group: 'Total', ...p.total },
  }
}

export function revenueTable(v: RevenueReport): ReportTable {
  return {
    title: 'Pendapatan per paket',
    subtitle: periodRangeLabel(v),
    slug: `pendapatan-${v.from}-${v.to}`,
    columns: [
      { key: 'group', label: 'Layanan' },
      { key: 'name', label: 'Paket', width: 2 },
      { key: 'lines', label: 'Baris', kind: 'number' },
      money('amount', 'Pendapatan'),
    ],
    rows: v.groups.flatMap((g) => [
      ...g.rows.map((row) => ({
        group: GROUP_LABELS[g.group],
        name: row.name,
        lines: row.lines,
        amount: row.amount,
      })),
      { group: `Subtotal ${GROUP_LABELS[g.group]}`, name: null, lines: null, amount: g.subtotal },
    ]),
    totals: { group: 'Total', amount: v.total },
  }
}

export function invoicesTable(i: PeriodInvoicesReport): ReportTable {
  return {
    title: 'Daftar tagihan',
    subtitle: [
      periodRangeLabel({ from: i.period, to: i.period }),
      i.paidFilter ? PAID_LABELS[i.paidFilter] : null,
      i.serviceGroup ? GROUP_LABELS[i.serviceGroup] : null,
    ]
      .filter(Boolean)
      .join(' · '),
    slug: ['tagihan', i.period, i.paidFilter, i.serviceGroup].filter(Boolean).join('-'),
    columns: [
      { key: 'number', label: 'No. tagihan', width: 1.4 },
      { key: 'customer', label: 'ID pelanggan' },
      { key: 'name', label: 'Nama', width: 1.8 },
      money('total', 'Total'),
      money('paid', 'Dibayar'),
      money('balance', 'Sisa'),
      { key: 'status', label: 'Status' },
    ],
    rows: i.invoices.map((x) => ({
      number: x.number,
      customer: x.customerCode,
      name: x.customerName,
      total: x.total,
      paid: x.paid,
      balance: x.balance,
      status: STATUS_LABELS[x.status] ?? x.status,
    })),
    totals: { number: 'Total', total: i.total, paid: i.paid, balance: i.balance },
  }
}

/** How the month-end figures are found, said on the export as on the page. */
export const CUSTOMER_COUNTS_BASIS =
  'Status di akhir bulan dari riwayat status layanan; layanan tanpa riwayat dihitung dengan status sekarang sejak tanggal dimasukkan (perkiraan).'

export function customerCountsTable(c: CustomerCountsReport): ReportTable {
  const sum = (k: keyof Omit<CustomerCountsReport['periods'][number], 'period'>) =>
    c.periods.reduce((s, p) => s + p[k], 0)
  const last = c.periods.at(-1)
  const count = (key: string, label: string): TableColumn => ({ key, label, kind: 'number' })
  return {
    title: 'Jumlah pelanggan per bulan',
    subtitle: `${periodRangeLabel(c)} · ${CUSTOMER_COUNTS_BASIS}`,
    slug: `pelanggan-${c.from}-${c.to}`,
    columns: [
      { key: 'period', label: 'Periode' },
      count('aktif', 'Aktif'),
      count('isolir', 'Isolir'),
      count('putus', 'Putus'),
      count('pending', 'Belum terpasang'),
      count('total', 'Total'),
      count('new', 'Baru'),
      count('terminated', 'Berhenti'),
      count('estimated', 'Perkiraan'),
    ],
    rows: c.periods.map((p) => ({ ...p, period: periodLabel(p.period) })),
    // Stocks are as of the last month's end; flows add up over the range.
    totals: {
      period: last ? `Akhir ${periodLabel(last.period)}` : 'Total',
      aktif: last?.aktif ?? 0,
      isolir: last?.isolir ?? 0,
      putus: last?.putus ?? 0,
      pending: last?.pending ?? 0,
      total: last?.total ?? 0,
      new: sum('new'),
      terminated: sum('terminated'),
      estimated: last?.estimated ?? 0,
    },
    landscape: true,
  }
}

export function revenueTrendTable(v: RevenueTrendReport): ReportTable {
  const pct = (c: number | null) =>
    c === null ? null : `${c > 0 ? '+' : ''}${c.toLocaleString('id-ID')}%`
  const first = v.months[0]
  return {
    title: 'Tren pendapatan',
    subtitle: first
      ? `${periodLabel(first.period)} – ${periodLabel(v.to)} dibanding setahun sebelumnya`
      : periodLabel(v.to),
    slug: `tren-pendapatan-${v.to}`,
    columns: [
      { key: 'period', label: 'Bulan' },
      money('amount', 'Pendapatan'),
      { key: 'previousPeriod', label: 'Setahun sebelumnya' },
      money('previousAmount', 'Pendapatan setahun sebelumnya'),
      { key: 'change', label: 'Perubahan' },
    ],
    rows: v.months.map((m) => ({
      period: periodLabel(m.period),
      amount: m.amount,
      previousPeriod: periodLabel(m.previousPeriod),
      previousAmount: m.previousAmount,
      change: pct(m.change),
    })),
    totals: {
      period: 'Total',
      amount: v.total,
      previousAmount: v.previousTotal,
      change: pct(v.change),
    },
  }
}

export const TICKET_PRIORITY_LABELS: Record<string, string> = {
  darurat: 'Darurat',
  tinggi: 'Tinggi',
  sedang: 'Sedang',
  rendah: 'Rendah',
}

/** How the ticket figures are counted, said on the export as on the page. */
export const TICKETS_BASIS =
  'Dibuka: tiket dibuat pada rentang ini. Selesai: tiket berstatus selesai pada rentang ini. Tepat SLA: selesai paling lambat pada batas waktunya. Respons tepat SLA: dari tiket yang dibuka, yang ditanggapi paling lambat pada batas respons pertama (yang belum ditanggapi dan sudah lewat batas dihitung terlambat).'

export function ticketsTable(r: TicketsReport): ReportTable {
  const pct = (v: number | null) => (v === null ? null : `${v.toLocaleString('id-ID')}%`)
  const count = (key: string, label: string): TableColumn => ({ key, label, kind: 'number' })
  const cells = (c: TicketCounts) => ({
    opened: c.opened,
    resolved: c.resolved,
    resolvedInSla: c.resolvedInSla,
    resolvedInSlaRate: pct(c.resolvedInSlaRate),
    firstResponseInSlaRate: pct(c.firstResponseInSlaRate),
  })
  return {
    title: 'Tiket per periode',
    subtitle: `${formatDate(r.from)} – ${formatDate(r.to)} · ${TICKETS_BASIS}`,
    slug: `tiket-${r.from}-${r.to}`,
    columns: [
      { key: 'group', label: 'Menurut' },
      { key: 'name', label: 'Kategori / prioritas / penanggung jawab', width: 2 },
      count('opened', 'Dibuka'),
      count('resolved', 'Selesai'),
      count('resolvedInSla', 'Selesai tepat SLA'),
      { key: 'resolvedInSlaRate', label: '% tepat SLA' },
      { key: 'firstResponseInSlaRate', label: '% respons tepat SLA' },
    ],
    // Each grouping adds up to the same total; the totals row is that total once.
    rows: [
      ...r.byCategory.map((c) => ({ group: 'Kategori', name: c.label, ...cells(c) })),
      ...r.byPriority.map((p) => ({
        group: 'Prioritas',
        name: TICKET_PRIORITY_LABELS[p.priority] ?? p.priority,
        ...cells(p),
      })),
      ...r.byAssignee.map((a) => ({
        group: 'Penanggung jawab',
        name: a.userId === null ? 'Belum ditugaskan' : whoText(translateId, a.username, a.name),
        ...cells(a),
      })),
    ],
    totals: { group: 'Total', ...cells(r.total) },
    landscape: true,
  }
}

/** Runs the requested report and lays it out as its table. */
async function tableOf(
  db: Db,
  companyId: number,
  r: ReportRequest,
  o: { now: Date; today: CalendarDate; timeZone: string },
): Promise<ReportTable> {
  const { today, timeZone } = o
  switch (r.report) {
    case 'tickets':
      return ticketsTable(await ticketsReport(db, companyId, { ...r.params, timeZone, now: o.now }))
    case 'revenueTrend':
      return revenueTrendTable(await revenueTrend(db, companyId, r.params))
    case 'customers':
      return customerCountsTable(await customerCounts(db, companyId, { ...r.params, timeZone }))
    case 'receivables': {
      const { detail: _detail, ...params } = { ...r.params, today }
      return r.params.detail
        ? receivablesDetailTable(await receivablesByInvoice(db, companyId, params))
        : receivablesTable(await receivablesByCustomer(db, companyId, params))
    }
    case 'invoicedVsCollected':
      return collectionTable(await invoicedVsCollected(db, companyId, r.params))
    case 'payments':
      return paymentsTable(await paymentsReport(db, companyId, r.params))
    case 'revenue':
      return revenueTable(await revenueReport(db, companyId, r.params))
    case 'invoices':
      return invoicesTable(await periodInvoices(db, companyId, r.params))
  }
}

/** A report's table as a file: company header, the time it was made, Excel or PDF. */
export async function renderReport(
  db: Db,
  companyId: number,
  t: ReportTable,
  format: ReportFormat,
  o: { now: Date; timeZone: string },
): Promise<{ fileName: string; data: Buffer }> {
  const doc: TableDocument = {
    company: await companyHeader(db, companyId),
    title: t.title,
    subtitle: t.subtitle,
    generatedAt: o.now.toISOString(),
    timeZone: o.timeZone,
    columns: t.columns,
    rows: t.rows,
    totals: t.totals,
    landscape: t.landscape ?? false,
  }
  const data = format === 'pdf' ? await renderTablePdf(doc) : await renderTableXlsx(doc)
  return { fileName: `${t.slug}.${format}`, data }
}

/** "Area CBG01 Cibinong · Paket Rumah 10 Mbps": what a filtered report is narrowed to. */
export async function filterLabel(db: Db, companyId: number, f: ReportFilters): Promise<string> {
  const parts: string[] = []
  if (f.areaId !== undefined) {
    const a = await db
      .selectFrom('areas')
      .select(['code', 'name'])
      .where('company_id', '=', companyId)
      .where('id', '=', f.areaId)
      .executeTakeFirst()
    parts.push(`Area ${a ? `${a.code} ${a.name}` : f.areaId}`)
  }
  if (f.productId !== undefined) {
    const p = await db
      .selectFrom('products')
      .select('name')
      .where('company_id', '=', companyId)
      .where('id', '=', f.productId)
      .executeTakeFirst()
    parts.push(`Paket ${p?.name ?? f.productId}`)
  }
  return parts.join(' · ')
}

/** The table with its filters said in the subtitle (so a printed page says what it covers). */
export async function labelFilters(
  db: Db,
  companyId: number,
  t: ReportTable,
  f: ReportFilters,
): Promise<ReportTable> {
  const label = await filterLabel(db, companyId, f)
  return label ? { ...t, subtitle: `${t.subtitle} · ${label}` } : t
}

/** A report as an Excel or PDF file (what the UI's "Excel" and "PDF" buttons download). */
export async function exportReport(
  db: Db,
  companyId: number,
  request: ReportRequest,
  format: ReportFormat,
  o: { now: Date; today: CalendarDate; timeZone: string },
): Promise<{ fileName: string; data: Buffer }> {
  const table = await tableOf(db, companyId, request, o)
  // The ticket report has no area or package filter to name.
  const labelled =
    request.report === 'tickets' ? table : await labelFilters(db, companyId, table, request.params)
  return renderReport(db, companyId, labelled, format, o)
}
