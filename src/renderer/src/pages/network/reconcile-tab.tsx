import { Alert, Badge, Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconChecks, IconClockHour4, IconRefresh } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { NoRouters, pickRouter, RouterSelect } from './monitor-router-select'
import { ReconcileTable, type Difference } from './reconcile-table'
import { countText } from '../../i18n'

/** What a fix will do, in the words of the confirmation dialog. */
function fixText(t: TFunction, d: Difference, direction: 'to_router' | 'to_loket'): string {
  if (direction === 'to_router') {
    const kind =
      d.kind === 'rate_limit_differs' || d.kind === 'queue_differs'
        ? d.kind
        : d.serviceId === null
          ? 'orphan'
          : 'service'
    return t(`reconcile.toRouterText.${kind}`, { login: d.login, value: d.loket ?? '' })
  }
  const fix = d.toLoket!
  return t(`reconcile.toLoketText.${fix.action}`, {
    login: d.login,
    status: fix.action === 'status' ? t(`serviceStatus.${fix.status}`) : '',
    product: fix.action === 'product' ? fix.productName : '',
  })
}

/**
 * `/network?tab=reconcile`: per router, what differs between Loket and the router, each with a
 * fix in either direction ("Terapkan ke router" through the device queue, or "Ikuti router").
 */
export function ReconcileTab() {
  const { t } = useTranslation()
  const { can } = useSession()
  const queryClient = useQueryClient()
  const routers = useQuery(trpc.network.routers.queryOptions())
  const [routerId, setRouterId] = useState<number | null>(null)
  const [busyKey, setBusyKey] = useState<string | null>(null)
  const chosen = routers.data ? pickRouter(routers.data, routerId) : null
  const report = useQuery({
    ...trpc.reconcile.compare.queryOptions({ routerId: chosen?.id ?? 0 }),
    enabled: !!chosen,
    retry: false,
  })
  const fix = useMutation(trpc.reconcile.fix.mutationOptions())

  if (routers.isPending) return <PageLoader />
  if (routers.isError)
    return <QueryError error={routers.error} onRetry={() => void routers.refetch()} />
  if (!chosen) return <NoRouters />

  const apply = (d: Difference, direction: 'to_router' | 'to_loket') =>
    modals.openConfirmModal({
      title: t(
        direction === 'to_router' ? 'reconcile.confirmRouterTitle' : 'reconcile.confirmLoketTitle',
      ),
      children: <Text fz="sm">{fixText(t, d, direction)}</Text>,
      labels: { confirm: t('reconcile.confirm'), cancel: t('common.cancel') },
      onConfirm: () => {
        setBusyKey(`${d.key}:${direction}`)
        fix.mutate(
          { routerId: chosen.id, key: d.key, direction, areaId: null },
          {
            onSuccess: (r) => {
              notifications.show({
                color: 'teal',
                message: t(r.outcome === 'queued' ? 'reconcile.queued' : 'reconcile.fixed'),
              })
              void queryClient.invalidateQueries(trpc.reconcile.compare.queryFilter())
              void queryClient.invalidateQueries(trpc.network.pathFilter())
            },
            onError: (error) =>
              notifications.show({ color: 'red', message: errorMessage(t, error) }),
            onSettled: () => setBusyKey(null),
          },
        )
      },
    })

  const data = report.data
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Text c="dimmed" fz="sm">
          {t('reconcile.intro')}
        </Text>
        <Group align="flex-end" justify="space-between">
          <RouterSelect routers={routers.data} value={chosen.id} onChange={setRouterId} />
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={report.isFetching}
            onClick={() => void report.refetch()}
          >
            {t('reconcile.refresh')}
          </Button>
        </Group>
        {report.isPending ? (
          <PageLoader />
        ) : report.isError ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          data && (
            <Stack gap="sm">
              {data.waiting.length > 0 && (
                <Alert
                  color="blue"
                  icon={<IconClockHour4 size={18} />}
                  data-testid="reconcile-waiting"
                >
                  {t('reconcile.waiting', { count: data.waiting.length })}
                </Alert>
              )}
              {data.differences.length === 0 ? (
                <EmptyState
                  icon={<IconChecks size={28} />}
                  title={t('reconcile.empty')}
                  description={t('reconcile.emptyHint', {
                    services: data.services,
                    secrets: data.secrets,
                  })}
                  size="sm"
                  data-testid="reconcile-empty"
                />
              ) : (
                <>
                  <Group gap="xs" data-testid="reconcile-counts">
                    {Object.entries(data.counts)
                      .filter(([, n]) => n > 0)
                      .map(([kind, n]) => (
                        <Badge key={kind} variant="light" color="orange" size="lg">
                          {t(`reconcile.kinds.${kind}`)}: {countText(n)}
                        </Badge>
                      ))}
                  </Group>
                  <ReconcileTable
                    differences={data.differences}
                    canFix={can('network.manage')}
                    busyKey={busyKey}
                    onFix={apply}
                  />
                </>
              )}
              {data.disabledOrphans > 0 && (
                <Text fz="sm" c="dimmed">
                  {t('reconcile.disabledOrphans', { count: data.disabledOrphans })}
                </Text>
              )}
            </Stack>
          )
        )}
      </Stack>
    </Paper>
  )
}
