import { EmptyState, Group, Stack, Text, Title } from '@mantine/core'
import { IconChartDonut } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { periodLabel } from '@shared/billing'
import { bytesText } from '@shared/bytes'
import { trpc } from '../../api/client'
import { MonthField } from '../../components/date-field'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { ReportTable, type ReportColumn } from './report-table'

type Report = RouterOutputs['usage']['report']
type Bytes = { uploadBytes: number; downloadBytes: number; totalBytes: number }

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** Download, upload and total columns of any row that has the three byte counts. */
function byteColumns<R extends Bytes>(t: (key: string) => string): ReportColumn<R>[] {
  return [
    {
      key: 'down',
      label: t('usage.colDownload'),
      kind: 'number',
      value: (r) => bytesText(r.downloadBytes),
    },
    {
      key: 'up',
      label: t('usage.colUpload'),
      kind: 'number',
      value: (r) => bytesText(r.uploadBytes),
    },
    {
      key: 'total',
      label: t('usage.colTotal'),
      kind: 'number',
      value: (r) => bytesText(r.totalBytes),
    },
  ]
}

/** Data usage of a month: per package, the heaviest users, and twelve months up to it. */
export function UsageTab({ initialPeriod }: { initialPeriod: string }) {
  const { t } = useTranslation()
  const [period, setPeriod] = useState(initialPeriod)
  const valid = PERIOD_RE.test(period)
  const report = useQuery(
    trpc.usage.report.queryOptions(
      { period },
      { enabled: valid, placeholderData: keepPreviousData },
    ),
  )
  const data = report.data
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <MonthField label={t('usage.period')} w={180} value={period} onChange={setPeriod} />
      </Group>
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : !valid ? null : !data ? (
        <PageLoader />
      ) : data.totals.services === 0 ? (
        <EmptyState
          icon={<IconChartDonut size={28} />}
          title={t('usage.empty')}
          description={t('usage.emptyHint')}
          size="sm"
        />
      ) : (
        <UsageTables data={data} />
      )}
    </Stack>
  )
}

function UsageTables({ data }: { data: Report }) {
  const { t } = useTranslation()
  const month = (p: string) => periodLabel(p, intlLocale())
  const packages: ReportColumn<Report['packages'][number]>[] = [
    { key: 'product', label: t('usage.colPackage'), value: (r) => r.product },
    { key: 'services', label: t('usage.colServices'), kind: 'number', value: (r) => r.services },
    ...byteColumns<Report['packages'][number]>(t),
    {
      key: 'average',
      label: t('usage.colAverage'),
      kind: 'number',
      value: (r) => bytesText(r.averageBytes),
    },
  ]
  const top: ReportColumn<Report['top'][number]>[] = [
    {
      key: 'customer',
      label: t('usage.colCustomer'),
      value: (r) => `${r.customerCode} · ${r.customerName}`,
    },
    { key: 'product', label: t('usage.colPackage'), value: (r) => r.product },
    ...byteColumns<Report['top'][number]>(t),
  ]
  const trend: ReportColumn<Report['trend'][number]>[] = [
    { key: 'period', label: t('usage.colMonth'), value: (r) => month(r.period) },
    ...byteColumns<Report['trend'][number]>(t),
  ]
  const totalRow = (rows: Bytes[], first: Record<string, string | number>) => ({
    ...first,
    down: bytesText(rows.reduce((n, r) => n + r.downloadBytes, 0)),
    up: bytesText(rows.reduce((n, r) => n + r.uploadBytes, 0)),
    total: bytesText(rows.reduce((n, r) => n + r.totalBytes, 0)),
  })
  return (
    <Stack gap="md">
      <Text data-testid="usage-summary">
        {t('usage.summary', {
          services: data.totals.services,
          download: bytesText(data.totals.downloadBytes),
          upload: bytesText(data.totals.uploadBytes),
          total: bytesText(data.totals.totalBytes),
        })}
      </Text>
      <Title order={2} fz="h4">
        {t('usage.packages')}
      </Title>
      <ReportTable
        testId="usage-packages"
        columns={packages}
        rows={data.packages}
        rowKey={(r) => r.productId}
        totals={totalRow(data.packages, {
          product: t('reports.total'),
          services: data.totals.services,
        })}
      />
      <Title order={2} fz="h4">
        {t('usage.top')}
      </Title>
      <ReportTable
        testId="usage-top"
        columns={top}
        rows={data.top}
        rowKey={(r) => r.serviceId}
        totals={totalRow(data.top, { customer: t('reports.total') })}
      />
      <Title order={2} fz="h4">
        {t('usage.trend')}
      </Title>
      <ReportTable
        testId="usage-trend"
        columns={trend}
        rows={data.trend}
        rowKey={(r) => r.period}
        totals={totalRow(data.trend, { period: t('reports.total') })}
      />
      <Text size="sm" c="dimmed">
        {t('usage.basis')}
      </Text>
    </Stack>
  )
}
