import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle, IconPlugConnectedX } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../../api/client'
import { errorMessage } from '../../../api/errors'
import { useSession, type RouterOutputs } from '../../../session/session'
import { formatUptime } from '../../network/monitor-format'
import { Loaded } from '../../olt/loaded'
import { routerTimeText } from './router-time'

export type CustomerSessionRow = RouterOutputs['monitor']['customerSessions'][number]

const STATE_COLOR = { online: 'teal', offline: 'gray', error: 'red', not_configured: 'gray' }

/**
 * Each PPPoE service's session, read live from its router (monitor.customerSessions, a short
 * wait): online with address and uptime, or offline with the last disconnect and its reason.
 * A router that does not answer is that row's reason only.
 */
export function SessionCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const sessions = useQuery(
    trpc.monitor.customerSessions.queryOptions({ customerId }, { retry: false }),
  )
  return (
    <Paper withBorder p="sm" data-testid="trouble-session">
      <Title order={3} fz="h5" mb={6}>
        {t('trouble.session.title')}
      </Title>
      <Loaded query={sessions}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" fz="sm">
              {t('trouble.session.none')}
            </Text>
          ) : (
            <Stack gap="sm">
              {rows.map((row) => (
                <SessionRow key={row.serviceId} customerId={customerId} row={row} />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  )
}

function stateLabel(row: CustomerSessionRow): string {
  switch (row.state) {
    case 'online':
      return 'trouble.session.online'
    case 'offline':
      return 'trouble.session.offline'
    case 'error':
      return 'trouble.session.error'
    default:
      return 'trouble.session.notConfigured'
  }
}

function SessionRow({ customerId, row }: { customerId: number; row: CustomerSessionRow }) {
  const { t } = useTranslation()
  const { can } = useSession()
  const kick = useMutation(
    trpc.monitor.kick.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: result.kicked > 0 ? 'teal' : 'gray',
          message: t(result.kicked > 0 ? 'trouble.session.kickDone' : 'trouble.session.kickGone', {
            name: result.name ?? row.login,
          }),
        })
        void queryClient.invalidateQueries(
          trpc.monitor.customerSessions.queryFilter({ customerId }),
        )
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const canKick = can('network.manage') || can('isolir.manage')
  const confirmKick = (routerId: number, sessionId: string) =>
    modals.openConfirmModal({
      title: t('trouble.session.kickTitle', { login: row.login }),
      children: <Text fz="sm">{t('trouble.session.kickIntro')}</Text>,
      labels: { confirm: t('trouble.session.kickConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => kick.mutate({ routerId, sessionId }),
    })

  return (
    <Stack gap={6} data-testid="trouble-session-row" data-state={row.state}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap="xs" wrap="wrap">
          <Badge color={STATE_COLOR[row.state]} variant="light" tt="none">
            {t(stateLabel(row))}
          </Badge>
          <Text fz="sm" ff="monospace">
            {row.login && row.routerName
              ? t('trouble.session.on', { login: row.login, router: row.routerName })
              : row.sid}
          </Text>
        </Group>
        {row.state === 'online' && row.session && row.routerId && canKick && (
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            leftSection={<IconPlugConnectedX size={14} />}
            loading={kick.isPending}
            onClick={() => confirmKick(row.routerId!, row.session!.id)}
          >
            {t('trouble.session.kick')}
          </Button>
        )}
      </Group>
      {row.state === 'error' && (
        <Alert color="red" p="xs" icon={<IconInfoCircle size={16} />}>
          <Text fz="sm">
            {t(`errors.${row.error.code}`, {
              ...row.error.details,
              defaultValue: row.error.message,
            })}
          </Text>
        </Alert>
      )}
      {row.state === 'not_configured' && (
        <Text fz="sm" c="dimmed">
          {t('trouble.session.notConfiguredHint')}
        </Text>
      )}
      {row.state === 'online' && row.session && (
        <SimpleGrid cols={3} spacing="xs">
          <Fact label={t('trouble.session.address')} value={row.session.address || '—'} mono />
          <Fact
            label={t('trouble.session.uptime')}
            value={formatUptime(t, row.session.uptimeSeconds, row.session.uptime)}
          />
          <Fact label={t('trouble.session.callerId')} value={row.session.callerId || '—'} mono />
        </SimpleGrid>
      )}
      {(row.state === 'online' || row.state === 'offline') && (
        <>
          {!row.secretFound && (
            <Text fz="sm" c="orange.8">
              {t('trouble.session.noSecret', { login: row.login })}
            </Text>
          )}
          <SimpleGrid cols={2} spacing="xs">
            <Fact
              label={t('trouble.session.lastOut')}
              value={
                row.lastLoggedOut ? routerTimeText(row.lastLoggedOut) : t('trouble.session.never')
              }
              mono={row.lastLoggedOut !== null}
            />
            <Fact label={t('trouble.session.lastReason')} value={row.lastDisconnectReason ?? '—'} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  )
}

function Fact({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </div>
  )
}
