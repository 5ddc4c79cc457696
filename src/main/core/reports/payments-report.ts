import { sql } from 'kysely'
import type { CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { Db } from '../db'
import { customerFilter, filtersOf, type ReportFilters } from './filters'

export interface DateRange {
  from: CalendarDate
  to: CalendarDate
}

export interface CountAmount {
  count: number
  amount: number
}

export interface PaymentsReport extends DateRange, ReportFilters {
  byMethod: (CountAmount & { method: string })[]
  /**
   * `username` as stored with the payment (a login name, `cli:…`, `gateway:…`, or null for
   * the system); `name` the user's full name when the payment has a user.
   */
  byCashier: (CountAmount & {
    userId: number | null
    username: string | null
    name: string | null
  })[]
  /** Payments kept (not reversed) received in the range. */
  total: CountAmount
  /**
   * Payments received in the range and reversed since (rule 25): left out of the figures above,
   * listed so received = kept + reversed can be checked against the cash book.
   */
  reversed: CountAmount
}

export function assertRange({ from, to }: DateRange): void {
  if (from > to) throw new AppError('VALIDATION', 'from must not be after to', { option: 'from' })
}

/** Payments by method and by cashier over received dates `from`–`to` (inclusive). */
export async function paymentsReport(
  db: Db,
  companyId: number,
  range: DateRange & ReportFilters,
): Promise<PaymentsReport> {
  assertRange(range)
  // One pass over payments_day_idx's range; both groupings come from the same rows.
  const { rows } = await sql<{
    method: string
    user_id: number | null
    username: string | null
    status: string
    count: number
    amount: number
  }>`SELECT method, user_id, username, status, COUNT(*) AS count, SUM(amount) AS amount
    FROM payments
    WHERE company_id = ${companyId} AND received_date BETWEEN ${range.from} AND ${range.to}${customerFilter('customer_id', range)}
    GROUP BY method, user_id, username, status`.execute(db)
  const methods = new Map<string, CountAmount & { method: string }>()
  const cashiers = new Map<string, PaymentsReport['byCashier'][number]>()
  const total = { count: 0, amount: 0 }
  const reversed = { count: 0, amount: 0 }
  const add = (to: CountAmount, r: CountAmount) => {
    to.count += r.count
    to.amount += r.amount
  }
  for (const r of rows) {
    if (r.status !== 'ok') {
      add(reversed, r)
      continue
    }
    add(total, r)
    const m = methods.get(r.method) ?? { method: r.method, count: 0, amount: 0 }
    methods.set(r.method, m)
    add(m, r)
    const key = `${r.user_id ?? ''}:${r.username ?? ''}`
    const c = cashiers.get(key) ?? {
      userId: r.user_id,
      username: r.username,
      name: null,
      count: 0,
      amount: 0,
    }
    cashiers.set(key, c)
    add(c, r)
  }
  // A handful of cashiers: their full names in one look-up after the grouping.
  const userIds = [...new Set([...cashiers.values()].flatMap((c) => c.userId ?? []))]
  if (userIds.length) {
    const users = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', userIds)
      .execute()
    const names = new Map(users.map((u) => [u.id, u.name]))
    for (const c of cashiers.values())
      c.name = c.userId === null ? null : (names.get(c.userId) ?? null)
  }
  const byAmount = (a: CountAmount, b: CountAmount) => b.amount - a.amount
  return {
    from: range.from,
    to: range.to,
    ...filtersOf(range),
    byMethod: [...methods.values()].sort(byAmount),
    byCashier: [...cashiers.values()].sort(byAmount),
    total,
    reversed,
  }
}
