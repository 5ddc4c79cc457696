/**
 * The period a run most likely wants: from the 20th on, the office bills next month ahead
 * (prepaid invoices go out before the month starts); before that, the current month.
 */
export function defaultRunPeriod(today: Date): string {
  const next = today.getDate() >= 20 ? 1 : 0
  const month = new Date(today.getFullYear(), today.getMonth() + next, 1)
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`
}

/** "2026-12-01" → "2026-11-30": invoice lines store the end exclusive, people read it inclusive. */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10)
}
