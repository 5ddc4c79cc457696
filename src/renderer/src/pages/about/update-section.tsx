import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import type { UpdateState } from '@shared/updates'

/** How often the window asks its desktop where the update stands (the check itself is daily). */
export const UPDATE_POLL_MS = 60_000

/** The desktop's update: its state, the notes of the new version, and the user's consent. */
export function UpdateSection() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const update = useQuery({
    ...trpc.about.update.queryOptions(),
    refetchInterval: UPDATE_POLL_MS,
  })
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const refresh = () => void queryClient.invalidateQueries(trpc.about.update.queryFilter())
  const agree = useMutation(trpc.about.agreeUpdate.mutationOptions({ onSuccess: refresh, onError }))
  const restart = useMutation(
    trpc.about.restartForUpdate.mutationOptions({ onSuccess: refresh, onError }),
  )
  const state: UpdateState | null | undefined = update.data
  const confirmRestart = (version: string) =>
    modals.openConfirmModal({
      title: t('about.update.restartTitle'),
      children: <Text fz="sm">{t('about.update.restartIntro', { version })}</Text>,
      labels: { confirm: t('about.update.restartConfirm'), cancel: t('common.cancel') },
      onConfirm: () => restart.mutate(),
    })

  return (
    <Paper withBorder radius="md" p="lg" data-testid="about-update">
      <Title order={2} fz="h4" mb="sm">
        {t('about.update.title')}
      </Title>
      {update.isPending ? null : !state ? (
        // A LAN browser (or a desktop run without a feed): nothing to install from here.
        <Text size="sm" c="dimmed">
          {t('about.update.lanOnly')}
        </Text>
      ) : state.status === 'ready' ? (
        <Stack gap="sm">
          <Alert color="teal" title={t('about.update.available', { version: state.version })}>
            <Stack gap="xs">
              <Text size="sm">
                {state.waitingForWork
                  ? t('about.update.waiting')
                  : state.agreed
                    ? t('about.update.agreed', { version: state.version })
                    : t('about.update.readyIntro', { version: state.version })}
              </Text>
              {state.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="update-notes">
                  {state.notes}
                </Text>
              )}
            </Stack>
          </Alert>
          <Group>
            {!state.agreed && (
              <Button variant="light" loading={agree.isPending} onClick={() => agree.mutate()}>
                {t('about.update.agree')}
              </Button>
            )}
            <Button
              loading={restart.isPending || state.waitingForWork}
              onClick={() => confirmRestart(state.version)}
            >
              {t('about.update.restart')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {state.status === 'current'
            ? t('about.update.current')
            : state.status === 'checking'
              ? t('about.update.checking')
              : state.status === 'downloading'
                ? t('about.update.downloading', { version: state.version })
                : t('about.update.failed', { reason: state.reason })}
        </Text>
      )}
    </Paper>
  )
}
