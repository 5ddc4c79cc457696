import { Alert, EmptyState, Group, SimpleGrid, Stack, Title } from '@mantine/core'
import { IconCash } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRupiah } from '@shared/money'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { RangeInputs, type Range } from './range-inputs'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { validRange } from './report-params'
import { ReportTable, type ReportColumn } from './report-table'

type Report = RouterOutputs['reports']['payments']
type Row = { key: string; name: string; count: number; amount: number }

function Grouped({
  title,
  label,
  rows,
  total,
  testId,
}: {
  title: string
  label: string
  rows: Row[]
  total: Report['total']
  testId: string
}) {
  const { t } = useTranslation()
  const columns: ReportColumn<Row>[] = [
    { key: 'name', label, value: (r) => r.name },
    { key: 'count', label: t('reports.payments.count'), kind: 'number', value: (r) => r.count },
    { key: 'amount', label: t('reports.payments.amount'), kind: 'money', value: (r) => r.amount },
  ]
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {title}
      </Title>
      <ReportTable
        testId={testId}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        totals={total}
      />
    </Stack>
  )
}

/** Payments received in a date range (this month by default) by method and by cashier. */
export function PaymentsTab({ initial }: { initial: Range }) {
  const { t } = useTranslation()
  const [range, setRange] = useState(initial)
  const [filters, setFilters] = useState<Filters>({})
  const params = { ...range, ...filterInput(filters) }
  const valid = validRange(range.from, range.to, 'date')
  const report = useQuery(
    trpc.reports.payments.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const data = report.data
  const methodLabel = (m: string) => t(`reports.payments.methods.${m}`, { defaultValue: m })
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <RangeInputs kind="date" value={range} onChange={setRange} valid={valid} />
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons request={{ report: 'payments', params }} disabled={!valid || !data} />
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          {report.data.reversed.count > 0 && (
            <Alert color="yellow" variant="light" data-testid="payments-reversed">
              {t('reports.payments.reversed', {
                count: report.data.reversed.count,
                amount: formatRupiah(report.data.reversed.amount),
              })}
            </Alert>
          )}
          {report.data.total.count === 0 ? (
            <EmptyState icon={<IconCash size={28} />} title={t('reports.empty')} size="sm" />
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Grouped
                testId="payments-by-method"
                title={t('reports.payments.byMethod')}
                label={t('reports.payments.method')}
                rows={report.data.byMethod.map((m) => ({
                  ...m,
                  key: m.method,
                  name: methodLabel(m.method),
                }))}
                total={report.data.total}
              />
              <Grouped
                testId="payments-by-cashier"
                title={t('reports.payments.byCashier')}
                label={t('reports.payments.cashier')}
                rows={report.data.byCashier.map((c) => ({
                  ...c,
                  key: `${c.userId ?? ''}:${c.username ?? ''}`,
                  name: whoText(t, c.username, c.name),
                }))}
                total={report.data.total}
              />
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  )
}
