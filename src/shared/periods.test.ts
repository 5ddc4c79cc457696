import { describe, expect, it } from 'vitest'
import { calendarDate as d } from './dates'
import { nextPeriodStart } from './periods'

describe('next period start (where a downgrade takes effect)', () => {
  it('fixed day 1: from 16 Apr the next period starts 1 May', () => {
    expect(nextPeriodStart(d('2026-04-16'), { billingDay: 1, activationDate: null })).toBe(
      '2026-05-01',
    )
  })

  it('fixed day 15: on the 10th it is the 15th of the same month, on the 15th the next month', () => {
    expect(nextPeriodStart(d('2026-04-10'), { billingDay: 15, activationDate: null })).toBe(
      '2026-04-15',
    )
    expect(nextPeriodStart(d('2026-04-15'), { billingDay: 15, activationDate: null })).toBe(
      '2026-05-15',
    )
  })

  it('anniversary of 31 Jan snaps to 28 Feb and back to 31 Mar', () => {
    const s = { billingDay: null, activationDate: '2026-01-31' }
    expect(nextPeriodStart(d('2026-02-10'), s)).toBe('2026-02-28')
    expect(nextPeriodStart(d('2026-02-28'), s)).toBe('2026-03-31')
  })
})
