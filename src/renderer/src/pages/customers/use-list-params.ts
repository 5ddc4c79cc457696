import { useUrlFilters } from '../../components/use-url-filters'
import { listParams, parseListParams, type ListFilters } from './list-params'

const CLEARED: Partial<ListFilters> = {
  q: '',
  status: [],
  areaId: null,
  productId: null,
  category: null,
}
const CODEC = { parse: parseListParams, write: listParams, cleared: CLEARED }

/** The customer list's filters and sort in the URL (see useUrlFilters). */
export function useListParams() {
  return useUrlFilters(CODEC, 200)
}
