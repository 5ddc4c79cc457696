import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { formatShortDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { trpc } from '../../../api/client'
import { useSession, type RouterOutputs } from '../../../session/session'
import { Loaded } from '../../olt/loaded'

export type BillingState = RouterOutputs['collections']['customerBillingState']

const date = (d: string) => formatShortDate(d as CalendarDate)

/** One line for the ticket: what is owed and which services are isolated. */
export function billingSummary(t: TFunction, b: BillingState): string {
  const owed =
    b.arrears.count === 0
      ? t('trouble.billing.noArrears')
      : t('trouble.billing.arrears', {
          amount: formatRupiah(b.arrears.total),
          count: b.arrears.count,
        })
  const isolated = b.services.filter((s) => s.status === 'isolir')
  const why = isolated.map(
    (s) =>
      `${t('trouble.billing.isolatedNoDate', { sid: s.sid })}${s.reason ? ` (${s.reason})` : ''}`,
  )
  return [owed, ...why].join('; ')
}

/** Seed 000 step 2: the status of each service and, when isolated, why; what is owed. */
export function BillingCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const allowed = can('billing.view') || can('collections.view')
  const state = useQuery(
    trpc.collections.customerBillingState.queryOptions({ customerId }, { enabled: allowed }),
  )
  return (
    <Paper withBorder p="sm" data-testid="trouble-billing">
      <Title order={3} fz="h5" mb={6}>
        {t('trouble.billing.title')}
      </Title>
      {allowed ? (
        <Loaded query={state}>{(b) => <BillingBody b={b} />}</Loaded>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('trouble.billing.noAccess')}
        </Text>
      )}
    </Paper>
  )
}

function BillingBody({ b }: { b: BillingState }) {
  const { t } = useTranslation()
  const isolated = b.services.filter((s) => s.status === 'isolir')
  return (
    <Stack gap={6}>
      {b.arrears.count === 0 ? (
        <Text fz="sm" c="teal.8" fw={600} data-testid="trouble-arrears">
          {t('trouble.billing.noArrears')}
        </Text>
      ) : (
        <>
          <Text fz="sm" fw={600} c="red.8" data-testid="trouble-arrears">
            {t('trouble.billing.arrears', {
              amount: formatRupiah(b.arrears.total),
              count: b.arrears.count,
            })}
          </Text>
          <Text fz="sm">
            {b.arrears.overdueCount > 0
              ? t('trouble.billing.overdue', {
                  amount: formatRupiah(b.arrears.overdueTotal),
                  count: b.arrears.overdueCount,
                  date: date(b.arrears.oldestDueDate ?? b.asOf),
                })
              : t('trouble.billing.notDueYet')}
          </Text>
          {b.openInvoices.map((i) => (
            <Text key={i.id} fz="xs" c={i.overdue ? 'red.8' : 'dimmed'} ff="monospace">
              {t('trouble.billing.invoice', {
                number: i.number ?? '—',
                period: i.period ?? '—',
                date: date(i.dueDate),
                amount: formatRupiah(i.remaining),
              })}
            </Text>
          ))}
        </>
      )}
      {b.promiseUntil && (
        <Text fz="sm">{t('trouble.billing.promise', { date: date(b.promiseUntil) })}</Text>
      )}
      {b.noIsolir && (
        <Text fz="sm">{t('trouble.billing.noIsolir', { reason: b.noIsolirReason ?? '—' })}</Text>
      )}
      {isolated.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('trouble.billing.notIsolated')}
        </Text>
      ) : (
        <Alert
          color="orange"
          p="xs"
          icon={<IconInfoCircle size={16} />}
          data-testid="trouble-isolir"
        >
          <Stack gap={4}>
            {isolated.map((s) => (
              <div key={s.serviceId}>
                <Group gap={6}>
                  <Badge color="orange" variant="light" tt="none">
                    {t('serviceStatus.isolir')}
                  </Badge>
                  <Text fz="sm" fw={600}>
                    {s.since
                      ? t('trouble.billing.isolated', { sid: s.sid, date: date(s.since) })
                      : t('trouble.billing.isolatedNoDate', { sid: s.sid })}
                  </Text>
                </Group>
                <Text fz="sm">
                  {s.reason
                    ? t('trouble.billing.why', { reason: s.reason })
                    : t('trouble.billing.noReason')}
                  {s.by ? ` ${t('trouble.billing.by', { who: s.by })}` : ''}
                </Text>
              </div>
            ))}
            <Text fz="xs">{t('trouble.billing.hintIsolir')}</Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}
