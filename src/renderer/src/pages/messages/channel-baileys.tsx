import { Badge, Button, Group, Image, Loader, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconLink, IconLinkOff } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatPhone } from '@shared/phone'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'

const COLOR = {
  tidak_tertaut: 'gray',
  menghubungkan: 'yellow',
  pindai_qr: 'blue',
  tersambung: 'teal',
} as const

/**
 * The WhatsApp Web session: its status, the QR while pairing (asked for every 2 s, since the code
 * changes), "Tautkan" and "Putuskan tautan".
 */
export function BaileysPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation()
  const status = useQuery(
    trpc.channels.baileysStatus.queryOptions(undefined, {
      refetchInterval: (q) => {
        const s = q.state.data?.status
        return s === 'menghubungkan' || s === 'pindai_qr' ? 2000 : 15_000
      },
    }),
  )
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.channels.baileysStatus.queryKey() })
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const link = useMutation(
    trpc.channels.baileysLink.mutationOptions({ onSuccess: refresh, onError }),
  )
  const unlink = useMutation(
    trpc.channels.baileysUnlink.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('channels.baileys.unlinked') })
        refresh()
      },
      onError,
    }),
  )
  const confirmUnlink = () =>
    modals.openConfirmModal({
      title: t('channels.baileys.unlinkTitle'),
      children: <Text fz="sm">{t('channels.baileys.unlinkBody')}</Text>,
      labels: { confirm: t('channels.baileys.unlink'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => unlink.mutate(),
    })

  const s = status.data
  if (!s) return status.isPending ? <Loader size="sm" /> : null
  const detail = s.detail as 'logged_out' | 'qr_expired' | 'host_only' | string | null
  return (
    <Stack gap="xs" data-testid="baileys-panel">
      <Group gap="xs">
        <Text fw={600}>{t('channels.baileys.title')}</Text>
        <Badge color={COLOR[s.status]} variant="light" tt="none" data-testid="baileys-status">
          {t(`channels.baileys.status.${s.status}`)}
        </Badge>
      </Group>
      {s.phone && (
        <Text fz="sm">{t('channels.baileys.phone', { phone: formatPhone(s.phone) })}</Text>
      )}
      {detail && (
        <Text fz="sm" c={detail === 'host_only' ? 'dimmed' : 'orange'}>
          {detail === 'logged_out' || detail === 'qr_expired' || detail === 'host_only'
            ? t(`channels.baileys.detail.${detail}`)
            : detail}
        </Text>
      )}
      {s.status === 'pindai_qr' && canManage && (
        <Stack gap={4} align="flex-start">
          {s.qr ? (
            <Image
              src={s.qr}
              alt={t('channels.baileys.qrAlt')}
              w={240}
              h={240}
              data-testid="baileys-qr"
            />
          ) : (
            <Text fz="sm">{t('channels.baileys.waitingQr')}</Text>
          )}
          <Text fz="sm" c="dimmed" maw={420}>
            {t('channels.baileys.scan')}
          </Text>
        </Stack>
      )}
      {canManage && detail !== 'host_only' && (
        <Group>
          {s.status === 'tidak_tertaut' ? (
            <Button
              leftSection={<IconLink size={16} />}
              loading={link.isPending}
              onClick={() => link.mutate()}
              data-testid="baileys-link"
            >
              {t('channels.baileys.link')}
            </Button>
          ) : (
            <Button
              color="red"
              variant="light"
              leftSection={<IconLinkOff size={16} />}
              loading={unlink.isPending}
              onClick={confirmUnlink}
              data-testid="baileys-unlink"
            >
              {t('channels.baileys.unlink')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  )
}
