import { Select, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  type MessageChannel,
  type MessageKind,
} from '@shared/messaging'
import type { HistoryFilters as Filters } from './history-params'
import { DateField } from '../../components/date-field'
import { SearchField } from '../../components/list-page'

interface Props {
  filters: Filters
  searchText: string
  onSearch: (text: string) => void
  onChange: (patch: Partial<Filters>) => void
}

/** Search, date range (company days), type and channel; the status has its own row of counts. */
export function HistoryFilters({ filters, searchText, onSearch, onChange }: Props) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
      <SearchField
        label={t('messaging.history.search')}
        placeholder={t('messaging.history.searchPlaceholder')}
        value={searchText}
        onSearch={onSearch}
      />
      <DateField
        label={t('messaging.history.from')}
        value={filters.from ?? ''}
        max={filters.to ?? undefined}
        clearable
        onChange={(from) => onChange({ from: from || null })}
      />
      <DateField
        label={t('messaging.history.to')}
        value={filters.to ?? ''}
        min={filters.from ?? undefined}
        clearable
        onChange={(to) => onChange({ to: to || null })}
      />
      <Select
        label={t('messaging.history.kind')}
        placeholder={t('messaging.history.allKinds')}
        data={MESSAGE_KINDS.map((k) => ({ value: k, label: t(`messaging.kind.${k}`) }))}
        value={filters.kind}
        onChange={(value) => onChange({ kind: value as MessageKind | null })}
        clearable
      />
      <Select
        label={t('messaging.history.channel')}
        placeholder={t('messaging.history.allChannels')}
        data={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`messaging.channel.${c}`) }))}
        value={filters.channel}
        onChange={(value) => onChange({ channel: value as MessageChannel | null })}
        clearable
      />
    </SimpleGrid>
  )
}
