import { Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core'
import { IconTicket } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '@shared/numbers'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { FigureGrid } from '../../components/figure-grid'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import type { RouterOutputs } from '../../session/session'
import { ExportButtons } from './export-buttons'
import { RangeInputs, type Range } from './range-inputs'
import { validRange } from './report-params'
import { ReportTable, type ReportColumn } from './report-table'

type Report = RouterOutputs['reports']['tickets']
type Counts = Report['total']
type Row = Counts & { key: string; name: string }

const percent = (rate: number | null) =>
  rate === null ? '—' : `${rate.toLocaleString(intlLocale(), { maximumFractionDigits: 1 })}%`

function Summary({ total }: { total: Counts }) {
  const { t } = useTranslation()
  const figure = (label: string, value: string, hint?: string) => (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  )
  const n = (v: number) => formatNumber(v, intlLocale())
  return (
    <FigureGrid min="12rem" testId="tickets-summary">
      {figure(t('reports.tickets.opened'), n(total.opened))}
      {figure(t('reports.tickets.resolved'), n(total.resolved))}
      {figure(
        t('reports.tickets.resolvedInSlaRate'),
        percent(total.resolvedInSlaRate),
        t('reports.tickets.ofResolved', {
          count: total.resolvedInSla,
          formatted: n(total.resolvedInSla),
          total: n(total.resolved),
        }),
      )}
      {figure(
        t('reports.tickets.firstResponseInSlaRate'),
        percent(total.firstResponseInSlaRate),
        t('reports.tickets.ofAnswered', {
          count: total.firstResponseInSla,
          formatted: n(total.firstResponseInSla),
          total: n(total.firstResponseMeasured),
        }),
      )}
    </FigureGrid>
  )
}

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
  total: Counts
  testId: string
}) {
  const { t } = useTranslation()
  const columns: ReportColumn<Row>[] = [
    { key: 'name', label, value: (r) => r.name },
    { key: 'opened', label: t('reports.tickets.opened'), kind: 'number', value: (r) => r.opened },
    {
      key: 'resolved',
      label: t('reports.tickets.resolved'),
      kind: 'number',
      value: (r) => r.resolved,
    },
    {
      key: 'resolvedInSla',
      label: t('reports.tickets.resolvedInSla'),
      kind: 'number',
      value: (r) => r.resolvedInSla,
    },
    {
      key: 'resolvedInSlaRate',
      label: t('reports.tickets.resolvedInSlaRate'),
      kind: 'number',
      value: (r) => percent(r.resolvedInSlaRate),
    },
    {
      key: 'firstResponseInSlaRate',
      label: t('reports.tickets.firstResponseInSlaRate'),
      kind: 'number',
      value: (r) => percent(r.firstResponseInSlaRate),
    },
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
        totals={{
          ...total,
          resolvedInSlaRate: percent(total.resolvedInSlaRate),
          firstResponseInSlaRate: percent(total.firstResponseInSlaRate),
        }}
      />
    </Stack>
  )
}

/**
 * Tickets of a date range (this month so far by default) by category, priority and assignee,
 * with the shares resolved and answered within SLA. Part of the Tiket module.
 */
export function TicketsTab({ initial }: { initial: Range }) {
  const { t } = useTranslation()
  const [range, setRange] = useState(initial)
  const valid = validRange(range.from, range.to, 'date')
  const report = useQuery(
    trpc.reports.tickets.queryOptions(range, {
      enabled: valid,
      placeholderData: keepPreviousData,
    }),
  )
  const data = report.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <RangeInputs kind="date" value={range} onChange={setRange} valid={valid} />
        <ExportButtons request={{ report: 'tickets', params: range }} disabled={!valid || !data} />
      </Group>
      {!valid ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.total.opened === 0 && report.data.total.resolved === 0 ? (
        <EmptyState
          icon={<IconTicket size={28} />}
          title={t('reports.empty')}
          description={t('reports.tickets.emptyHint')}
          size="sm"
          data-testid="tickets-empty"
        />
      ) : (
        <>
          <Summary total={report.data.total} />
          <Grouped
            testId="tickets-by-category"
            title={t('reports.tickets.byCategory')}
            label={t('reports.tickets.category')}
            rows={report.data.byCategory.map((c) => ({ ...c, key: c.category, name: c.label }))}
            total={report.data.total}
          />
          <Grouped
            testId="tickets-by-priority"
            title={t('reports.tickets.byPriority')}
            label={t('reports.tickets.priority')}
            rows={report.data.byPriority.map((p) => ({
              ...p,
              key: p.priority,
              name: t(`reports.tickets.priorities.${p.priority}`),
            }))}
            total={report.data.total}
          />
          <Grouped
            testId="tickets-by-assignee"
            title={t('reports.tickets.byAssignee')}
            label={t('reports.tickets.assignee')}
            rows={report.data.byAssignee.map((a) => ({
              ...a,
              key: String(a.userId ?? 'none'),
              name:
                a.userId === null
                  ? t('reports.tickets.unassigned')
                  : whoText(t, a.username, a.name),
            }))}
            total={report.data.total}
          />
          <Text size="sm" c="dimmed">
            {t('reports.tickets.basis')}
          </Text>
        </>
      )}
    </Stack>
  )
}
