import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconListCheck, IconPlayerPlay, IconRefresh } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatInstant } from '@shared/dates'
import { reasonText } from '@shared/who'
import { errorMessage } from '../../api/errors'
import { queryClient, trpc } from '../../api/client'
import { ListPage } from '../../components/list-page'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'

type Filter = 'open' | 'failed' | 'done'

const STATUS_COLOR: Record<string, string> = { pending: 'yellow', failed: 'red', done: 'teal' }

/** Refreshes everything that shows router work (jobs, counts, routers, customers' badges). */
export function refreshNetwork() {
  for (const key of [
    trpc.network.jobs.queryKey(),
    trpc.network.jobCounts.queryKey(),
    trpc.network.routers.queryKey(),
    trpc.customers.get.queryKey(),
  ])
    void queryClient.invalidateQueries({ queryKey: key })
}

/** The device queue: what waits for a router, what failed and why, with retry. */
export function JobsTab() {
  const { t } = useTranslation()
  const { can, me } = useSession()
  const [status, setStatus] = useState<Filter>('open')
  const jobs = useQuery(trpc.network.jobs.queryOptions({ status }, { refetchInterval: 5000 }))
  const counts = useQuery(trpc.network.jobCounts.queryOptions(undefined, { refetchInterval: 5000 }))
  const act = can('network.manage') || can('isolir.manage')
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const retry = useMutation(
    trpc.network.retryJobs.mutationOptions({
      onSuccess: (r) => {
        notifications.show({ color: 'teal', message: t('jobs.retried', { count: r.retried }) })
        refreshNetwork()
      },
      onError,
    }),
  )
  const runNow = useMutation(
    trpc.network.runQueue.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: r.failed + r.retrying > 0 ? 'yellow' : 'teal',
          message: t('jobs.ran', r),
        })
        refreshNetwork()
      },
      onError,
    }),
  )
  const time = (iso: string) => formatInstant(iso, me.company.timeZone, intlLocale())

  return (
    <ListPage
      query={jobs}
      toolbar={
        <Group justify="space-between">
          <Group>
            <SegmentedControl
              value={status}
              onChange={(v) => setStatus(v as Filter)}
              data={(['open', 'failed', 'done'] as const).map((f) => ({
                value: f,
                label: t(`jobs.filter.${f}`),
              }))}
            />
            {counts.data && (
              <Text fz="sm" c="dimmed" data-testid="job-counts">
                {t('jobs.counts', counts.data)}
              </Text>
            )}
          </Group>
          {act && (
            <Group gap="xs">
              <Button
                variant="light"
                color="gray"
                leftSection={<IconRefresh size={16} />}
                disabled={!counts.data?.failed}
                loading={retry.isPending}
                onClick={() => retry.mutate({})}
              >
                {t('jobs.retryAll')}
              </Button>
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                loading={runNow.isPending}
                onClick={() => runNow.mutate({ routerId: null })}
                data-testid="run-queue"
              >
                {t('jobs.runNow')}
              </Button>
            </Group>
          )}
        </Group>
      }
      empty={(data) =>
        data.length > 0
          ? null
          : {
              icon: <IconListCheck size={28} />,
              title: t(status === 'open' ? 'jobs.emptyOpen' : 'jobs.empty'),
            }
      }
    >
      {(data) => (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="jobs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.colWhat')}</Table.Th>
                <Table.Th>{t('jobs.colCustomer')}</Table.Th>
                <Table.Th>{t('jobs.colRouter')}</Table.Th>
                <Table.Th>{t('jobs.colStatus')}</Table.Th>
                <Table.Th>{t('jobs.colError')}</Table.Th>
                <Table.Th>{t('jobs.colWhen')}</Table.Th>
                {act && status !== 'done' && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((j) => (
                <Table.Tr key={j.id} data-testid="job-row" data-status={j.status}>
                  <Table.Td fz="sm">
                    {t(`jobs.kinds.${j.kind}`, { target: j.target, defaultValue: j.kind })}
                    {j.reason && (
                      <Text fz="xs" c="dimmed">
                        {reasonText(t, j.reason)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {j.customer_id ? (
                      <Anchor component={Link} to={`/customers/${j.customer_id}`} fz="sm">
                        {j.customer_code} — {j.customer_name}
                      </Anchor>
                    ) : (
                      t('common.empty')
                    )}
                    {j.sid && (
                      <Text fz="xs" c="dimmed" ff="monospace">
                        {j.sid}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{j.router_name}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[j.status]} variant="light" tt="none">
                      {t(`jobs.status.${j.status}`)}
                    </Badge>
                    {j.attempts > 0 && (
                      <Text fz="xs" c="dimmed">
                        {t('jobs.attempts', { count: j.attempts })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm" maw={320}>
                    {j.last_error ? (
                      <Text fz="sm" c="red" data-testid="job-error">
                        {j.last_error}
                      </Text>
                    ) : (
                      t('common.empty')
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {time(j.finished_at ?? j.updated_at)}
                    {j.status === 'pending' && j.attempts > 0 && (
                      <Text fz="xs" c="dimmed">
                        {t('jobs.nextAttempt', { time: time(j.next_attempt_at) })}
                      </Text>
                    )}
                  </Table.Td>
                  {act && status !== 'done' && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => retry.mutate({ ids: [j.id] })}
                      >
                        {t('jobs.retry')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListPage>
  )
}
