import { ActionIcon, EmptyState, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconRefresh, IconSearch, IconWifiOff } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { formatInstant } from '@shared/dates'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { RouterHealthCards } from './monitor-health'
import { NoRouters, pickRouter, RouterSelect } from './monitor-router-select'
import { SessionsTable, type SessionRow } from './monitor-sessions-table'

function matches(row: SessionRow, q: string): boolean {
  if (!q) return true
  return [row.name, row.address, row.callerId, row.customerCode ?? '', row.customerName ?? '']
    .join(' ')
    .toLowerCase()
    .includes(q)
}

/** Who is online on a router, with a kick; the health of every router above. */
export function MonitorTab() {
  const { t } = useTranslation()
  const { me, can } = useSession()
  const [params, setParams] = useSearchParams()
  const [search, setSearch] = useState('')
  const routers = useQuery(trpc.network.routers.queryOptions())
  const chosen = pickRouter(routers.data ?? [], Number(params.get('router')) || null)
  const routerId = chosen?.id ?? 0
  const sessions = useQuery({
    ...trpc.monitor.sessions.queryOptions({ routerId }),
    enabled: routerId > 0,
    refetchInterval: 15_000,
  })
  const kick = useMutation(
    trpc.monitor.kick.mutationOptions({
      onSuccess: (result, input) => {
        const name = result.name ?? ('name' in input ? input.name : '')
        notifications.show({
          color: result.kicked > 0 ? 'teal' : 'gray',
          message: t(result.kicked > 0 ? 'monitor.online.kickDone' : 'monitor.online.kickGone', {
            name,
          }),
        })
        void queryClient.invalidateQueries(trpc.monitor.sessions.queryFilter({ routerId }))
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const canKick = can('network.manage') || can('isolir.manage')

  const confirmKick = (row: SessionRow) =>
    modals.openConfirmModal({
      title: t('monitor.online.kickTitle', { name: row.name }),
      children: (
        <Text fz="sm">
          {t('monitor.online.kickIntro', { name: row.name, address: row.address || '—' })}
        </Text>
      ),
      labels: { confirm: t('monitor.online.kickConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => kick.mutate({ routerId, sessionId: row.id }),
    })

  if (routers.isPending) return <PageLoader />
  if (routers.isError)
    return <QueryError error={routers.error} onRetry={() => void routers.refetch()} />
  if (!chosen) return <NoRouters />

  const q = search.trim().toLowerCase()
  const all = sessions.data ?? []
  const rows = all.filter((r) => matches(r, q))

  return (
    <Stack gap="lg">
      <RouterHealthCards />
      <Stack gap="sm">
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <RouterSelect
              routers={routers.data}
              value={chosen.id}
              onChange={(id) =>
                setParams(
                  (prev) => {
                    prev.set('router', String(id))
                    return prev
                  },
                  { replace: true },
                )
              }
            />
            <TextInput
              w={320}
              label={t('monitor.online.title')}
              placeholder={t('monitor.online.search')}
              aria-label={t('monitor.online.search')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
          </Group>
          <Group gap="xs">
            {sessions.dataUpdatedAt > 0 && (
              <Text fz="xs" c="dimmed">
                {t('monitor.online.updated', {
                  time: formatInstant(
                    new Date(sessions.dataUpdatedAt).toISOString(),
                    me.company.timeZone,
                    intlLocale(),
                  ),
                })}
              </Text>
            )}
            <Tooltip label={t('monitor.online.refresh')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('monitor.online.refresh')}
                loading={sessions.isFetching}
                onClick={() => void sessions.refetch()}
              >
                <IconRefresh size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {sessions.isPending ? (
          <PageLoader />
        ) : sessions.isError ? (
          <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<IconWifiOff size={28} />}
            title={q ? t('monitor.online.emptyFiltered') : t('monitor.online.empty')}
            size="sm"
            data-testid="sessions-empty"
          />
        ) : (
          <>
            <SessionsTable
              rows={rows}
              kickingId={
                kick.isPending && 'sessionId' in kick.variables ? kick.variables.sessionId : null
              }
              onKick={canKick ? confirmKick : undefined}
            />
            <Text fz="sm" c="dimmed" data-testid="sessions-count">
              {q
                ? t('monitor.online.countFiltered', { shown: rows.length, count: all.length })
                : t('monitor.online.count', { count: all.length })}
            </Text>
          </>
        )}
      </Stack>
    </Stack>
  )
}
