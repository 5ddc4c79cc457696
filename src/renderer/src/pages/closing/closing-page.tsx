import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatInstant, isCalendarDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { companyToday } from '../cashier/payment-text'
import { CloseDayForm } from './close-day-form'
import { ClosingsHistory } from './closings-history'
import { DaySummary, type CashDay } from './day-summary'
import { Difference } from './difference'
import { DateField } from '../../components/date-field'

/** The signed-in cashier's setoran for one day (today unless `?date=` says otherwise). */
export function ClosingPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const [params, setParams] = useSearchParams()
  const today = companyToday(me.company.timeZone) as CalendarDate
  const asked = params.get('date') ?? ''
  // A future day has nothing to close; it falls back to today like a malformed date does.
  const date = isCalendarDate(asked) && asked <= today ? asked : today
  const day = useQuery(trpc.payments.cashDay.queryOptions({ date }, { staleTime: 0 }))

  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {t('closing.title')}
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <DateField
              label={t('closing.date')}
              clearable={false}
              value={date}
              max={today}
              onChange={(value) =>
                setParams(value && value !== today ? { date: value } : {}, { replace: true })
              }
            />
            <Text c="dimmed" fz="sm">
              {me.user.name} ({me.user.username})
            </Text>
          </Group>
          {day.isPending ? (
            <PageLoader />
          ) : day.isError ? (
            <QueryError error={day.error} onRetry={() => void day.refetch()} />
          ) : (
            <>
              <DaySummary day={day.data} />
              {day.data.closing ? (
                <ClosedDay
                  day={day.data}
                  closing={day.data.closing}
                  timeZone={me.company.timeZone}
                />
              ) : (
                <CloseDayForm key={date} day={day.data} />
              )}
            </>
          )}
        </Stack>
      </Paper>
      <ClosingsHistory today={today} timeZone={me.company.timeZone} />
    </Stack>
  )
}

function ClosedDay({
  day,
  closing,
  timeZone,
}: {
  day: CashDay
  closing: NonNullable<CashDay['closing']>
  timeZone: string
}) {
  const { t } = useTranslation()
  return (
    <Alert
      color="gray"
      icon={<IconLock size={18} />}
      title={t('closing.closed')}
      data-testid="closing-closed"
    >
      <Stack gap="xs">
        <Text fz="sm">
          {t('closing.closedBy', {
            name: closing.closedBy,
            at: formatInstant(closing.closedAt, timeZone, intlLocale()),
          })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text fz="xs" c="dimmed">
              {t('closing.expectedCash')}
            </Text>
            <Text fw={700}>{formatRupiah(day.expectedCash)}</Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('closing.counted')}
            </Text>
            <Text fw={700} data-testid="closing-counted">
              {formatRupiah(closing.countedCash)}
            </Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('closing.difference')}
            </Text>
            <Difference amount={closing.difference} />
          </div>
        </SimpleGrid>
        {closing.notes && <Text fz="sm">{closing.notes}</Text>}
      </Stack>
    </Alert>
  )
}
