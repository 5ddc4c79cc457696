import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageLoader, QueryError } from '../../components/query-state'
import { useSession } from '../../session/session'
import { ConfirmDialog } from '../billing/confirm-dialog'
import { deviceLabel } from './device-words'
import { SessionsTable } from './sessions-table'
import { TrustedDevicesTable } from './trusted-devices-table'
import {
  useDeviceActions,
  type DeviceScope,
  type SessionRow,
  type TrustedDeviceRow,
} from './use-device-actions'

type Asking =
  | { kind: 'end'; session: SessionRow }
  | { kind: 'endRest' }
  | { kind: 'revoke'; device: TrustedDeviceRow }
  | null

/** Sessions and trusted devices of one user, each ended or revoked after a confirmation. */
export function DevicesPanel({ scope }: { scope: DeviceScope }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const { list, end, revoke } = useDeviceActions(scope)
  const [asking, setAsking] = useState<Asking>(null)
  const close = () => {
    end.reset()
    revoke.reset()
    setAsking(null)
  }
  if (list.isPending) return <PageLoader />
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
  const { sessions, devices } = list.data
  const tz = me.company.timeZone
  const isOwn = scope.kind === 'own'
  const others = sessions.filter((s) => !s.current)
  const name = scope.kind === 'user' ? scope.name : ''
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz="h4">
              {t('devices.sessions')}
            </Title>
            {others.length > 0 && (
              <Button variant="light" color="red" onClick={() => setAsking({ kind: 'endRest' })}>
                {isOwn ? t('devices.endOthers') : t('devices.endAll')}
              </Button>
            )}
          </Group>
          <SessionsTable
            sessions={sessions}
            timeZone={tz}
            onEnd={(session) => setAsking({ kind: 'end', session })}
          />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('devices.trusted')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('devices.trustedIntro')}
          </Text>
          <TrustedDevicesTable
            devices={devices}
            timeZone={tz}
            onRevoke={(device) => setAsking({ kind: 'revoke', device })}
          />
        </Stack>
      </Paper>
      {asking?.kind === 'end' && (
        <ConfirmDialog
          title={t('devices.endTitle')}
          body={t('devices.endBody', {
            device: deviceLabel(t, asking.session.userAgent),
            address: asking.session.ip,
          })}
          confirmLabel={t('devices.end')}
          loading={end.pending}
          error={end.error}
          onConfirm={() => end.run(asking.session.id, close)}
          onClose={close}
        />
      )}
      {asking?.kind === 'endRest' && (
        <ConfirmDialog
          title={isOwn ? t('devices.endOthersTitle') : t('devices.endAllTitle', { name })}
          body={isOwn ? t('devices.endOthersBody') : t('devices.endAllBody', { name })}
          confirmLabel={isOwn ? t('devices.endOthers') : t('devices.endAll')}
          loading={end.pending}
          error={end.error}
          onConfirm={() => end.run(undefined, close)}
          onClose={close}
        />
      )}
      {asking?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('devices.revokeTitle')}
          body={t('devices.revokeBody', { device: asking.device.name })}
          confirmLabel={t('devices.revoke')}
          loading={revoke.pending}
          error={revoke.error}
          onConfirm={() => revoke.run(asking.device.id, close)}
          onClose={close}
        />
      )}
    </Stack>
  )
}
