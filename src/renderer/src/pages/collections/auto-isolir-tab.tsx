import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconInfoCircle, IconUserCheck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { formatShortDate, formatInstant, isCalendarDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession, type RouterOutputs } from '../../session/session'
import { companyToday } from './periods'
import { DateField } from '../../components/date-field'

type PreviewRow = RouterOutputs['collections']['isolirPreview']['rows'][number]

/**
 * The automatic isolir of a day (today by default, `?date=` from a notification): who it takes
 * and why, who it leaves and why, and what the run has done that day.
 */
export function AutoIsolirTab() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const [params, setParams] = useSearchParams()
  const today = companyToday(me.company.timeZone)
  const wanted = params.get('date') ?? ''
  const date = isCalendarDate(wanted) ? wanted : today
  const setDate = (value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        if (value && value !== today) next.set('date', value)
        else next.delete('date')
        return next
      },
      { replace: true },
    )
  const preview = useQuery(trpc.collections.isolirPreview.queryOptions({ date }))
  const actions = useQuery(trpc.collections.actions.queryOptions({ date }))
  const locale = i18n.language

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <DateField
          label={t('collections.isolir.date')}
          clearable={false}
          value={date}
          onChange={(value) => isCalendarDate(value) && setDate(value)}
          w={180}
          data-testid="isolir-date"
        />
        {date !== today && (
          <Button variant="default" onClick={() => setDate(today)}>
            {t('collections.isolir.today')}
          </Button>
        )}
      </Group>
      {preview.isPending ? (
        <PageLoader />
      ) : preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            <Stack gap={4}>
              <Text fz="sm">
                {t('collections.isolir.intro', { grace: preview.data.graceDays })}
              </Text>
              <Text fz="sm" c="dimmed">
                {t('collections.isolir.cutoff', {
                  date: formatShortDate(preview.data.cutoff as CalendarDate),
                })}
              </Text>
            </Stack>
          </Alert>
          {!preview.data.autoIsolir && <Alert color="yellow">{t('collections.isolir.off')}</Alert>}
          {preview.data.total === 0 ? (
            <EmptyState
              icon={<IconUserCheck size={28} />}
              title={t('collections.isolir.empty')}
              size="sm"
              data-testid="isolir-empty"
            />
          ) : (
            <>
              <Group gap="xs">
                <Badge size="lg" color="red" variant="light" tt="none" data-testid="isolir-count">
                  {t('collections.isolir.willIsolate')}: {preview.data.counts.isolir}
                </Badge>
                <Badge size="lg" color="gray" variant="light" tt="none">
                  {t('collections.isolir.skipped')}:{' '}
                  {preview.data.total - preview.data.counts.isolir}
                </Badge>
              </Group>
              <PreviewTable rows={preview.data.rows} />
              {preview.data.total > preview.data.rows.length && (
                <Text fz="sm" c="dimmed">
                  {t('collections.isolir.more', { count: preview.data.total })}
                </Text>
              )}
            </>
          )}
        </>
      )}
      <Title order={3} fz="h5" mt="md">
        {t('collections.isolir.doneTitle', { date: formatShortDate(date as CalendarDate) })}
      </Title>
      {actions.isPending ? (
        <PageLoader />
      ) : actions.isError ? (
        <QueryError error={actions.error} onRetry={() => void actions.refetch()} />
      ) : actions.data.length === 0 ? (
        <Text fz="sm" c="dimmed" data-testid="isolir-actions-empty">
          {t('collections.isolir.doneEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720} mah={420}>
          <Table striped verticalSpacing={4} fz="sm" data-testid="isolir-actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('collections.isolir.colTime')}</Table.Th>
                <Table.Th>{t('collections.isolir.colCustomer')}</Table.Th>
                <Table.Th>{t('collections.isolir.colService')}</Table.Th>
                <Table.Th>{t('collections.isolir.colAction')}</Table.Th>
                <Table.Th>{t('collections.isolir.colReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actions.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatInstant(a.createdAt, me.company.timeZone, locale)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${a.customerId}`} fz="sm">
                      {a.customerCode}
                    </Anchor>{' '}
                    — {a.customerName}
                  </Table.Td>
                  <Table.Td ff="monospace">{a.sid}</Table.Td>
                  <Table.Td>
                    <Badge color={a.action === 'isolir' ? 'red' : 'teal'} variant="light" tt="none">
                      {t(`collections.isolir.action.${a.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{a.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation()
  const why = (r: PreviewRow) => {
    if (r.skip === 'promise' && r.promise)
      return t('collections.isolir.skip.promise', {
        date: formatShortDate(r.promise.untilDate as CalendarDate),
        user: r.promise.username,
      })
    if (r.skip === 'excluded')
      return t('collections.isolir.skip.excluded', { reason: r.excludedReason ?? '—' })
    if (r.skip === 'not_active')
      return t('collections.isolir.skip.not_active', { status: r.status })
    return t(`collections.isolir.skip.${r.skip}`)
  }
  return (
    <Table.ScrollContainer minWidth={880} mah={520}>
      <Table striped verticalSpacing={4} fz="sm" stickyHeader data-testid="isolir-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('collections.isolir.colCustomer')}</Table.Th>
            <Table.Th>{t('collections.isolir.colService')}</Table.Th>
            <Table.Th>{t('collections.isolir.colInvoice')}</Table.Th>
            <Table.Th ta="right">{t('collections.isolir.colDays')}</Table.Th>
            <Table.Th ta="right">{t('collections.isolir.colAmount')}</Table.Th>
            <Table.Th>{t('collections.isolir.colWill')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.serviceId} data-testid="isolir-row" data-code={r.customerCode}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${r.customerId}`} fz="sm">
                  {r.customerCode}
                </Anchor>{' '}
                — {r.customerName}
              </Table.Td>
              <Table.Td ff="monospace">
                {r.sid} · {r.product}
              </Table.Td>
              <Table.Td>
                {r.oldestNumber ?? '—'} · {formatShortDate(r.oldestDue as CalendarDate)}
              </Table.Td>
              <Table.Td ta="right">
                {t('collections.isolir.days', { count: r.daysOverdue })}
              </Table.Td>
              <Table.Td ta="right">{formatRupiah(r.overdueAmount)}</Table.Td>
              <Table.Td data-testid="isolir-will">
                {r.will === 'isolir' ? (
                  <Badge color="red" variant="light" tt="none">
                    {t('collections.isolir.will')}
                  </Badge>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {why(r)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
