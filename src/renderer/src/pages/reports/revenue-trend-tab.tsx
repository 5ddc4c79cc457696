import { EmptyState, Group, Stack, Text } from '@mantine/core'
import { IconTrendingUp } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { trpc } from '../../api/client'
import { MonthField } from '../../components/date-field'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { ReportTable, type ReportColumn } from './report-table'

type Row = RouterOutputs['reports']['revenueTrend']['months'][number]

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** "+12,5%", "−3%", or a dash when a year earlier had nothing to compare with. */
function changeText(change: number | null): string {
  if (change === null) return '—'
  const n = Math.abs(change).toLocaleString(intlLocale(), { maximumFractionDigits: 1 })
  return change > 0 ? `+${n}%` : change < 0 ? `−${n}%` : `${n}%`
}

/** Twelve months of revenue up to a month, each beside the same month a year earlier. */
export function RevenueTrendTab({ initialTo }: { initialTo: string }) {
  const { t } = useTranslation()
  const [to, setTo] = useState(initialTo)
  const [filters, setFilters] = useState<Filters>({})
  const valid = PERIOD_RE.test(to)
  const params = { to, ...filterInput(filters) }
  const report = useQuery(
    trpc.reports.revenueTrend.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const month = (p: string) => periodLabel(p, intlLocale())
  const columns: ReportColumn<Row>[] = [
    { key: 'period', label: t('reports.trend.month'), value: (r) => month(r.period) },
    { key: 'amount', label: t('reports.trend.amount'), kind: 'money', value: (r) => r.amount },
    {
      key: 'previousPeriod',
      label: t('reports.trend.previousPeriod'),
      value: (r) => month(r.previousPeriod),
    },
    {
      key: 'previousAmount',
      label: t('reports.trend.previousAmount'),
      kind: 'money',
      value: (r) => r.previousAmount,
    },
    {
      key: 'change',
      label: t('reports.trend.change'),
      kind: 'number',
      value: (r) => changeText(r.change),
    },
  ]
  const data = report.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <MonthField label={t('reports.trend.to')} w={180} value={to} onChange={setTo} />
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons request={{ report: 'revenueTrend', params }} disabled={!valid || !data} />
      </Group>
      {!valid || !data ? (
        valid && report.isError ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : valid ? (
          <PageLoader />
        ) : null
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : data.total === 0 && data.previousTotal === 0 ? (
        <EmptyState icon={<IconTrendingUp size={28} />} title={t('reports.empty')} size="sm" />
      ) : (
        <>
          <ReportTable
            testId="revenue-trend-table"
            columns={columns}
            rows={data.months}
            rowKey={(r) => r.period}
            totals={{
              period: t('reports.total'),
              amount: data.total,
              previousAmount: data.previousTotal,
              change: changeText(data.change),
            }}
          />
          <Text size="sm" c="dimmed">
            {t('reports.trend.basis')}
          </Text>
        </>
      )}
    </Stack>
  )
}
