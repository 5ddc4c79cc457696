import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import {
  invoiceParams,
  NO_INVOICE_FILTERS,
  parseInvoiceParams,
  type InvoiceFilters,
} from './invoice-params'

const SEARCH_DELAY_MS = 250

/**
 * The invoice filters, read from and written to the URL. A picked filter is a history step (back
 * undoes it); typing replaces the current entry so one word is one step back, not ten.
 */
export function useInvoiceParams() {
  const [params, setParams] = useSearchParams()
  const filters = parseInvoiceParams(params)
  const [text, setText] = useState(filters.q)
  const [seenQ, setSeenQ] = useState(filters.q)

  // Back/forward changed the URL: the search box follows it.
  if (filters.q !== seenQ) {
    setSeenQ(filters.q)
    if (filters.q !== text.trim()) setText(filters.q)
  }

  const write = (patch: Partial<InvoiceFilters>, replace = false) =>
    setParams((current) => invoiceParams({ ...parseInvoiceParams(current), ...patch }), {
      replace,
    })
  const writeSearch = useDebouncedCallback((q: string) => write({ q: q.trim() }, true), {
    delay: SEARCH_DELAY_MS,
  })

  return {
    filters,
    searchText: text,
    setSearchText: (value: string) => {
      setText(value)
      writeSearch(value)
    },
    setFilters: (patch: Partial<InvoiceFilters>) => write(patch),
    clearFilters: () => {
      writeSearch.cancel()
      setText('')
      write(NO_INVOICE_FILTERS)
    },
  }
}
