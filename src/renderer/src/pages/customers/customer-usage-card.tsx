import { Box, Card, Divider, Group, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconChartBar } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { bytesText } from '@shared/bytes'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'

type ServiceUsage = RouterOutputs['usage']['customer'][number]

/**
 * "Pemakaian data" on the customer page: per service, this month's total (download and upload
 * under it) and the twelve months up to it as small bars, from what the usage collection job
 * stored. Until that job has stored anything for these services, says so and names the job.
 */
export function CustomerUsageCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const usage = useQuery(trpc.usage.customer.queryOptions({ customerId }))
  const services = usage.data ?? []
  const collected = services.some((s) => s.trend.some((m) => m.totalBytes > 0))
  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-usage">
      <Title order={2} fz="h5" mb="sm">
        {t('usage.customerTitle')}
      </Title>
      {usage.isPending ? (
        <PageLoader />
      ) : usage.isError ? (
        <QueryError error={usage.error} onRetry={() => void usage.refetch()} />
      ) : !collected ? (
        <Stack gap={4} align="center" py="xs" data-testid="customer-usage-empty">
          <IconChartBar size={24} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text fz="sm" fw={500} ta="center">
            {t('usage.customerEmpty')}
          </Text>
          <Text fz="xs" c="dimmed" ta="center">
            {t('usage.customerEmptyHint')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="sm">
          {services.map((s, i) => (
            <Fragment key={s.serviceId}>
              {i > 0 && <Divider />}
              <ServiceUsageRow service={s} />
            </Fragment>
          ))}
          <Text fz="xs" c="dimmed">
            {t('usage.customerBasis')}
          </Text>
        </Stack>
      )}
    </Card>
  )
}

function ServiceUsageRow({ service: s }: { service: ServiceUsage }) {
  const { t } = useTranslation()
  const month = s.trend[s.trend.length - 1]
  const peak = Math.max(...s.trend.map((m) => m.totalBytes))
  const shortMonth = (period: string) =>
    new Intl.DateTimeFormat(intlLocale(), {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${period}-01T00:00:00Z`))
  return (
    <Stack gap={6} data-testid="customer-usage-service">
      <Text fz="sm" fw={600} truncate>
        {s.sid} · {s.product}
      </Text>
      <div>
        <Text fz="xs" c="dimmed">
          {t('usage.thisMonth')}
        </Text>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text fz="lg" fw={700} data-testid="customer-usage-month">
            {bytesText(month?.totalBytes ?? 0)}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('usage.downUp', {
              down: bytesText(month?.downloadBytes ?? 0),
              up: bytesText(month?.uploadBytes ?? 0),
            })}
          </Text>
        </Group>
      </div>
      <div>
        <Group
          gap={3}
          align="flex-end"
          wrap="nowrap"
          h={40}
          role="img"
          aria-label={t('usage.trend')}
          data-testid="customer-usage-trend"
        >
          {s.trend.map((m, i) => (
            <Tooltip
              key={m.period}
              label={t('usage.monthBar', {
                month: periodLabel(m.period, intlLocale()),
                total: bytesText(m.totalBytes),
              })}
            >
              <Box
                h={peak > 0 ? Math.max(2, Math.round((m.totalBytes / peak) * 40)) : 2}
                bg={i === s.trend.length - 1 ? 'blue.6' : m.totalBytes > 0 ? 'blue.3' : 'gray.3'}
                style={{ flex: 1, borderRadius: 2 }}
              />
            </Tooltip>
          ))}
        </Group>
        <Group justify="space-between" mt={2}>
          <Text fz={10} c="dimmed">
            {shortMonth(s.trend[0]?.period ?? '')}
          </Text>
          <Text fz={10} c="dimmed">
            {shortMonth(month?.period ?? '')}
          </Text>
        </Group>
      </div>
    </Stack>
  )
}
