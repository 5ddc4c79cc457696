import { writeFile } from 'node:fs/promises'
import { calendarDate, dateInZone, isCalendarDate, type CalendarDate } from '@shared/dates'
import { periodSchema } from '@shared/schemas'
import { systemClock } from '../core/clock'
import { companyTimeZone } from '../core/companies'
import type { Db } from '../core/db'
import { formatCell, isNumericColumn } from '../core/documents'
import {
  collectionTable,
  customerCounts,
  customerCountsTable,
  revenueTrend,
  revenueTrendTable,
  invoicedVsCollected,
  invoicesTable,
  paymentsReport,
  paymentsTable,
  periodInvoices,
  PAID_FILTERS,
  SERVICE_GROUPS,
  receivablesByCustomer,
  receivablesByInvoice,
  receivablesDetailTable,
  receivablesTable,
  renderReport,
  revenueReport,
  revenueTable,
  ticketsReport,
  ticketsTable,
  labelFilters,
  type ReportFilters,
  type ReportTable,
} from '../core/reports'
import { usageReport, usageTable } from '../core/usage'
import type { CommandArgs, CommandDef } from './commands'
import { dashboardCommand } from './dashboard-command'
import { cliDeps, firstCompanyId, withDb } from './db'
import { optionError } from './option-errors'
import { areaByCode } from './router-commands'

const FILE_OPTIONS = ['xlsx', 'pdf'] as const

function dateOption(values: CommandArgs['values'], name: string): CalendarDate | undefined {
  const v = values[name]
  if (v === undefined) return undefined
  if (typeof v !== 'string' || !isCalendarDate(v)) {
    throw optionError(name, 'cli.date')
  }
  return calendarDate(v)
}

function requiredDate(values: CommandArgs['values'], name: string): CalendarDate {
  const v = dateOption(values, name)
  if (!v) throw optionError(name, 'cli.date')
  return v
}

function periodOption(values: CommandArgs['values'], name: string): string {
  const parsed = periodSchema.safeParse(values[name])
  if (!parsed.success) {
    throw optionError(name, 'cli.period')
  }
  return parsed.data
}

/** An option that must be one of a few words (`--paid paid|unpaid`). */
function choiceOption<T extends string>(
  values: CommandArgs['values'],
  name: string,
  choices: readonly T[],
): T | undefined {
  const v = values[name]
  if (v === undefined) return undefined
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw optionError(name, 'cli.one_of', { choices: choices.join(', ') })
  }
  return v as T
}

/** A report's table as aligned text: title, subtitle, header, rows, totals. */
export function textTable(t: ReportTable): string {
  // The same cells as the PDF: rupiah, grouped counts, dd/mm/yyyy, phones as 0812-….
  const right = isNumericColumn
  const body = [...t.rows, t.totals].map((row) =>
    t.columns.map((c) => formatCell(row?.[c.key], c.kind)),
  )
  const header = t.columns.map((c) => c.label)
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((v, i) => (right(t.columns[i]!.kind) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const rows = body.slice(0, -1).map(line)
  return [
    t.title,
    t.subtitle,
    '',
    line(header),
    rule,
    ...(rows.length ? rows : ['(tidak ada data)']),
    rule,
    line(body.at(-1)!),
  ].join('\n')
}

interface Context {
  db: Db
  companyId: number
  timeZone: string
  today: CalendarDate
  /** --area / --package as the reports' filters (empty without them). */
  filters: ReportFilters
}

/**
 * Opens the data dir, runs the report, writes the --xlsx / --pdf files asked for, and prints
 * one JSON object (--json) or the table as text.
 */
async function runReport<T>(
  { dataDir, values, out }: CommandArgs,
  load: (c: Context) => Promise<T>,
  table: (data: T) => ReportTable,
  json: (data: T) => Record<string, unknown>,
): Promise<number> {
  await withDb(dataDir, async (db) => {
    const companyId = await firstCompanyId(db)
    const timeZone = await companyTimeZone(cliDeps(db, dataDir), companyId)
    const now = systemClock.now()
    const base = { db, companyId, timeZone, today: dateInZone(now, timeZone) }
    const filters = await filterOptions(values, base)
    const data = await load({ ...base, filters })
    const t = await labelFilters(db, companyId, table(data), filters)
    const files: string[] = []
    for (const format of FILE_OPTIONS) {
      const target = values[format]
      if (typeof target !== 'string') continue
      const file = await renderReport(db, companyId, t, format, { now, timeZone })
      await writeFile(target, file.data)
      files.push(target)
    }
    const written = files.length ? `\n\nDisimpan: ${files.join(', ')}` : ''
    out.result({ ...json(data), ...(files.length ? { files } : {}) }, textTable(t) + written)
  })
  return 0
}

const FILES_USAGE = '[--xlsx FILE] [--pdf FILE]'
const FILTER_USAGE = '[--area CODE] [--package ID]'
const FILTER_OPTIONS = ['area', 'package'] as const

/** `--area CODE` (the area's code, as on the customer ID) and `--package ID` (the product's id). */
async function filterOptions(values: CommandArgs['values'], c: Omit<Context, 'filters'>) {
  const area = values.area
  const pkg = values.package
  let productId: number | undefined
  if (pkg !== undefined) {
    productId = Number(pkg)
    if (typeof pkg !== 'string' || !Number.isInteger(productId) || productId <= 0) {
      throw optionError('package', 'cli.whole_number', { min: 1, max: Number.MAX_SAFE_INTEGER })
    }
  }
  const areaId = typeof area === 'string' ? await areaByCode(c.db, c.companyId, area) : null
  return { ...(areaId !== null ? { areaId } : {}), ...(productId ? { productId } : {}) }
}

/** `report …`: the reports of the Laporan page, as JSON, text tables, Excel or PDF. */
export const reportCommands: Record<string, CommandDef> = {
  'report dashboard': dashboardCommand,
  'report receivables': {
    usage: `report receivables [--as-of YYYY-MM-DD] [--detail] ${FILTER_USAGE} ${FILES_USAGE}   (aging, rule 31; default today)`,
    stringOptions: ['as-of', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const asOf = dateOption(args.values, 'as-of')
      const params = (c: Context) => ({ asOf: asOf ?? c.today, today: c.today, ...c.filters })
      if (args.values.detail === true) {
        return runReport(
          args,
          (c) => receivablesByInvoice(c.db, c.companyId, params(c)),
          receivablesDetailTable,
          (d) => ({ ...d }),
        )
      }
      return runReport(
        args,
        (c) => receivablesByCustomer(c.db, c.companyId, params(c)),
        receivablesTable,
        (r) => ({ asOf: r.asOf, buckets: r.buckets, total: r.total, customers: r.customers }),
      )
    },
  },
  'report invoices': {
    usage: `report invoices --period YYYY-MM [--paid paid|unpaid] [--service broadband|cable_tv] ${FILTER_USAGE} ${FILES_USAGE}`,
    stringOptions: ['period', 'paid', 'service', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const period = periodOption(args.values, 'period')
      const paidFilter = choiceOption(args.values, 'paid', PAID_FILTERS)
      const serviceGroup = choiceOption(args.values, 'service', SERVICE_GROUPS)
      const selection = {
        ...(paidFilter ? { paidFilter } : {}),
        ...(serviceGroup ? { serviceGroup } : {}),
      }
      return runReport(
        args,
        (c) => periodInvoices(c.db, c.companyId, { period, ...selection, ...c.filters }),
        invoicesTable,
        (r) => ({
          period: r.period,
          invoices: r.invoices.map((i) => ({
            number: i.number,
            customer: i.customerCode,
            total: i.total,
            paid: i.paid,
            balance: i.balance,
            status: i.status,
          })),
          total: r.total,
          paid: r.paid,
          balance: r.balance,
        }),
      )
    },
  },
  'report collection': {
    usage: `report collection --from YYYY-MM --to YYYY-MM ${FILTER_USAGE} ${FILES_USAGE}   (invoiced vs collected)`,
    stringOptions: ['from', 'to', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const range = { from: periodOption(args.values, 'from'), to: periodOption(args.values, 'to') }
      return runReport(
        args,
        (c) => invoicedVsCollected(c.db, c.companyId, { ...range, ...c.filters }),
        collectionTable,
        (r) => ({ ...r }),
      )
    },
  },
  'report payments': {
    usage: `report payments --from YYYY-MM-DD --to YYYY-MM-DD ${FILTER_USAGE} ${FILES_USAGE}   (by method and cashier)`,
    stringOptions: ['from', 'to', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const range = { from: requiredDate(args.values, 'from'), to: requiredDate(args.values, 'to') }
      return runReport(
        args,
        (c) => paymentsReport(c.db, c.companyId, { ...range, ...c.filters }),
        paymentsTable,
        (r) => ({ ...r }),
      )
    },
  },
  'report customers': {
    usage: `report customers --from YYYY-MM --to YYYY-MM ${FILTER_USAGE} ${FILES_USAGE}   (aktif, isolir, putus at month end; new and terminated)`,
    stringOptions: ['from', 'to', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const range = { from: periodOption(args.values, 'from'), to: periodOption(args.values, 'to') }
      return runReport(
        args,
        (c) => customerCounts(c.db, c.companyId, { ...range, ...c.filters, timeZone: c.timeZone }),
        (r) => customerCountsTable(r),
        (r) => ({ ...r }),
      )
    },
  },
  'report revenue-trend': {
    usage: `report revenue-trend [--to YYYY-MM] ${FILTER_USAGE} ${FILES_USAGE}   (12 months beside a year earlier; default this month)`,
    stringOptions: ['to', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const to = args.values.to === undefined ? undefined : periodOption(args.values, 'to')
      return runReport(
        args,
        (c) => revenueTrend(c.db, c.companyId, { to: to ?? c.today.slice(0, 7), ...c.filters }),
        revenueTrendTable,
        (r) => ({ ...r }),
      )
    },
  },
  'report tickets': {
    usage: `report tickets --from YYYY-MM-DD --to YYYY-MM-DD ${FILES_USAGE}   (by category, priority and assignee; shares within SLA)`,
    stringOptions: ['from', 'to', ...FILE_OPTIONS],
    run: (args) => {
      const range = { from: requiredDate(args.values, 'from'), to: requiredDate(args.values, 'to') }
      return runReport(
        args,
        (c) =>
          ticketsReport(c.db, c.companyId, {
            ...range,
            timeZone: c.timeZone,
            now: systemClock.now(),
          }),
        ticketsTable,
        (r) => ({ ...r }),
      )
    },
  },
  'report usage': {
    usage: `report usage --period YYYY-MM ${FILES_USAGE}   (data usage per service, per package, top users, 12-month trend)`,
    stringOptions: ['period', ...FILE_OPTIONS],
    run: (args) => {
      const period = periodOption(args.values, 'period')
      return runReport(
        args,
        (c) => usageReport(c.db, c.companyId, period),
        usageTable,
        (r) => ({ ...r }),
      )
    },
  },
  'report revenue': {
    usage: `report revenue --from YYYY-MM --to YYYY-MM ${FILTER_USAGE} ${FILES_USAGE}   (by product and service type)`,
    stringOptions: ['from', 'to', ...FILTER_OPTIONS, ...FILE_OPTIONS],
    run: (args) => {
      const range = { from: periodOption(args.values, 'from'), to: periodOption(args.values, 'to') }
      return runReport(
        args,
        (c) => revenueReport(c.db, c.companyId, { ...range, ...c.filters }),
        revenueTable,
        (r) => ({ ...r }),
      )
    },
  },
}
