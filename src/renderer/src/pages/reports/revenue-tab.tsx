import { EmptyState, Group, Stack } from '@mantine/core'
import { IconChartBar } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { ExportButtons } from './export-buttons'
import { RangeInputs, type Range } from './range-inputs'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { validRange } from './report-params'
import { ReportTable, type ReportColumn } from './report-table'

interface Row {
  key: string
  group: string
  name: string
  lines: number | null
  amount: number
  subtotal: boolean
}

/** Revenue by package over periods: internet and cable TV apart, other charges last. */
export function RevenueTab({ initial }: { initial: Range }) {
  const { t } = useTranslation()
  const [range, setRange] = useState(initial)
  const [filters, setFilters] = useState<Filters>({})
  const params = { ...range, ...filterInput(filters) }
  const valid = validRange(range.from, range.to, 'period')
  const report = useQuery(
    trpc.reports.revenue.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const rows: Row[] = (report.data?.groups ?? []).flatMap((g) => {
    const group = t(`reports.revenue.groups.${g.group}`)
    return [
      ...g.rows.map((r) => ({
        key: `${g.group}:${r.productId ?? 'none'}`,
        group,
        name: r.productId === null ? t('reports.revenue.other') : r.name,
        lines: r.lines,
        amount: r.amount,
        subtotal: false,
      })),
      {
        key: `${g.group}:subtotal`,
        group: t('reports.revenue.subtotal', { group }),
        name: '',
        lines: null,
        amount: g.subtotal,
        subtotal: true,
      },
    ]
  })
  const bold = (r: Row, text: string | number | null) => (r.subtotal ? <b>{text}</b> : text)
  const columns: ReportColumn<Row>[] = [
    { key: 'group', label: t('reports.tabs.revenue'), value: (r) => bold(r, r.group) },
    { key: 'name', label: t('reports.revenue.product'), value: (r) => r.name },
    { key: 'lines', label: t('reports.revenue.lines'), kind: 'number', value: (r) => r.lines },
    { key: 'amount', label: t('reports.revenue.amount'), kind: 'money', value: (r) => r.amount },
  ]
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <RangeInputs kind="period" value={range} onChange={setRange} valid={valid} />
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons request={{ report: 'revenue', params }} disabled={!valid || !report.data} />
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<IconChartBar size={28} />} title={t('reports.empty')} size="sm" />
      ) : (
        <ReportTable
          testId="revenue-table"
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          totals={{ amount: report.data.total }}
        />
      )}
    </Stack>
  )
}
