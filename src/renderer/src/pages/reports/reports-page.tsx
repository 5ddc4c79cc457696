import { Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { moduleOfReportTab } from '@shared/modules'
import { useSession } from '../../session/session'
import { CollectionTab } from './collection-tab'
import { CustomersTab } from './customers-tab'
import { InvoicesTab } from './invoices-tab'
import { PaymentsTab } from './payments-tab'
import { ReceivablesTab } from './receivables-tab'
import { reportDefaults } from './report-params'
import { RevenueTab } from './revenue-tab'
import { RevenueTrendTab } from './revenue-trend-tab'
import { TicketsTab } from './tickets-tab'
import { UsageTab } from './usage-tab'

const TABS = [
  'receivables',
  'collection',
  'payments',
  'revenue',
  'trend',
  'customers',
  'invoices',
  'tickets',
  'usage',
] as const
type Tab = (typeof TABS)[number]

/** The reports, each with its own parameters; the open tab is in the URL (`?tab=…`). */
export function ReportsPage() {
  const { t } = useTranslation()
  const { me, moduleOn } = useSession()
  const [params, setParams] = useSearchParams()
  // The analysis tabs belong to Laporan lanjutan (src/shared/modules.ts): gone while it is off.
  const tabs = TABS.filter((x) => {
    const key = moduleOfReportTab(x)
    return key === null || moduleOn(key)
  })
  // Which modules hide tabs here, each said once (Laporan lanjutan, Tiket).
  const hiddenBy = new Set(
    TABS.map((x) => moduleOfReportTab(x)).filter((k) => k !== null && !moduleOn(k)),
  )
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'receivables'
  // Today in the company's zone, fixed while the page is open so the defaults do not drift.
  const defaults = useMemo(
    () => reportDefaults(new Date(), me.company.timeZone),
    [me.company.timeZone],
  )
  const lastSix = { from: defaults.sixPeriodsAgo, to: defaults.thisPeriod }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('reports.title')}
        </Title>
        <Text c="dimmed">{t('reports.intro')}</Text>
        {hiddenBy.has('advancedReports') && (
          <Text c="dimmed" size="sm" data-testid="reports-module-off">
            {t('modules.reportsHidden')}
          </Text>
        )}
        {hiddenBy.has('tickets') && (
          <Text c="dimmed" size="sm" data-testid="reports-tickets-off">
            {t('modules.ticketReportsHidden')}
          </Text>
        )}
      </div>
      <Tabs
        value={tab}
        onChange={(v) => v && setParams({ tab: v }, { replace: true })}
        keepMounted={false}
        // Nine tabs on one row at 1366×768: labels without icons and less padding than Mantine's md.
        styles={{ tab: { paddingInline: 'var(--mantine-spacing-xs)' } }}
      >
        <Tabs.List>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`reports.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="md">
          <Tabs.Panel value="receivables">
            <ReceivablesTab today={defaults.today} />
          </Tabs.Panel>
          <Tabs.Panel value="collection">
            <CollectionTab initial={lastSix} />
          </Tabs.Panel>
          <Tabs.Panel value="payments">
            <PaymentsTab initial={{ from: defaults.monthStart, to: defaults.today }} />
          </Tabs.Panel>
          <Tabs.Panel value="revenue">
            <RevenueTab initial={lastSix} />
          </Tabs.Panel>
          <Tabs.Panel value="trend">
            <RevenueTrendTab initialTo={defaults.thisPeriod} />
          </Tabs.Panel>
          <Tabs.Panel value="invoices">
            <InvoicesTab initialPeriod={defaults.thisPeriod} />
          </Tabs.Panel>
          <Tabs.Panel value="customers">
            <CustomersTab initial={lastSix} />
          </Tabs.Panel>
          <Tabs.Panel value="tickets">
            <TicketsTab initial={{ from: defaults.monthStart, to: defaults.today }} />
          </Tabs.Panel>
          <Tabs.Panel value="usage">
            <UsageTab initialPeriod={defaults.thisPeriod} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  )
}
