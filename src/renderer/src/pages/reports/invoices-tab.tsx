import { EmptyState, Group, Input, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconFileInvoice } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { MonthField } from '../../components/date-field'
import { PageLoader, QueryError } from '../../components/query-state'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { ReportTable, type ReportColumn } from './report-table'

type Row = RouterOutputs['reports']['invoices']['invoices'][number]
type Paid = 'all' | 'paid' | 'unpaid'
type Service = 'all' | 'broadband' | 'cable_tv'

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * The payment report of seed 003's generator: one month's invoices, paid or unpaid, internet or
 * TV kabel, on screen and as PDF or Excel.
 */
export function InvoicesTab({ initialPeriod }: { initialPeriod: string }) {
  const { t } = useTranslation()
  const [period, setPeriod] = useState(initialPeriod)
  const [paid, setPaid] = useState<Paid>('all')
  const [service, setService] = useState<Service>('all')
  const [filters, setFilters] = useState<Filters>({})
  const valid = PERIOD_RE.test(period)
  const params = {
    period,
    ...filterInput(filters),
    ...(paid !== 'all' ? { paidFilter: paid } : {}),
    ...(service !== 'all' ? { serviceGroup: service } : {}),
  }
  const report = useQuery(
    trpc.reports.invoices.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const columns: ReportColumn<Row>[] = [
    { key: 'number', label: t('reports.invoices.number'), value: (r) => r.number },
    { key: 'code', label: t('reports.invoices.customer'), value: (r) => r.customerCode },
    { key: 'name', label: t('reports.invoices.name'), value: (r) => r.customerName },
    { key: 'total', label: t('reports.invoices.total'), kind: 'money', value: (r) => r.total },
    { key: 'paid', label: t('reports.invoices.paid'), kind: 'money', value: (r) => r.paid },
    {
      key: 'balance',
      label: t('reports.invoices.balance'),
      kind: 'money',
      value: (r) => r.balance,
    },
    {
      key: 'status',
      label: t('reports.invoices.status'),
      value: (r) => t(`billing.paymentStatus.${r.status}`),
    },
  ]
  const data = report.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <MonthField
            label={t('reports.invoices.period')}
            w={180}
            value={period}
            onChange={setPeriod}
          />
          <Input.Wrapper label={t('reports.invoices.paidLabel')}>
            <SegmentedControl
              display="flex"
              aria-label={t('reports.invoices.paidLabel')}
              value={paid}
              onChange={(v) => setPaid(v as Paid)}
              data={(['all', 'paid', 'unpaid'] as const).map((v) => ({
                value: v,
                label: t(`reports.invoices.paidFilter.${v}`),
              }))}
            />
          </Input.Wrapper>
          <Input.Wrapper label={t('reports.invoices.serviceLabel')}>
            <SegmentedControl
              display="flex"
              aria-label={t('reports.invoices.serviceLabel')}
              value={service}
              onChange={(v) => setService(v as Service)}
              data={(['all', 'broadband', 'cable_tv'] as const).map((v) => ({
                value: v,
                label: t(`reports.invoices.service.${v}`),
              }))}
            />
          </Input.Wrapper>
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons request={{ report: 'invoices', params }} disabled={!valid || !data} />
      </Group>
      {!valid ? null : !data ? (
        report.isError ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <PageLoader />
        )
      ) : data.invoices.length === 0 ? (
        <EmptyState icon={<IconFileInvoice size={28} />} title={t('reports.empty')} size="sm" />
      ) : (
        <>
          <ReportTable
            testId="invoices-table"
            columns={columns}
            rows={data.invoices}
            rowKey={(r) => r.invoiceId}
            totals={{
              number: t('reports.total'),
              total: data.total,
              paid: data.paid,
              balance: data.balance,
            }}
          />
          <Text size="sm" c="dimmed">
            {t('reports.invoices.basis')}
          </Text>
        </>
      )}
    </Stack>
  )
}
