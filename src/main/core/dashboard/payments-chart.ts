import { sql } from 'kysely'
import { addDays, addMonths, calendarDate, type CalendarDate } from '@shared/dates'
import type { Db } from '../db'

/** The choices of "Grafik Pembayaran" (seed 000): this week, this month, 30 days, this year. */
export const CHART_RANGES = ['week', 'month', 'days30', 'year'] as const
export type ChartRange = (typeof CHART_RANGES)[number]

export interface ChartSpan {
  from: CalendarDate
  to: CalendarDate
}

export interface ChartPoint {
  /** A day (`YYYY-MM-DD`) or, for a year, a month (`YYYY-MM`) of the current span. */
  key: string
  /** The matching day or month of the previous span, null past its end. */
  previousKey: string | null
  amount: number
  count: number
  previousAmount: number | null
  previousCount: number | null
}

export interface PaymentsChart {
  range: ChartRange
  unit: 'day' | 'month'
  current: ChartSpan
  previous: ChartSpan
  points: ChartPoint[]
  /** Kept payments over each whole span (the current one up to its end, future days are 0). */
  totals: { current: number; currentCount: number; previous: number; previousCount: number }
}

/** Monday of the ISO week of `day`. */
function monday(day: CalendarDate): CalendarDate {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

const monthEnd = (first: CalendarDate) => addDays(addMonths(first, 1), -1)

/** The span a range covers around `today`, and the span before it. */
export function chartSpans(range: ChartRange, today: CalendarDate) {
  switch (range) {
    case 'week': {
      const from = monday(today)
      return {
        current: { from, to: addDays(from, 6) },
        previous: { from: addDays(from, -7), to: addDays(from, -1) },
      }
    }
    case 'month': {
      const from = calendarDate(`${today.slice(0, 7)}-01`)
      const prev = addMonths(from, -1)
      return { current: { from, to: monthEnd(from) }, previous: { from: prev, to: monthEnd(prev) } }
    }
    case 'days30':
      return {
        current: { from: addDays(today, -29), to: today },
        previous: { from: addDays(today, -59), to: addDays(today, -30) },
      }
    case 'year': {
      const y = Number(today.slice(0, 4))
      return {
        current: { from: calendarDate(`${y}-01-01`), to: calendarDate(`${y}-12-31`) },
        previous: { from: calendarDate(`${y - 1}-01-01`), to: calendarDate(`${y - 1}-12-31`) },
      }
    }
  }
}

function keysOf(span: ChartSpan, unit: 'day' | 'month'): string[] {
  const keys: string[] = []
  if (unit === 'month') {
    for (let d = span.from; d <= span.to; d = addMonths(d, 1)) keys.push(d.slice(0, 7))
  } else {
    for (let d = span.from; d <= span.to; d = addDays(d, 1)) keys.push(d)
  }
  return keys
}

/**
 * Kept payments (not reversed) per day, or per month for a year, over a span and the one before
 * it, summed by received date as the payments report sums them. One range scan of
 * payments_day_idx covers both spans.
 */
export async function paymentsChart(
  db: Db,
  companyId: number,
  range: ChartRange,
  today: CalendarDate,
): Promise<PaymentsChart> {
  const { current, previous } = chartSpans(range, today)
  const unit = range === 'year' ? 'month' : 'day'
  // A year is grouped by month in SQL: two years of days would be 730 rows to send back.
  const key = unit === 'month' ? sql`substr(received_date, 1, 7)` : sql`received_date`
  const { rows } = await sql<{ k: string; amount: number; count: number }>`SELECT ${key} AS k,
      SUM(amount) AS amount, COUNT(*) AS count
    FROM payments
    WHERE company_id = ${companyId} AND received_date BETWEEN ${previous.from} AND ${current.to}
      AND status = 'ok'
    GROUP BY 1`.execute(db)
  const found = new Map(
    rows.map((r) => [r.k, { amount: Number(r.amount), count: Number(r.count) }]),
  )
  const now = keysOf(current, unit)
  const before = keysOf(previous, unit)
  const points = Array.from({ length: Math.max(now.length, before.length) }, (_, i) => {
    const k = now[i] ?? null
    const p = before[i] ?? null
    return {
      key: k ?? '',
      previousKey: p,
      amount: k ? (found.get(k)?.amount ?? 0) : 0,
      count: k ? (found.get(k)?.count ?? 0) : 0,
      previousAmount: p ? (found.get(p)?.amount ?? 0) : null,
      previousCount: p ? (found.get(p)?.count ?? 0) : null,
    }
  }).filter((pt) => pt.key !== '')
  const sum = (keys: string[], f: 'amount' | 'count') =>
    keys.reduce((s, k) => s + (found.get(k)?.[f] ?? 0), 0)
  return {
    range,
    unit,
    current,
    previous,
    points,
    totals: {
      current: sum(now, 'amount'),
      currentCount: sum(now, 'count'),
      previous: sum(before, 'amount'),
      previousCount: sum(before, 'count'),
    },
  }
}
