import { sql } from 'kysely'
import { addMonths, calendarDate } from '@shared/dates'
import type { Db } from '../db'
import { customerFilter, filtersOf, type ReportFilters } from './filters'
import { inPeriods, periodsIn, type PeriodRange } from './periods'

/** Broadband and cable TV are reported apart; lines without a product are "Biaya lain". */
export const REVENUE_GROUPS = ['broadband', 'cable_tv', 'other'] as const
export type RevenueGroup = (typeof REVENUE_GROUPS)[number]

const GROUP_OF: Record<string, RevenueGroup> = {
  pppoe: 'broadband',
  hotspot: 'broadband',
  static_ip: 'broadband',
  dedicated: 'broadband',
  cable_tv: 'cable_tv',
}

/** The row hotspot voucher sales appear as, under Internet. */
export const VOUCHER_ROW = 'Voucher hotspot'

/**
 * Hotspot vouchers are paid when sold, not invoiced: their revenue is the sales (count × price)
 * dated in the periods, one line per sale.
 */
async function voucherSales(db: Db, companyId: number, { from, to }: PeriodRange) {
  const end = addMonths(calendarDate(`${to}-01`), 1)
  const row = await db
    .selectFrom('hotspot_sales')
    .select((eb) => [
      eb.fn.countAll<number>().as('lines'),
      eb.fn.sum<number>('amount').as('amount'),
    ])
    .where('company_id', '=', companyId)
    .where('sale_date', '>=', `${from}-01`)
    .where('sale_date', '<', end)
    .executeTakeFirst()
  return { lines: Number(row?.lines ?? 0), amount: Number(row?.amount ?? 0) }
}

/** Revenue of one package is its own lines (upgrade credits included), not the whole invoice. */
const productLines = (productId: number | undefined) =>
  productId === undefined ? sql`` : sql` AND l.product_id = ${productId}`

export interface RevenueRow {
  productId: number | null
  name: string
  serviceType: string | null
  lines: number
  amount: number
}

export interface RevenueReport extends PeriodRange, ReportFilters {
  groups: { group: RevenueGroup; rows: RevenueRow[]; subtotal: number }[]
  total: number
}

/**
 * Revenue by product over billing periods `from`–`to`: invoice lines of issued invoices (tax and
 * cash rounding are not revenue, so the sum is of lines, not of invoice totals). Upgrade credits
 * are negative lines of their product and net out against it.
 */
export async function revenueReport(
  db: Db,
  companyId: number,
  range: PeriodRange & ReportFilters,
): Promise<RevenueReport> {
  periodsIn(range)
  const { rows } = await sql<{
    product_id: number | null
    name: string | null
    service_type: string | null
    lines: number
    amount: number
  }>`SELECT l.product_id, p.name, p.service_type, COUNT(*) AS lines, SUM(l.amount) AS amount
    FROM invoices i
    JOIN invoice_lines l ON l.invoice_id = i.id
    LEFT JOIN products p ON p.id = l.product_id
    WHERE ${inPeriods(companyId, range)}${customerFilter('i.customer_id', { areaId: range.areaId })}${productLines(range.productId)}
    GROUP BY l.product_id, p.name, p.service_type`.execute(db)
  const groups = REVENUE_GROUPS.map((group) => ({ group, rows: [] as RevenueRow[], subtotal: 0 }))
  for (const r of rows) {
    const group = r.product_id === null ? 'other' : (GROUP_OF[r.service_type ?? ''] ?? 'other')
    const g = groups.find((x) => x.group === group)!
    g.rows.push({
      productId: r.product_id,
      name: r.name ?? 'Biaya lain',
      serviceType: r.service_type,
      lines: r.lines,
      amount: r.amount,
    })
    g.subtotal += r.amount
  }
  // Voucher sales belong to no customer or package: a filtered report leaves them out.
  const filtered = range.areaId !== undefined || range.productId !== undefined
  const vouchers = filtered ? { lines: 0, amount: 0 } : await voucherSales(db, companyId, range)
  if (vouchers.lines > 0) {
    const g = groups.find((x) => x.group === 'broadband')!
    g.rows.push({ productId: null, name: VOUCHER_ROW, serviceType: 'hotspot', ...vouchers })
    g.subtotal += vouchers.amount
  }
  for (const g of groups) g.rows.sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name))
  return {
    from: range.from,
    to: range.to,
    ...filtersOf(range),
    groups: groups.filter((g) => g.rows.length > 0),
    total: groups.reduce((s, g) => s + g.subtotal, 0),
  }
}
