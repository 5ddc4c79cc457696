import { Card, Text, Timeline, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { historyColor, historyText } from './history-format'
import type { HistoryEntry } from './types'

/** Everything that happened to the customer and their services, newest first. */
export function CustomerHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const locale = intlLocale()
  const zone = me.company.timeZone
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} fz="h5" mb="md">
        {t('customer.history')}
      </Title>
      {history.length === 0 ? (
        <Text c="dimmed" fz="sm" data-testid="customer-history">
          {t('customer.noHistory')}
        </Text>
      ) : (
        // Every entry "active", so each bullet shows its own colour.
        <Timeline
          active={history.length - 1}
          bulletSize={14}
          lineWidth={2}
          color="gray"
          data-testid="customer-history"
        >
          {history.map((entry, i) => (
            <Timeline.Item
              key={`${entry.at}-${entry.kind}-${i}`}
              color={historyColor(entry)}
              data-testid="history-entry"
              data-kind={entry.kind}
            >
              <Text fz="sm">{historyText(t, entry, zone, locale)}</Text>
              <Text fz="xs" c="dimmed">
                {[entry.sid, formatInstant(entry.at, zone, locale)].filter(Boolean).join(' · ')}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  )
}
