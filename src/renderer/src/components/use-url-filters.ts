import { useDebouncedCallback } from '@mantine/hooks'
import { useState } from 'react'
import { useSearchParams } from 'react-router'

/** How a list's filters live in the URL: read, written, and what "no filter" is. */
export interface UrlFilterCodec<F extends { q: string }> {
  parse: (params: URLSearchParams) => F
  write: (filters: F) => URLSearchParams
  /** What "Hapus filter" goes back to (sort order may stay). */
  cleared: Partial<F>
}

/**
 * A list's filters, read from and written to the URL. Picking a filter is a new history entry
 * (the back button undoes it); typing in the search box replaces the current one, so a word
 * typed letter by letter is one step back, not ten.
 */
export function useUrlFilters<F extends { q: string }>(codec: UrlFilterCodec<F>, delayMs = 250) {
  const [params, setParams] = useSearchParams()
  const filters = codec.parse(params)
  const [text, setText] = useState(filters.q)
  const [seenQ, setSeenQ] = useState(filters.q)

  // Back/forward changed the URL's search: the box follows it.
  if (filters.q !== seenQ) {
    setSeenQ(filters.q)
    if (filters.q !== text.trim()) setText(filters.q)
  }

  const write = (patch: Partial<F>, replace = false) =>
    setParams((current) => codec.write({ ...codec.parse(current), ...patch }), { replace })
  const writeSearch = useDebouncedCallback(
    (q: string) => write({ q: q.trim() } as Partial<F>, true),
    { delay: delayMs },
  )

  const setSearchText = (value: string) => {
    setText(value)
    writeSearch(value)
  }
  const setFilters = (patch: Partial<F>) => write(patch)
  const clearFilters = () => {
    writeSearch.cancel()
    setText('')
    write({ ...codec.cleared, q: '' })
  }
  return {
    filters,
    searchText: text,
    setSearchText,
    setFilters,
    clearFilters,
    /** What the list's filter bar component takes. */
    bar: { filters, searchText: text, onSearch: setSearchText, onChange: setFilters },
    /** ListPage's "Hapus filter": shown while a filter is set, with the list's own label. */
    clearButton: (shown: boolean, label: string) => ({ shown, label, onClear: clearFilters }),
  }
}
