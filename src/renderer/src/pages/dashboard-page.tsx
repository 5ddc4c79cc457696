import { Group, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { COMPANY_TIME_ZONES, calendarDate, dateInZone, formatShortDate } from '@shared/dates'
import { trpc } from '../api/client'
import { PageLoader, QueryError } from '../components/query-state'
import { useSession } from '../session/session'
import { DashboardTraffic } from './dashboard-traffic'
import { PaymentsChartCard } from './dashboard/payments-chart'
import { RouterPanel } from './dashboard/router-panel'
import { SummaryCards } from './dashboard/summary-cards'

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Text fz="sm" c="dimmed">
      {label}:{' '}
      <Text span fz="sm" fw={600} c="var(--mantine-color-text)" data-testid={testId}>
        {value}
      </Text>
    </Text>
  )
}

/**
 * Beranda: the business of the day (the cards the role may see, each opening its list), the
 * payments chart, the routers, and the live traffic of one interface.
 */
export function DashboardPage() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const zone = COMPANY_TIME_ZONES.find((z) => z.id === me.company.timeZone)
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(), refetchInterval: 60_000 })
  const today = summary.data
    ? formatShortDate(calendarDate(summary.data.asOf))
    : formatShortDate(dateInZone(new Date(), me.company.timeZone))

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('dashboard.welcome', { name: me.user.name })}
        </Title>
        <Group gap="lg" wrap="wrap">
          <Fact label={t('dashboard.company')} value={me.company.name} testId="dashboard-company" />
          <Fact label={t('dashboard.today')} value={today} testId="dashboard-today" />
          <Fact
            label={t('dashboard.timeZone')}
            value={zone ? zone.label : me.company.timeZone}
            testId="dashboard-time-zone"
          />
          <Fact
            label={t('dashboard.role')}
            value={t(`roles.${me.user.role}`)}
            testId="dashboard-role"
          />
          <Fact label={t('dashboard.version')} value={me.version} testId="dashboard-version" />
        </Group>
      </Stack>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <PageLoader />
      ) : (
        <SummaryCards s={summary.data} />
      )}
      {(can('billing.view') || can('reports.view')) && <PaymentsChartCard />}
      <RouterPanel />
      <DashboardTraffic />
    </Stack>
  )
}
