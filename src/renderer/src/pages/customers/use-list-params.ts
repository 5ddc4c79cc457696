import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { listParams, parseListParams, type ListFilters } from './list-params'

const SEARCH_DELAY_MS = 200

/**
 * The list's filters, read from and written to the URL. Picking a filter or a sort is a new
 * history entry (the back button undoes it); typing in the search box replaces the current one,
 * so a word typed letter by letter is one step back, not ten.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams()
  const filters = parseListParams(params)
  const [text, setText] = useState(filters.q)
  const [seenQ, setSeenQ] = useState(filters.q)

  // Back/forward changed the URL's search: the box follows it.
  if (filters.q !== seenQ) {
    setSeenQ(filters.q)
    if (filters.q !== text.trim()) setText(filters.q)
  }

  const write = (patch: Partial<ListFilters>, replace = false) =>
    setParams((current) => listParams({ ...parseListParams(current), ...patch }), { replace })

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
    setFilters: (patch: Partial<ListFilters>) => write(patch),
    clearFilters: () => {
      writeSearch.cancel()
      setText('')
      write({ q: '', status: [], areaId: null, productId: null, category: null })
    },
  }
}
