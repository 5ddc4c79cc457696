import { describe, expect, it } from 'vitest'
import { dayBefore, defaultRunPeriod } from './run-period'

describe('the run dialog period', () => {
  it('is this month before the 20th and next month from the 20th on', () => {
    expect(defaultRunPeriod(new Date(2026, 10, 19))).toBe('2026-11')
    expect(defaultRunPeriod(new Date(2026, 10, 20))).toBe('2026-12')
    expect(defaultRunPeriod(new Date(2026, 11, 25))).toBe('2027-01')
  })

  it('shows the last day of an exclusive period end', () => {
    expect(dayBefore('2026-12-01')).toBe('2026-11-30')
    expect(dayBefore('2024-03-01')).toBe('2024-02-29')
    expect(dayBefore('2027-01-01')).toBe('2026-12-31')
  })
})
