import { describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { nextPeriodStart } from '@shared/periods'
import { expectedPrice } from './pricing'

const product = { id: 1, monthlyPrice: 150_000 }
const customer = { areaId: 5, priceListId: null }

describe('package price preview', () => {
  it('is the package price without any price list', () => {
    expect(expectedPrice(product, customer, [])).toBe(150_000)
  })

  it("prefers the customer's own list over the area's", () => {
    const lists = [
      { id: 2, areaId: 5, active: true, items: [{ productId: 1, price: 140_000 }] },
      { id: 9, areaId: null, active: true, items: [{ productId: 1, price: 120_000 }] },
    ]
    expect(expectedPrice(product, customer, lists)).toBe(140_000)
    expect(expectedPrice(product, { areaId: 5, priceListId: 9 }, lists)).toBe(120_000)
  })

  it('ignores an inactive list', () => {
    const lists = [{ id: 2, areaId: 5, active: false, items: [{ productId: 1, price: 99_000 }] }]
    expect(expectedPrice(product, customer, lists)).toBe(150_000)
  })
})

describe('next period start', () => {
  const today = calendarDate('2026-11-22')

  it('is the next fixed billing day', () => {
    expect(nextPeriodStart(today, { billingDay: 1, activationDate: null })).toBe('2026-12-01')
    expect(nextPeriodStart(today, { billingDay: 25, activationDate: null })).toBe('2026-11-25')
  })

  it('is the next activation anniversary, snapped to the month end', () => {
    const schedule = { billingDay: null, activationDate: '2026-01-31' }
    expect(nextPeriodStart(today, schedule)).toBe('2026-11-30')
    expect(nextPeriodStart(calendarDate('2027-01-31'), schedule)).toBe('2027-02-28')
  })
})
