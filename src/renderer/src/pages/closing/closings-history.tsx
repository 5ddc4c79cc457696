import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { addDays, formatShortDate, formatInstant, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { Difference } from './difference'

const HISTORY_DAYS = 30

/** The closed days of every cashier in the last 30 days, for the supervisor's check. */
export function ClosingsHistory({ today, timeZone }: { today: CalendarDate; timeZone: string }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const closings = useQuery(
    trpc.payments.closings.queryOptions({ from: addDays(today, 1 - HISTORY_DAYS), to: today }),
  )
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('closing.history')}
        </Title>
        {closings.isPending ? (
          <PageLoader />
        ) : closings.isError ? (
          <QueryError error={closings.error} onRetry={() => void closings.refetch()} />
        ) : closings.data.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('closing.historyEmpty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('closing.date')}</Table.Th>
                  <Table.Th>{t('closing.cashier')}</Table.Th>
                  <Table.Th ta="right">{t('closing.expectedCash')}</Table.Th>
                  <Table.Th ta="right">{t('closing.counted')}</Table.Th>
                  <Table.Th ta="right">{t('closing.difference')}</Table.Th>
                  <Table.Th>{t('closing.closedAt')}</Table.Th>
                  <Table.Th>{t('closing.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {closings.data.map((c) => (
                  <Table.Tr key={c.id} data-testid="closing-row">
                    <Table.Td>{formatShortDate(c.date as CalendarDate)}</Table.Td>
                    <Table.Td>{whoText(t, c.username)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(c.expectedCash)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(c.countedCash)}</Table.Td>
                    <Table.Td ta="right">
                      <Difference amount={c.difference} />
                    </Table.Td>
                    <Table.Td>
                      {c.closedBy} · {formatInstant(c.closedAt, timeZone, locale)}
                    </Table.Td>
                    <Table.Td>{c.notes ?? t('common.empty')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  )
}
