import { Group, Select, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/billing'
import { methodLabel } from '../cashier/payment-text'
import type { PaymentFilters as Filters } from './payment-params'
import { DateField } from '../../components/date-field'

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
      <TextInput
        label={t('payments.search')}
        placeholder={t('payments.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={searchText}
        onChange={(e) => onSearch(e.currentTarget.value)}
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
