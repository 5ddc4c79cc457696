import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { trpc } from '../../api/client'
import { QueryError } from '../../components/query-state'
import { countText } from '../../i18n'
import { useSession } from '../../session/session'

const pct = (v: number | null) => (v === null ? '–' : `${countText(v)}%`)

/**
 * Per router: up or down now, CPU, memory and PPPoE online read live (nothing stores them),
 * the queue's failed and pending jobs, and the last error the app recorded.
 */
export function RouterPanel() {
  const { can } = useSession()
  if (!can('network.view')) return null
  return <Panel />
}

function Panel() {
  const { t } = useTranslation()
  const { me } = useSession()
  const k = (key: string) => `dashboardFigures.routers.${key}`
  const routers = useQuery({ ...trpc.dashboard.routers.queryOptions(), staleTime: 30_000 })
  return (
    <Card withBorder radius="md" padding="md" data-testid="router-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Title order={2} fz="h4">
              {t(k('title'))}
            </Title>
            <Text fz="xs" c="dimmed">
              {t(k('intro'))}
            </Text>
          </Stack>
          <Button
            size="xs"
            variant="default"
            loading={routers.isFetching}
            onClick={() => void routers.refetch()}
          >
            {t(k('refresh'))}
          </Button>
        </Group>
        {routers.isError ? (
          <QueryError error={routers.error} onRetry={() => void routers.refetch()} />
        ) : !routers.data ? (
          <Text fz="sm" c="dimmed">
            {t(k('reading'))}
          </Text>
        ) : routers.data.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t(k('none'))}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(k('name'))}</Table.Th>
                  <Table.Th>{t(k('status'))}</Table.Th>
                  <Table.Th ta="right">{t(k('cpu'))}</Table.Th>
                  <Table.Th ta="right">{t(k('memory'))}</Table.Th>
                  <Table.Th ta="right">{t(k('online'))}</Table.Th>
                  <Table.Th>{t(k('jobs'))}</Table.Th>
                  <Table.Th>{t(k('lastError'))}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {routers.data.map((r) => (
                  <Table.Tr key={r.routerId} data-testid={`router-row-${r.routerId}`}>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {r.name}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {r.host}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={r.up ? 'teal' : 'red'} variant="light">
                        {t(k(r.up ? 'up' : 'down'))}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{pct(r.cpuLoad)}</Table.Td>
                    <Table.Td ta="right">{pct(r.memoryUsedPercent)}</Table.Td>
                    <Table.Td ta="right">
                      {r.pppoeOnline === null ? '–' : countText(r.pppoeOnline)}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="xs">
                        {t(k('jobsText'), {
                          failed: countText(r.failedJobs),
                          pending: countText(r.pendingJobs),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="xs" lineClamp={2}>
                        {r.error
                          ? t(`errors.${r.error.code}`, {
                              ...r.error.details,
                              defaultValue: r.error.message,
                            })
                          : (r.lastError ?? '–')}
                      </Text>
                      {/* Answering now says more than when a job last reached it. */}
                      {!r.up && (
                        <Text fz="xs" c="dimmed">
                          {t(k('lastSeen'))}:{' '}
                          {r.lastSeenAt
                            ? formatInstant(r.lastSeenAt, me.company.timeZone)
                            : t(k('never'))}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}
