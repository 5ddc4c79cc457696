import {
  ActionIcon,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  CUSTOMER_CATEGORIES,
  SERVICE_STATUSES,
  type CustomerCategory,
  type ServiceStatus,
} from '@shared/catalog'
import { CUSTOMER_SORTS } from '@shared/schemas'
import { trpc } from '../../api/client'
import { useSession } from '../../session/session'
import { effectiveSort, type CustomerSort, type ListFilters } from './list-params'

/** The sort menu's value for "no sort: ranked by relevance"; not a column. */
const RELEVANCE = 'relevance'

interface Props {
  filters: ListFilters
  searchText: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<ListFilters>) => void
}

const idOrNull = (value: string | null) => (value ? Number(value) : null)

/** One search box for everything, then the filters; areas and packages need `catalog.view`. */
export function CustomerFilters({ filters, searchText, onSearch, onChange }: Props) {
  const { t } = useTranslation()
  const { can } = useSession()
  // The package, area and price lists are readable with either permission (see api catalog router).
  const canCatalog = can('catalog.view') || can('customers.view')
  const areas = useQuery(trpc.catalog.areas.queryOptions(undefined, { enabled: canCatalog }))
  const products = useQuery(trpc.catalog.products.queryOptions(undefined, { enabled: canCatalog }))
  // A search may be ranked by relevance (the server's default for a search without a sort).
  const sortOptions = [
    ...(filters.q ? [{ value: RELEVANCE, label: t('customers.sortBy.relevance') }] : []),
    ...CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`customers.sortBy.${s}`) })),
  ]
  const sort = effectiveSort(filters)

  return (
    <>
      <TextInput
        label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={searchText}
        onChange={(e) => onSearch(e.currentTarget.value)}
        type="search"
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: canCatalog ? 5 : 3 }}>
        <MultiSelect
          label={t('customers.status')}
          placeholder={filters.status.length ? undefined : t('customers.allStatuses')}
          data={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`serviceStatus.${s}`) }))}
          value={filters.status}
          onChange={(value) => onChange({ status: value as ServiceStatus[] })}
          clearable
        />
        {canCatalog && (
          <Select
            label={t('customers.area')}
            placeholder={t('customers.allAreas')}
            data={(areas.data ?? []).map((a) => ({
              value: String(a.id),
              label: `${a.code} — ${a.name}`,
            }))}
            value={filters.areaId ? String(filters.areaId) : null}
            onChange={(value) => onChange({ areaId: idOrNull(value) })}
            clearable
            searchable
          />
        )}
        {canCatalog && (
          <Select
            label={t('customers.product')}
            placeholder={t('customers.allProducts')}
            data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={filters.productId ? String(filters.productId) : null}
            onChange={(value) => onChange({ productId: idOrNull(value) })}
            clearable
            searchable
          />
        )}
        <Select
          label={t('customers.category')}
          placeholder={t('customers.allCategories')}
          data={CUSTOMER_CATEGORIES.map((c) => ({ value: c, label: t(`customerCategory.${c}`) }))}
          value={filters.category}
          onChange={(value) => onChange({ category: value as CustomerCategory | null })}
          clearable
        />
        <Group gap={4} wrap="nowrap" align="flex-end">
          <Select
            label={t('customers.sort')}
            data={sortOptions}
            value={sort ?? RELEVANCE}
            onChange={(value) =>
              value && onChange({ sort: value === RELEVANCE ? null : (value as CustomerSort) })
            }
            allowDeselect={false}
            style={{ flex: 1 }}
          />
          <Tooltip
            label={t(filters.dir === 'asc' ? 'customers.ascending' : 'customers.descending')}
          >
            <ActionIcon
              variant="default"
              size="input-sm"
              disabled={sort === null}
              aria-label={t(filters.dir === 'asc' ? 'customers.ascending' : 'customers.descending')}
              onClick={() => onChange({ dir: filters.dir === 'asc' ? 'desc' : 'asc' })}
            >
              {filters.dir === 'asc' ? (
                <IconSortAscending size={18} />
              ) : (
                <IconSortDescending size={18} />
              )}
            </ActionIcon>
          </Tooltip>
        </Group>
      </SimpleGrid>
    </>
  )
}
