import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { trpc } from '../../api/client'
import { listInput, type ListFilters } from './list-params'
import type { CustomerListRow } from './types'

export const PAGE_SIZE = 200
/** Pages are asked for once scrolling settles, so dragging the scrollbar is not 250 requests. */
const SETTLE_MS = 120

const pageInput = (filters: ListFilters, page: number) =>
  listInput(filters, page * PAGE_SIZE, PAGE_SIZE)

/**
 * The first page, which also carries the total. While a new search loads, the previous
 * answer stays on screen (marked `isPlaceholderData`) instead of an empty table.
 */
export function useFirstPage(filters: ListFilters) {
  return useQuery(
    trpc.customers.list.queryOptions(pageInput(filters, 0), { placeholderData: keepPreviousData }),
  )
}

type FirstPage = ReturnType<typeof useFirstPage>

function pagesBetween(start: number, end: number, total: number): number[] {
  const pages: number[] = []
  const last = Math.floor(Math.max(0, Math.min(end, total - 1)) / PAGE_SIZE)
  for (let page = Math.max(1, Math.floor(start / PAGE_SIZE)); page <= last; page++) pages.push(page)
  return pages
}

/**
 * The list as a sparse array: the pages the visible rows fall in, fetched by offset. Pages stay
 * in the query cache keyed by offset, so scrolling back is instant; a row whose page has not
 * arrived yet is `null` and drawn as a placeholder.
 */
export function useRowPages(
  filters: ListFilters,
  first: FirstPage,
  visible: { start: number; end: number },
) {
  const queryClient = useQueryClient()
  const fresh = first.isSuccess && !first.isPlaceholderData
  const wanted = pagesBetween(visible.start, visible.end, first.data?.total ?? 0)
  const [settled] = useDebouncedValue(wanted.join(','), SETTLE_MS)
  const toFetch = settled ? settled.split(',').map(Number) : []
  const rest = useQueries({
    queries: toFetch.map((page) =>
      trpc.customers.list.queryOptions(pageInput(filters, page), { enabled: fresh }),
    ),
  })

  const pages = new Map<number, CustomerListRow[]>()
  if (first.data) pages.set(0, first.data.rows)
  if (fresh) {
    toFetch.forEach((page, i) => {
      const rows = rest[i]?.data?.rows
      if (rows) pages.set(page, rows)
    })
    // Pages seen before are in the cache already: shown at once, even mid-scroll.
    for (const page of wanted) {
      if (pages.has(page)) continue
      const cached = queryClient.getQueryData(
        trpc.customers.list.queryKey(pageInput(filters, page)),
      )
      if (cached) pages.set(page, cached.rows)
    }
  }

  return {
    rowAt: (index: number): CustomerListRow | null =>
      pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null,
    error: rest.find((q) => q.isError)?.error ?? null,
    retry: () => rest.forEach((q) => q.isError && void q.refetch()),
  }
}
