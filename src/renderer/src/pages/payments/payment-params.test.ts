import { describe, expect, it } from 'vitest'
import {
  NO_FILTERS,
  hasPaymentFilters,
  parsePaymentParams,
  paymentListInput,
  paymentParams,
} from './payment-params'

describe('payment list filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = {
      from: '2026-11-01',
      to: '2026-11-30',
      method: 'transfer' as const,
      q: 'KW/2026',
    }
    expect(parsePaymentParams(paymentParams(filters))).toEqual(filters)
    expect(hasPaymentFilters(filters)).toBe(true)
  })

  it('drops what a hand-edited URL got wrong', () => {
    const parsed = parsePaymentParams(new URLSearchParams('from=kemarin&to=2026-02-30&method=cek'))
    expect(parsed).toEqual(NO_FILTERS)
    expect(hasPaymentFilters(parsed)).toBe(false)
    expect(paymentParams(NO_FILTERS).toString()).toBe('')
  })

  it('sends only the filters that are set', () => {
    expect(paymentListInput({ ...NO_FILTERS, method: 'cash' }, 50)).toEqual({
      from: undefined,
      to: undefined,
      method: 'cash',
      q: undefined,
      limit: 50,
    })
  })
})
