import { EmptyState, Group, Stack } from '@mantine/core'
import { IconReportMoney } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { RangeInputs, type Range } from './range-inputs'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { validRange } from './report-params'
import { ReportTable, type ReportColumn } from './report-table'

type Row = RouterOutputs['reports']['invoicedVsCollected']['periods'][number]

const percent = (rate: number | null) =>
  rate === null ? '—' : `${rate.toLocaleString(intlLocale(), { maximumFractionDigits: 1 })}%`

/** Invoiced vs collected per period (the last six by default). */
export function CollectionTab({ initial }: { initial: Range }) {
  const { t } = useTranslation()
  const [range, setRange] = useState(initial)
  const [filters, setFilters] = useState<Filters>({})
  const params = { ...range, ...filterInput(filters) }
  const valid = validRange(range.from, range.to, 'period')
  const report = useQuery(
    trpc.reports.invoicedVsCollected.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const columns: ReportColumn<Row>[] = [
    {
      key: 'period',
      label: t('reports.collection.period'),
      value: (r) => periodLabel(r.period, intlLocale()),
    },
    {
      key: 'invoices',
      label: t('reports.collection.invoices'),
      kind: 'number',
      value: (r) => r.invoices,
    },
    {
      key: 'invoiced',
      label: t('reports.collection.invoiced'),
      kind: 'money',
      value: (r) => r.invoiced,
    },
    {
      key: 'collected',
      label: t('reports.collection.collected'),
      kind: 'money',
      value: (r) => r.collected,
    },
    {
      key: 'outstanding',
      label: t('reports.collection.outstanding'),
      kind: 'money',
      value: (r) => r.outstanding,
    },
    {
      key: 'rate',
      label: t('reports.collection.rate'),
      kind: 'number',
      value: (r) => percent(r.rate),
    },
  ]
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <RangeInputs kind="period" value={range} onChange={setRange} valid={valid} />
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons
          request={{ report: 'invoicedVsCollected', params }}
          disabled={!valid || !report.data}
        />
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.totals.invoices === 0 ? (
        <EmptyState icon={<IconReportMoney size={28} />} title={t('reports.empty')} size="sm" />
      ) : (
        <ReportTable
          testId="collection-table"
          columns={columns}
          rows={report.data.periods}
          rowKey={(r) => r.period}
          totals={{ ...report.data.totals, rate: percent(report.data.totals.rate) }}
        />
      )}
    </Stack>
  )
}
