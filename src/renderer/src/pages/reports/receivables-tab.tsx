import { Card, EmptyState, Group, Stack, Switch, Text } from '@mantine/core'
import { IconMoodSmile } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { AGING_BUCKETS } from '@shared/billing'
import { formatShortDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { formatPhone } from '@shared/phone'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { countText } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { filterInput, ReportFilters, type Filters } from './report-filters'
import { ReceivablesNote } from './receivables-note'
import { ReportTable, type ReportColumn } from './report-table'
import { DateField } from '../../components/date-field'
import { FigureGrid } from '../../components/figure-grid'

type Receivables = RouterOutputs['reports']['receivables']
type ByCustomer = Extract<Receivables, { detail: false }>
type ByInvoice = Extract<Receivables, { detail: true }>

/** Total and each aging bucket (rule 31) at a glance, above the table. */
function Summary({ data }: { data: Receivables }) {
  const { t } = useTranslation()
  const customers = data.detail
    ? new Set(data.invoices.map((i) => i.customerId)).size
    : data.customers.length
  const invoices = data.detail ? data.invoices.length : data.invoices
  return (
    <Stack gap="sm" data-testid="receivables-summary">
      {/* The total on a line of its own, so the six buckets fit the next one side by side. */}
      <Card withBorder padding="sm" radius="md">
        <Text size="xs" c="dimmed" fw={600}>
          {t('reports.receivables.total')}
        </Text>
        <Text fw={700} fz="lg">
          {formatRupiah(data.total)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reports.receivables.customers', {
            count: customers,
            invoices: countText(invoices),
          })}
        </Text>
      </Card>
      <FigureGrid min="9rem">
        {AGING_BUCKETS.map((b) => (
          <Card key={b} withBorder padding="sm" radius="md">
            <Text size="xs" c="dimmed" fw={600}>
              {t(`reports.buckets.${b}`)}
            </Text>
            <Text fw={700} c={b === 'over_60' && data.buckets[b] > 0 ? 'red' : undefined}>
              {formatRupiah(data.buckets[b])}
            </Text>
          </Card>
        ))}
      </FigureGrid>
    </Stack>
  )
}

function CustomerTable({ data }: { data: ByCustomer }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  type Row = ByCustomer['customers'][number]
  const columns: ReportColumn<Row>[] = [
    { key: 'code', label: t('reports.receivables.code'), value: (r) => r.code },
    { key: 'name', label: t('reports.receivables.name'), value: (r) => r.name },
    { key: 'area', label: t('reports.receivables.area'), value: (r) => r.area },
    {
      key: 'phone',
      label: t('reports.receivables.phone'),
      value: (r) => (r.phone ? formatPhone(r.phone) : ''),
    },
    {
      key: 'invoices',
      label: t('reports.receivables.invoices'),
      kind: 'number',
      value: (r) => r.invoices,
    },
    ...AGING_BUCKETS.map((b): ReportColumn<Row> => ({
      key: b,
      label: t(`reports.buckets.${b}`),
      kind: 'money',
      value: (r) => r.buckets[b],
    })),
    { key: 'total', label: t('reports.total'), kind: 'money', value: (r) => r.total },
  ]
  return (
    <ReportTable
      testId="receivables-table"
      columns={columns}
      rows={data.customers}
      rowKey={(r) => r.customerId}
      totals={{ invoices: data.invoices, ...data.buckets, total: data.total }}
      onOpen={(r) => void navigate(`/customers/${r.customerId}`)}
      openLabel={(r) => t('reports.receivables.openCustomer', { name: r.name })}
    />
  )
}

function InvoiceTable({ data }: { data: ByInvoice }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  type Row = ByInvoice['invoices'][number]
  const columns: ReportColumn<Row>[] = [
    { key: 'number', label: t('reports.receivables.number'), value: (r) => r.number },
    { key: 'code', label: t('reports.receivables.code'), value: (r) => r.customerCode },
    { key: 'name', label: t('reports.receivables.name'), value: (r) => r.customerName },
    {
      key: 'due',
      label: t('reports.receivables.dueDate'),
      value: (r) => (isCalendarDate(r.dueDate) ? formatShortDate(r.dueDate) : r.dueDate),
    },
    {
      key: 'days',
      label: t('reports.receivables.daysOverdue'),
      kind: 'number',
      value: (r) => r.daysOverdue,
    },
    {
      key: 'bucket',
      label: t('reports.receivables.bucket'),
      value: (r) => t(`reports.buckets.${r.bucket}`),
    },
    {
      key: 'balance',
      label: t('reports.receivables.balance'),
      kind: 'money',
      value: (r) => r.balance,
    },
  ]
  return (
    <ReportTable
      testId="receivables-table"
      columns={columns}
      rows={data.invoices}
      rowKey={(r) => r.invoiceId}
      totals={{ balance: data.total }}
      onOpen={(r) => void navigate(`/customers/${r.customerId}`)}
      openLabel={(r) => t('reports.receivables.openCustomer', { name: r.customerName })}
    />
  )
}

/** Receivables with aging as of a date (today by default), per customer or per invoice. */
export function ReceivablesTab({ today }: { today: string }) {
  const { t } = useTranslation()
  const [asOf, setAsOf] = useState(today)
  const [detail, setDetail] = useState(false)
  const [filters, setFilters] = useState<Filters>({})
  const params = { asOf, detail, ...filterInput(filters) }
  const valid = isCalendarDate(asOf)
  const report = useQuery(
    trpc.reports.receivables.queryOptions(params, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const data = report.data
  const empty = data && (data.detail ? data.invoices.length === 0 : data.customers.length === 0)
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <DateField
            label={t('reports.asOf')}
            clearable={false}
            value={asOf}
            max={today}
            onChange={setAsOf}
            error={!valid && asOf !== '' ? t('validation.date') : undefined}
          />
          <Switch
            label={t('reports.perInvoice')}
            checked={detail}
            onChange={(e) => setDetail(e.currentTarget.checked)}
            mb={8}
          />
          <ReportFilters value={filters} onChange={setFilters} />
        </Group>
        <ExportButtons request={{ report: 'receivables', params }} disabled={!valid || !data} />
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Summary data={report.data} />
          <ReceivablesNote
            asOf={report.data.asOf}
            today={today}
            upcoming={report.data.upcoming}
            filtered={Boolean(filters.areaId || filters.productId)}
          />
          {empty ? (
            <EmptyState
              icon={<IconMoodSmile size={28} />}
              title={t('reports.receivables.noneTitle')}
              description={t('reports.receivables.noneHint')}
              size="sm"
              data-testid="receivables-empty"
            />
          ) : report.data.detail ? (
            <InvoiceTable data={report.data} />
          ) : (
            <CustomerTable data={report.data} />
          )}
        </>
      )}
    </Stack>
  )
}
