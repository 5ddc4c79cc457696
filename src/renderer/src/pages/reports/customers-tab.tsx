import { EmptyState, Group, Stack, Text } from '@mantine/core'
import { IconUsers } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { formatNumber } from '@shared/numbers'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { RangeInputs, type Range } from './range-inputs'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { validRange } from './report-params'
import { ReportTable, type ReportColumn } from './report-table'

type Row = RouterOutputs['reports']['customers']['periods'][number]
type CountKey = Exclude<keyof Row, 'period'>
/** On screen the estimated count is a note under the table (the export keeps it as a column). */
const COUNTS: CountKey[] = ['aktif', 'isolir', 'putus', 'pending', 'total', 'new', 'terminated']
/** Flows over the range add up; stocks are the last month's end. */
const FLOWS: CountKey[] = ['new', 'terminated']

/** Customers per month end with the month's new and terminated ones (seed 000). */
export function CustomersTab({ initial }: { initial: Range }) {
  const { t } = useTranslation()
  const [range, setRange] = useState(initial)
  const [filters, setFilters] = useState<Filters>({})
  const valid = validRange(range.from, range.to, 'period')
  const params = { ...range, ...filterInput(filters) }
  const report = useQuery(
    trpc.reports.customers.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const columns: ReportColumn<Row>[] = [
    {
      key: 'period',
      label: t('reports.customers.period'),
      value: (r) => periodLabel(r.period, intlLocale()),
    },
    ...COUNTS.map((k): ReportColumn<Row> => ({
      key: k,
      label: t(`reports.customers.${k}`),
      kind: 'number',
      value: (r) => r[k],
    })),
  ]
  const rows = report.data?.periods ?? []
  const last = rows.at(-1)
  const totals: Record<string, ReactNode> = {
    period: last
      ? t('reports.customers.endOf', { period: periodLabel(last.period, intlLocale()) })
      : '',
  }
  for (const k of COUNTS) {
    totals[k] = FLOWS.includes(k) ? rows.reduce((s, r) => s + r[k], 0) : (last?.[k] ?? 0)
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <RangeInputs kind="period" value={range} onChange={setRange} valid={valid} />
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons
          request={{ report: 'customers', params }}
          disabled={!valid || !report.data}
        />
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : rows.every((r) => r.total === 0) ? (
        <EmptyState icon={<IconUsers size={28} />} title={t('reports.empty')} size="sm" />
      ) : (
        <>
          <ReportTable
            testId="customers-table"
            columns={columns}
            rows={rows}
            rowKey={(r) => r.period}
            totals={totals}
          />
          {last && last.estimated > 0 && (
            <Text size="sm" data-testid="customers-estimated">
              {t('reports.customers.estimatedNote', {
                count: last.estimated,
                formatted: formatNumber(last.estimated, intlLocale()),
                period: periodLabel(last.period, intlLocale()),
              })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('reports.customers.basis')}
          </Text>
        </>
      )}
    </Stack>
  )
}
