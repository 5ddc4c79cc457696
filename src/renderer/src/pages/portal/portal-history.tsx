import { Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { portalTrpc } from '../../api/portal-client'
import { PageLoader, QueryError } from '../../components/query-state'
import { ddmmyyyy, rp } from './format'
import { Muted, PortalPage } from './portal-app'
import { StatusBadge } from './portal-invoices'

/** Riwayat: the year's invoices month by month, with the day each was paid. */
export function PortalHistory() {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const history = useQuery(portalTrpc.portal.history.queryOptions({ year }))
  const years = history.data?.years.length ? history.data.years : [year]
  return (
    <PortalPage title={t('portal.history.title')}>
      <Select
        label={t('portal.history.year')}
        w={140}
        value={String(year)}
        allowDeselect={false}
        data={[...new Set([year, ...years])].sort((a, b) => b - a).map(String)}
        onChange={(v) => v && setYear(Number(v))}
      />
      {history.isPending ? (
        <PageLoader />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="xs">
            {(['invoiced', 'paid', 'balance'] as const).map((k) => (
              <Paper key={k} withBorder p="xs">
                <Muted>{t(`portal.history.${k}`)}</Muted>
                <Text fw={700} size="sm">
                  {rp(history.data.totals[k])}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {history.data.months.every((m) => m.invoices.length === 0) && (
            <Muted>{t('portal.history.empty')}</Muted>
          )}
          {history.data.months
            .filter((m) => m.invoices.length > 0)
            .map((m) =>
              m.invoices.map((i) => (
                <Paper key={i.invoiceId} withBorder p="md">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <Text fw={600}>{i.number}</Text>
                      <Muted>{m.period}</Muted>
                      <Text size="sm">
                        {i.payments.length
                          ? i.payments
                              .map((p) => t('portal.history.paidOn', { date: ddmmyyyy(p.date) }))
                              .join(', ')
                          : t('portal.history.notPaid')}
                      </Text>
                    </div>
                    <Stack gap={4} align="flex-end">
                      <Text fw={700}>{rp(i.total)}</Text>
                      <StatusBadge status={i.status} />
                    </Stack>
                  </Group>
                </Paper>
              )),
            )}
        </Stack>
      )}
    </PortalPage>
  )
}
