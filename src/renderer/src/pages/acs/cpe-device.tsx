import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconPower, IconRefresh, IconWifi } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInform } from '@shared/acs'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useSession } from '../../session/session'
import { durationText } from '../tickets/ticket-labels'
import { CpeOutcomeAlert } from './cpe-outcome'
import { CpeWifiModal } from './cpe-wifi-modal'
import type { CpeActionRow, CpeDeviceRow } from './types'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  )
}

/** Refetches what an action changes: the list of commands, and the CPE (a new inform). */
export function refreshCpeCard(customerId: number) {
  void queryClient.invalidateQueries(trpc.acs.actions.queryFilter({ customerId }))
  void queryClient.invalidateQueries(trpc.acs.customerCpe.queryFilter({ customerId }))
}

/** One CPE: online or not and why, what it is, its WiFi, and Reboot / Refresh / Ubah WiFi. */
export function CpeDevice({
  customerId,
  device: d,
  canAct,
}: {
  customerId: number
  device: CpeDeviceRow
  canAct: boolean
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const [result, setResult] = useState<CpeActionRow | null>(null)
  const [wifiOpen, setWifiOpen] = useState(false)
  const done = (r: CpeActionRow) => {
    setResult(r)
    refreshCpeCard(customerId)
  }
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const reboot = useMutation(trpc.acs.reboot.mutationOptions({ onSuccess: done, onError }))
  const refresh = useMutation(trpc.acs.refresh.mutationOptions({ onSuccess: done, onError }))
  const ids = { customerId, deviceId: d.deviceId }
  const name = d.model ?? d.productClass ?? d.deviceId

  const confirm = (kind: 'reboot' | 'refresh') =>
    modals.openConfirmModal({
      title: t(kind === 'reboot' ? 'acs.card.rebootTitle' : 'acs.card.refreshTitle', {
        device: name,
      }),
      children: (
        <Text fz="sm">{t(kind === 'reboot' ? 'acs.card.rebootBody' : 'acs.card.refreshBody')}</Text>
      ),
      labels: { confirm: t('acs.card.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: kind === 'reboot' ? 'red' : undefined, 'data-testid': 'cpe-confirm' },
      onConfirm: () => (kind === 'reboot' ? reboot.mutate(ids) : refresh.mutate(ids)),
    })

  const r = d.onlineRule
  const minutes = (s: number) => durationText(t, Math.max(1, Math.round(s / 60)))
  const service = d.service
  return (
    <Stack gap="sm" data-testid="cpe-device" data-device={d.deviceId}>
      <Group gap="xs" wrap="nowrap">
        <Badge color={d.online ? 'teal' : 'gray'} variant="filled" data-testid="cpe-online">
          {t(d.online ? 'acs.card.online' : 'acs.card.offline')}
        </Badge>
        <Text fz="xs" ff="monospace" c="dimmed" truncate>
          {d.deviceId}
        </Text>
      </Group>
      <Text fz="xs" c="dimmed">
        {t('acs.card.onlineRule', {
          interval: minutes(r.intervalSeconds),
          from: r.intervalFrom === 'default' ? t('acs.card.intervalDefault') : '',
          grace: minutes(r.graceSeconds),
        })}
      </Text>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
        <Field label={t('acs.card.lastInform')}>
          {d.lastInform && r.secondsSinceInform !== null ? (
            <span data-testid="cpe-last-inform">
              {formatInform(d.lastInform, me.company.timeZone)}
              <Text fz="xs" c="dimmed" component="span" display="block">
                {t('acs.card.ago', { duration: minutes(r.secondsSinceInform) })}
              </Text>
            </span>
          ) : (
            t('acs.card.neverInformed')
          )}
        </Field>
        <Field label={t('acs.card.ssid')}>{d.ssid ?? '—'}</Field>
        <Field label={t('acs.card.model')}>
          {[d.manufacturer, d.model ?? d.productClass].filter(Boolean).join(' ') || '—'}
        </Field>
        <Field label={t('acs.card.firmware')}>{d.firmware ?? '—'}</Field>
        <Field label={t('acs.card.serial')}>{d.serial ?? '—'}</Field>
        <Field label={t('acs.card.foundBy')}>
          {service
            ? service.by === 'pppoe'
              ? t('acs.card.byPppoe', { login: d.pppoeUsername, sid: service.sid })
              : t('acs.card.bySerial', { sid: service.sid })
            : '—'}{' '}
          <span style={{ whiteSpace: 'nowrap' }}>
            · {d.dataModel === 'tr098' ? 'TR-098' : 'TR-181'}
          </span>
        </Field>
      </SimpleGrid>
      {canAct && (
        <Group gap={6}>
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={<IconPower size={14} />}
            loading={reboot.isPending}
            onClick={() => confirm('reboot')}
            data-testid="cpe-reboot"
          >
            {t('acs.card.reboot')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            loading={refresh.isPending}
            onClick={() => confirm('refresh')}
            data-testid="cpe-refresh"
          >
            {t('acs.card.refresh')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconWifi size={14} />}
            onClick={() => setWifiOpen(true)}
            data-testid="cpe-wifi"
          >
            {t('acs.card.wifi')}
          </Button>
        </Group>
      )}
      {result && <CpeOutcomeAlert outcome={result.outcome} message={result.message} />}
      {wifiOpen && (
        <CpeWifiModal
          customerId={customerId}
          device={d}
          onClose={() => setWifiOpen(false)}
          onDone={(r) => {
            setWifiOpen(false)
            done(r)
          }}
        />
      )}
    </Stack>
  )
}
