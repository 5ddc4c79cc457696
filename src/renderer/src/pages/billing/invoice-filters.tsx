import { Select, SimpleGrid, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ISSUE_VIEWS, PAYMENT_STATUSES, type IssueView, type PaymentStatus } from '@shared/billing'
import { trpc } from '../../api/client'
import { useSession } from '../../session/session'
import type { InvoiceFilters as Filters } from './invoice-params'
import { MonthField } from '../../components/date-field'

interface Props {
  filters: Filters
  searchText: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<Filters>) => void
}

const idOrNull = (value: string | null) => (value ? Number(value) : null)

/**
 * Search, period, issue status, payment status, area and package; areas and packages need a
 * catalog read.
 */
export function InvoiceFilters({ filters, searchText, onSearch, onChange }: Props) {
  const { t } = useTranslation()
  const { can } = useSession()
  // The catalog lists answer to either permission (see the API's catalog router).
  const canCatalog = can('catalog.view') || can('customers.view')
  const areas = useQuery(trpc.catalog.areas.queryOptions(undefined, { enabled: canCatalog }))
  const products = useQuery(trpc.catalog.products.queryOptions(undefined, { enabled: canCatalog }))

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: canCatalog ? 6 : 4 }}>
      <TextInput
        label={t('billing.list.search')}
        placeholder={t('billing.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={searchText}
        onChange={(e) => onSearch(e.currentTarget.value)}
        type="search"
      />
      <MonthField
        label={t('billing.list.period')}
        value={filters.period ?? ''}
        placeholder={t('billing.list.allPeriods')}
        clearable
        onChange={(period) => onChange({ period: period || null })}
      />
      <Select
        label={t('billing.list.issue')}
        data={ISSUE_VIEWS.map((v) => ({ value: v, label: t(`billing.list.issueViews.${v}`) }))}
        value={filters.issue}
        onChange={(value) => value && onChange({ issue: value as IssueView })}
        allowDeselect={false}
        data-testid="invoice-issue-filter"
      />
      <Select
        label={t('billing.list.status')}
        placeholder={t('billing.list.allStatuses')}
        data={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`billing.paymentStatus.${s}`) }))}
        value={filters.status}
        onChange={(value) => onChange({ status: value as PaymentStatus | null })}
        clearable
      />
      {canCatalog && (
        <Select
          label={t('billing.list.area')}
          placeholder={t('billing.list.allAreas')}
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
          label={t('billing.list.product')}
          placeholder={t('billing.list.allProducts')}
          data={(products.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={filters.productId ? String(filters.productId) : null}
          onChange={(value) => onChange({ productId: idOrNull(value) })}
          clearable
          searchable
        />
      )}
    </SimpleGrid>
  )
}
