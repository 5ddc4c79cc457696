import { sql } from 'kysely'
import type { CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { Db } from '../db'

export interface DateRange {
  from: CalendarDate
  to: CalendarDate
}

export interface CountAmount {
  count: number
  amount: number
}

export interface PaymentsReport extends DateRange {
  byMethod: (CountAmount & { method: string })[]
  byCashier: (CountAmount & { userId: number | null; username: string })[]
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
  range: DateRange,
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
    WHERE company_id = ${companyId} AND received_date BETWEEN ${range.from} AND ${range.to}
    GROUP BY method, user_id, username, status`.execute(db)
  const methods = new Map<string, CountAmount & { method: string }>()
  const cashiers = new Map<string, CountAmount & { userId: number | null; username: string }>()
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
    // Gateway and imported payments may have no user: they are grouped under "sistem".
    const username = r.username ?? 'sistem'
    const key = `${r.user_id ?? ''}:${username}`
    const c = cashiers.get(key) ?? { userId: r.user_id, username, count: 0, amount: 0 }
    cashiers.set(key, c)
    add(c, r)
  }
  const byAmount = (a: CountAmount, b: CountAmount) => b.amount - a.amount
  return {
    ...range,
    byMethod: [...methods.values()].sort(byAmount),
    byCashier: [...cashiers.values()].sort(byAmount),
    total,
    reversed,
  }
}
