import { describe, expect, it } from 'vitest'
import { reportDefaults, validRange } from './report-params'

describe('report defaults', () => {
  it('are today, this month and the last six periods in the company time zone', () => {
    // 23:30 UTC on 31 May is already 1 June in Jakarta (UTC+7).
    expect(reportDefaults(new Date('2026-05-31T23:30:00Z'), 'Asia/Jakarta')).toEqual({
      today: '2026-06-01',
      monthStart: '2026-06-01',
      thisPeriod: '2026-06',
      sixPeriodsAgo: '2026-01',
    })
    expect(reportDefaults(new Date('2026-02-10T03:00:00Z'), 'Asia/Jakarta')).toMatchObject({
      monthStart: '2026-02-01',
      sixPeriodsAgo: '2025-09',
    })
  })

  it('accept a range only when it is complete and in order', () => {
    expect(validRange('2026-01', '2026-06', 'period')).toBe(true)
    expect(validRange('2026-06', '2026-06', 'period')).toBe(true)
    expect(validRange('2026-07', '2026-06', 'period')).toBe(false)
    expect(validRange('', '2026-06', 'period')).toBe(false)
    expect(validRange('2026-13', '2026-14', 'period')).toBe(false)
    expect(validRange('2026-11-01', '2026-11-22', 'date')).toBe(true)
    expect(validRange('2026-11-23', '2026-11-22', 'date')).toBe(false)
  })
})
