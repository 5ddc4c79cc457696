import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { clearPortalToken, portalTrpc } from '../../api/portal-client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { whenLocal } from './format'
import { Muted, PortalPage } from './portal-app'

/** Perangkat tepercaya: the remembered devices, each removable (after a confirmation). */
export function PortalDevices() {
  const { t } = useTranslation()
  const devices = useQuery(portalTrpc.portal.devices.queryOptions())
  const remove = useMutation(
    portalTrpc.portal.removeDevice.mutationOptions({
      onSuccess: (_r, input) => {
        notifications.show({ color: 'teal', message: t('portal.devices.removed') })
        if (devices.data?.find((d) => d.id === input.sessionId)?.current) clearPortalToken()
        else void devices.refetch()
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    }),
  )
  return (
    <PortalPage title={t('portal.devices.title')}>
      <Muted>{t('portal.devices.intro')}</Muted>
      {devices.isPending ? (
        <PageLoader />
      ) : devices.isError ? (
        <QueryError error={devices.error} onRetry={() => void devices.refetch()} />
      ) : devices.data.length === 0 ? (
        <Text size="sm">{t('portal.devices.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {devices.data.map((d) => (
            <Paper key={d.id} withBorder p="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Group gap="xs">
                    <Text fw={600}>{d.device}</Text>
                    {d.current && <Badge variant="light">{t('portal.devices.current')}</Badge>}
                  </Group>
                  <Muted>{t('portal.devices.lastSeen', { when: whenLocal(d.lastSeenAt) })}</Muted>
                  <Muted>
                    {t('portal.devices.until', { date: whenLocal(d.expiresAt).slice(0, 10) })}
                  </Muted>
                </div>
                <Button
                  color="red"
                  variant="light"
                  size="compact-sm"
                  onClick={() =>
                    modals.openConfirmModal({
                      title: t('portal.devices.confirmTitle'),
                      children: (
                        <Text size="sm">
                          {t('portal.devices.confirmText', { device: d.device })}
                        </Text>
                      ),
                      labels: {
                        confirm: t('portal.devices.remove'),
                        cancel: t('portal.profile.cancel'),
                      },
                      confirmProps: { color: 'red' },
                      onConfirm: () => remove.mutate({ sessionId: d.id }),
                    })
                  }
                >
                  {t('portal.devices.remove')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </PortalPage>
  )
}
