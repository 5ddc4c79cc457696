import {
  Alert,
  Button,
  Group,
  List,
  Loader,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/errors'
import { trpc, trpcClient } from '../../api/client'
import { clearToken } from '../../api/token'
import { useSession, type RouterOutputs } from '../../session/session'
import { dateTimeText } from './backup-format'

type Row = RouterOutputs['backups']['list'][number]

/** What the page shows while a restore over the data in use runs. */
type LiveStage = 'safety' | 'restoring' | 'restarting'

/** The word a restore over the data in use asks to be typed (or the company's name). */
export const CONFIRM_WORD = 'PULIHKAN'

/**
 * Asks the host how the restore with this id went, until it answers again after its restart.
 * Errors (503 while restoring, no answer while it restarts) only mean "not yet".
 */
async function waitForRestart(
  id: string,
  onStage: (stage: LiveStage) => void,
): Promise<{ status: 'done' | 'failed'; problem: string | null }> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    try {
      const s = await trpcClient.backups.restoreLiveStatus.query()
      if (s.last?.id === id && s.last.status !== 'running') {
        return { status: s.last.status, problem: s.last.problem }
      }
      onStage('restoring')
    } catch {
      onStage('restarting')
    }
  }
}

/**
 * Restore from the preview (company, date, counts): into a new data folder, or over the data in
 * use, after a typed confirmation; the host then makes a safety backup, restores and restarts,
 * and everyone signs in again.
 */
export function RestoreModal({ backup, onClose }: { backup: Row; onClose: () => void }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const [passphrase, setPassphrase] = useState('')
  const [dataDir, setDataDir] = useState('')
  const [target, setTarget] = useState<'new' | 'live'>('new')
  const [confirmText, setConfirmText] = useState('')
  const [stage, setStage] = useState<LiveStage | null>(null)
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const typed = passphrase ? { passphrase } : {}
  const preview = useMutation(trpc.backups.restorePreview.mutationOptions({ onError }))
  const restore = useMutation(
    trpc.backups.restore.mutationOptions({
      onSuccess: (r) => {
        notifications.show({
          color: 'teal',
          message: t('backup.restoreDone', { dataDir: r.dataDir }),
        })
        onClose()
      },
      onError,
    }),
  )
  const restoreLive = useMutation(
    trpc.backups.restoreLive.mutationOptions({
      onMutate: () => setStage('safety'),
      onSuccess: async (r) => {
        setStage('restoring')
        const outcome = await waitForRestart(r.id, setStage)
        if (outcome.status === 'done') {
          // Every session ended with the old data: the sign-in page says why.
          clearToken('RESTORE_LIVE_DONE')
          return
        }
        setStage(null)
        notifications.show({
          color: 'red',
          autoClose: false,
          message: t('backup.liveFailed', {
            problem: t(`errors.${outcome.problem ?? 'INTERNAL'}`),
          }),
        })
      },
      onError: (error) => {
        setStage(null)
        onError(error)
      },
    }),
  )
  const p = preview.data
  const confirmed =
    p !== undefined &&
    (confirmText.trim() === CONFIRM_WORD ||
      (p.company !== '' && confirmText.trim().toLowerCase() === p.company.trim().toLowerCase()))
  if (stage) {
    const steps: LiveStage[] = ['safety', 'restoring', 'restarting']
    const at = steps.indexOf(stage)
    return (
      <Modal
        opened
        onClose={() => {}}
        withCloseButton={false}
        title={t('backup.liveTitle')}
        size="lg"
      >
        <Stack gap="sm" data-testid="restore-live-progress">
          <Group gap="sm">
            <Loader size="sm" />
            <Text fw={600}>{t(`backup.liveStage.${stage}`)}</Text>
          </Group>
          <List size="sm">
            {steps.map((s, i) => (
              <List.Item key={s} c={i < at ? 'teal' : i === at ? undefined : 'dimmed'}>
                {t(`backup.liveStage.${s}`)}
              </List.Item>
            ))}
          </List>
          <Text fz="sm" c="dimmed">
            {t('backup.liveWait')}
          </Text>
        </Stack>
      </Modal>
    )
  }
  return (
    <Modal opened onClose={onClose} title={t('backup.restoreTitle')} size="lg">
      <Stack gap="sm">
        <Text fz="sm">{t('backup.restoreIntro')}</Text>
        {backup.encrypted && (
          <PasswordInput
            label={t('backup.restorePassphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="off"
          />
        )}
        <Group>
          <Button
            variant="default"
            loading={preview.isPending}
            onClick={() => preview.mutate({ file: backup.file, ...typed })}
            data-testid="restore-preview"
          >
            {t('backup.preview')}
          </Button>
        </Group>
        {p && (
          <Table data-testid="restore-preview-table" verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('backup.previewCompany')}</Table.Th>
                <Table.Td>{p.company}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.previewDate')}</Table.Th>
                <Table.Td>{dateTimeText(p.createdAt, me.company.timeZone)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.previewWho')}</Table.Th>
                <Table.Td>{p.createdBy}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('backup.previewSchema')}</Table.Th>
                <Table.Td>{p.schemaVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td colSpan={2}>{t('backup.previewCounts', p.counts)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {p && !p.keyIncluded && <Alert color="orange">{t('backup.previewNoKey')}</Alert>}
        {p && (
          <SegmentedControl
            fullWidth
            value={target}
            onChange={(v) => setTarget(v as 'new' | 'live')}
            data={[
              { value: 'new', label: t('backup.targetNew') },
              { value: 'live', label: t('backup.targetLive') },
            ]}
            data-testid="restore-target"
          />
        )}
        {p && target === 'new' && (
          <>
            <TextInput
              label={t('backup.targetFolder')}
              value={dataDir}
              onChange={(e) => setDataDir(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('backup.cancel')}
              </Button>
              <Button
                color="red"
                disabled={!dataDir.trim()}
                loading={restore.isPending}
                onClick={() => restore.mutate({ file: backup.file, dataDir, ...typed })}
              >
                {t('backup.confirmRestore')}
              </Button>
            </Group>
          </>
        )}
        {p && target === 'live' && (
          <>
            <Alert
              color="red"
              title={t('backup.liveWarningTitle')}
              data-testid="restore-live-warning"
            >
              <List size="sm" spacing={4}>
                <List.Item>{t('backup.liveSafety')}</List.Item>
                <List.Item>{t('backup.liveSignOut')}</List.Item>
                <List.Item>{t('backup.liveRestart')}</List.Item>
                <List.Item>
                  {t('backup.liveLoss', { date: dateTimeText(p.createdAt, me.company.timeZone) })}
                </List.Item>
              </List>
            </Alert>
            <TextInput
              label={t('backup.liveConfirmLabel', { word: CONFIRM_WORD, company: p.company })}
              value={confirmText}
              onChange={(e) => setConfirmText(e.currentTarget.value)}
              autoComplete="off"
              data-testid="restore-live-confirm"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('backup.cancel')}
              </Button>
              <Button
                color="red"
                disabled={!confirmed}
                loading={restoreLive.isPending}
                onClick={() => restoreLive.mutate({ file: backup.file, ...typed })}
                data-testid="restore-live-go"
              >
                {t('backup.confirmLive')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  )
}
