import { ActionIcon, Group, MultiSelect, Select, SimpleGrid, Tooltip } from '@mantine/core'
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  CUSTOMER_CATEGORIES,
  SERVICE_STATUSES,
  type CustomerCategory,
  type ServiceStatus,
} from '@shared/catalog'
import { CUSTOMER_SORTS } from '@shared/schemas'
import { AreaSelect, ProductSelect } from '../../components/catalog-selects'
import { SearchField } from '../../components/list-page'
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

/** One search box for everything, then the filters; areas and packages need `catalog.view`. */
export function CustomerFilters({ filters, searchText, onSearch, onChange }: Props) {
  const { t } = useTranslation()
  const { can } = useSession()
  // The package, area and price lists are readable with either permission (see api catalog router).
  const canCatalog = can('catalog.view') || can('customers.view')
  // A search may be ranked by relevance (the server's default for a search without a sort).
  const sortOptions = [
    ...(filters.q ? [{ value: RELEVANCE, label: t('customers.sortBy.relevance') }] : []),
    ...CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`customers.sortBy.${s}`) })),
  ]
  const sort = effectiveSort(filters)

  return (
    <>
      <SearchField
        label={t('customers.search')}
        placeholder={t('customers.searchPlaceholder')}
        value={searchText}
        onSearch={onSearch}
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
          <AreaSelect
            label={t('customers.area')}
            placeholder={t('customers.allAreas')}
            value={filters.areaId}
            onChange={(areaId) => onChange({ areaId })}
          />
        )}
        {canCatalog && (
          <ProductSelect
            label={t('customers.product')}
            placeholder={t('customers.allProducts')}
            value={filters.productId}
            onChange={(productId) => onChange({ productId })}
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
