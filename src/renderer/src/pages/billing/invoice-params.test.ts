import { describe, expect, it } from 'vitest'
import {
  hasInvoiceFilters,
  invoiceListInput,
  invoiceParams,
  NO_INVOICE_FILTERS,
  parseInvoiceParams,
} from './invoice-params'

describe('invoice list filters in the URL', () => {
  it('round-trip through the query string', () => {
    const filters = {
      q: 'INV/2026',
      period: '2026-12',
      status: 'sebagian' as const,
      areaId: 3,
      productId: 7,
      due: '2026-12-10',
      issue: 'upcoming' as const,
    }
    const params = invoiceParams(filters)
    expect(params.toString()).toBe(
      'q=INV%2F2026&period=2026-12&status=sebagian&area=3&product=7&due=2026-12-10&issue=upcoming',
    )
    expect(parseInvoiceParams(params)).toEqual(filters)
  })

  it('ignore values that are not filters', () => {
    const parsed = parseInvoiceParams(
      new URLSearchParams('period=2026-13&status=paid&area=abc&product=0&q=%20&issue=later'),
    )
    expect(parsed).toEqual(NO_INVOICE_FILTERS)
    expect(hasInvoiceFilters(parsed)).toBe(false)
    expect(invoiceParams(NO_INVOICE_FILTERS).toString()).toBe('')
  })
})

describe('the due-date filter', () => {
  it('reads ?due=YYYY-MM-DD (where "jatuh tempo hari ini" leads) and ignores a bad date', () => {
    expect(parseInvoiceParams(new URLSearchParams('due=2026-12-10')).due).toBe('2026-12-10')
    expect(parseInvoiceParams(new URLSearchParams('due=2026-13-10')).due).toBeNull()
    expect(invoiceListInput({ ...NO_INVOICE_FILTERS, due: '2026-12-10' }, 50).dueDate).toBe(
      '2026-12-10',
    )
  })
})

describe('the issue-date filter', () => {
  it('shows invoices issued up to today unless the URL asks for "terbit nanti" or all', () => {
    expect(parseInvoiceParams(new URLSearchParams()).issue).toBe('issued')
    expect(parseInvoiceParams(new URLSearchParams('issue=upcoming')).issue).toBe('upcoming')
    expect(parseInvoiceParams(new URLSearchParams('issue=all')).issue).toBe('all')
    expect(invoiceListInput(NO_INVOICE_FILTERS, 50).issue).toBe('issued')
    expect(hasInvoiceFilters({ ...NO_INVOICE_FILTERS, issue: 'all' })).toBe(true)
  })
})
