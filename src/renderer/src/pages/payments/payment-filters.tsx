import { Group, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/billing'
import { methodLabel } from '../cashier/payment-text'
import type { PaymentFilters as Filters } from './payment-params'
import { DateField } from '../../components/date-field'
import { SearchField } from '../../components/list-page'

export function PaymentFilters({
  filters,
  searchText,
  onSearch,
  onChange,
}: {
  filters: Filters
  searchText: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<Filters>) => void
}) {
  const { t } = useTranslation()
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchField
        label={t('payments.search')}
        placeholder={t('payments.searchPlaceholder')}
        value={searchText}
        onSearch={onSearch}
        w={340}
      />
      <DateField
        label={t('payments.from')}
        value={filters.from}
        max={filters.to || undefined}
        clearable
        onChange={(from) => onChange({ from })}
      />
      <DateField
        label={t('payments.to')}
        value={filters.to}
        min={filters.from || undefined}
        clearable
        onChange={(to) => onChange({ to })}
      />
      <Select
        label={t('payments.method')}
        placeholder={t('payments.allMethods')}
        clearable
        value={filters.method}
        onChange={(value) => onChange({ method: (value as PaymentMethod | null) ?? null })}
        data={PAYMENT_METHODS.map((m) => ({ value: m, label: methodLabel(t, m) }))}
        w={200}
      />
    </Group>
  )
}
