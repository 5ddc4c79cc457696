import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import {
  NO_FILTERS,
  parsePaymentParams,
  paymentParams,
  type PaymentFilters,
} from './payment-params'

const SEARCH_DELAY_MS = 250

/**
 * The list's filters, read from and written to the URL. A picked filter is a new history
 * entry; typing replaces the current one, so a word typed letter by letter is one step back.
 */
export function usePaymentParams() {
  const [params, setParams] = useSearchParams()
  const filters = parsePaymentParams(params)
  const [text, setText] = useState(filters.q)
  const [seenQ, setSeenQ] = useState(filters.q)

  // Back/forward changed the URL's search: the box follows it.
  if (filters.q !== seenQ) {
    setSeenQ(filters.q)
    if (filters.q !== text.trim()) setText(filters.q)
  }

  const write = (patch: Partial<PaymentFilters>, replace = false) =>
    setParams((current) => paymentParams({ ...parsePaymentParams(current), ...patch }), {
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
    setFilters: (patch: Partial<PaymentFilters>) => write(patch),
    clearFilters: () => {
      writeSearch.cancel()
      setText('')
      write(NO_FILTERS)
    },
  }
}
