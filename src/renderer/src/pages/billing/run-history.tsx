import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { countText, intlLocale } from '../../i18n'

/** The last runs shown; the API keeps 50, a glance needs far fewer. */
const SHOWN = 8

/** Who ran which period when, so the office sees a month was billed before running it again. */
export function RunHistory() {
  const { t } = useTranslation()
  const runs = useQuery(trpc.billing.runs.queryOptions())
  const locale = intlLocale()
  return (
    <Paper withBorder radius="md" p="md" data-testid="run-history">
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t('billing.run.history')}
        </Title>
        {runs.isPending ? (
          <PageLoader />
        ) : runs.isError ? (
          <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('billing.run.historyEmpty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {runs.data.slice(0, SHOWN).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td fw={600}>{periodLabel(r.period, locale)}</Table.Td>
                    <Table.Td>{formatShortDate(r.asOf as CalendarDate)}</Table.Td>
                    <Table.Td ta="right">{countText(r.invoices)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(r.total)}</Table.Td>
                    <Table.Td c="dimmed">
                      {t('billing.run.historyBy', { name: whoText(t, r.username) })}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={r.status === 'done' ? 'green' : 'yellow'}
                        tt="none"
                      >
                        {t(`billing.run.runStatus.${r.status}`, { defaultValue: r.status })}
                      </Badge>
                    </Table.Td>
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
