import { Select, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ISSUE_VIEWS, PAYMENT_STATUSES, type IssueView, type PaymentStatus } from '@shared/billing'
import { AreaSelect, ProductSelect } from '../../components/catalog-selects'
import { SearchField } from '../../components/list-page'
import { useSession } from '../../session/session'
import type { InvoiceFilters as Filters } from './invoice-params'
import { MonthField } from '../../components/date-field'

interface Props {
  filters: Filters
  searchText: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<Filters>) => void
}

/**
 * Search, period, issue status, payment status, area and package; areas and packages need a
 * catalog read.
 */
export function InvoiceFilters({ filters, searchText, onSearch, onChange }: Props) {
  const { t } = useTranslation()
  const { can } = useSession()
  // The catalog lists answer to either permission (see the API's catalog router).
  const canCatalog = can('catalog.view') || can('customers.view')

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: canCatalog ? 6 : 4 }}>
      <SearchField
        label={t('billing.list.search')}
        placeholder={t('billing.list.searchPlaceholder')}
        value={searchText}
        onSearch={onSearch}
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
        <AreaSelect
          label={t('billing.list.area')}
          placeholder={t('billing.list.allAreas')}
          value={filters.areaId}
          onChange={(areaId) => onChange({ areaId })}
        />
      )}
      {canCatalog && (
        <ProductSelect
          label={t('billing.list.product')}
          placeholder={t('billing.list.allProducts')}
          value={filters.productId}
          onChange={(productId) => onChange({ productId })}
        />
      )}
    </SimpleGrid>
  )
}
