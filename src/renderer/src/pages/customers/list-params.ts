import {
  CUSTOMER_CATEGORIES,
  SERVICE_STATUSES,
  type CustomerCategory,
  type ServiceStatus,
} from '@shared/catalog'
import { CUSTOMER_SORTS, type CustomerListInput } from '@shared/schemas'

export type CustomerSort = (typeof CUSTOMER_SORTS)[number]
export type SortDir = 'asc' | 'desc'

/** What the customer list shows; all of it lives in the URL so a list can be bookmarked. */
export interface ListFilters {
  q: string
  status: ServiceStatus[]
  areaId: number | null
  productId: number | null
  category: CustomerCategory | null
  /** null: a search comes ranked by relevance (the best match first), a plain list by name. */
  sort: CustomerSort | null
  dir: SortDir
}

export const DEFAULT_FILTERS: ListFilters = {
  q: '',
  status: [],
  areaId: null,
  productId: null,
  category: null,
  sort: null,
  dir: 'asc',
}

/** The column the list is sorted by, or null while a search is ranked by relevance. */
export function effectiveSort(filters: ListFilters): CustomerSort | null {
  return filters.sort ?? (filters.q ? null : 'name')
}

function positiveId(text: string | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null
  const n = Number(text)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null
}

/** Reads the URL leniently: a hand-edited or outdated value falls back to the default. */
export function parseListParams(params: URLSearchParams): ListFilters {
  const status = (params.get('status') ?? '')
    .split(',')
    .flatMap((s) => oneOf(SERVICE_STATUSES, s) ?? [])
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    status: SERVICE_STATUSES.filter((s) => status.includes(s)),
    areaId: positiveId(params.get('area')),
    productId: positiveId(params.get('product')),
    category: oneOf(CUSTOMER_CATEGORIES, params.get('category')),
    sort: oneOf(CUSTOMER_SORTS, params.get('sort')),
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  }
}

/** Only what differs from the defaults, so a plain list has a plain URL. */
export function listParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.q.trim()) params.set('q', filters.q.trim())
  if (filters.status.length) params.set('status', filters.status.join(','))
  if (filters.areaId) params.set('area', String(filters.areaId))
  if (filters.productId) params.set('product', String(filters.productId))
  if (filters.category) params.set('category', filters.category)
  if (filters.sort) params.set('sort', filters.sort)
  if (filters.dir !== DEFAULT_FILTERS.dir) params.set('dir', filters.dir)
  return params
}

export function hasFilters(filters: ListFilters): boolean {
  return Boolean(
    filters.q || filters.status.length || filters.areaId || filters.productId || filters.category,
  )
}

/** The API input of one page of the list. */
export function listInput(filters: ListFilters, offset: number, limit: number): CustomerListInput {
  return {
    q: filters.q || undefined,
    status: filters.status.length ? filters.status : undefined,
    areaId: filters.areaId ?? undefined,
    productId: filters.productId ?? undefined,
    category: filters.category ?? undefined,
    sort: filters.sort ?? undefined,
    dir: filters.dir,
    offset,
    limit,
  }
}
