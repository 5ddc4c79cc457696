import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/errors'
import { queryClient, trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import type { RouterOutputs } from '../../session/session'
import { BackupList } from './backup-list'
import { BackupSettings } from './backup-settings'

type BackupRunView = NonNullable<RouterOutputs['backups']['progress']>

export function refreshBackups(): void {
  void queryClient.invalidateQueries(trpc.backups.pathFilter())
}

/** "Backup & Restore": the backups, "Buat backup sekarang", restore into a new folder, settings. */
export function BackupPage() {
  const { t } = useTranslation()
  const settings = useQuery(trpc.backups.settings.queryOptions())
  if (settings.isPending) return <PageLoader />
  if (settings.isError) return <QueryError error={settings.error} onRetry={settings.refetch} />
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz="h2">
          {t('backup.title')}
        </Title>
        <Text c="dimmed">{t('backup.intro')}</Text>
      </div>
      {!settings.data.passphraseSet && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          title={t('backup.noPassphraseTitle')}
          data-testid="no-passphrase"
        >
          {t('backup.noPassphrase')}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h4">
            {t('backup.listTitle')}
          </Title>
          <CreateBackup />
        </Group>
        <BackupList />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('backup.settingsTitle')}
        </Title>
        <BackupSettings settings={settings.data} />
      </Paper>
    </Stack>
  )
}

/** How often the page asks the host how far the backup is. */
const POLL_MS = 500

/** The button, then the running backup's progress polled from the host until it ends. */
function CreateBackup() {
  const { t } = useTranslation()
  const [run, setRun] = useState<BackupRunView | null>(null)
  const [busy, setBusy] = useState(false)
  // Follows the backup this page started (matched by its start time) until it is done or failed.
  const follow = async (startedAt: string) => {
    for (;;) {
      const now = await queryClient.fetchQuery({
        ...trpc.backups.progress.queryOptions(),
        staleTime: 0,
      })
      if (now?.startedAt !== startedAt) return null
      setRun(now)
      if (now.status !== 'running') return now
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  }
  const start = async () => {
    setBusy(true)
    try {
      const started = await create.mutateAsync({})
      setRun(started)
      const end = await follow(started.startedAt)
      if (end) {
        notifications.show(
          end.status === 'done'
            ? { color: 'teal', message: t('backup.created', { file: end.file }) }
            : {
                color: 'red',
                message: t('backup.failed', { problem: t(`errors.${end.problem}`) }),
              },
        )
      }
      refreshBackups()
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) })
    } finally {
      setBusy(false)
      setRun(null)
    }
  }
  const create = useMutation(trpc.backups.create.mutationOptions())
  const percent = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0
  return (
    <Stack gap={4} align="flex-end">
      <Button
        leftSection={<IconDatabaseExport size={18} />}
        loading={busy}
        onClick={() => void start()}
        data-testid="backup-create"
      >
        {t('backup.createNow')}
      </Button>
      {busy && run && (
        <Stack gap={2} w={260} data-testid="backup-progress">
          <Text fz="xs" c="dimmed">
            {t(`backup.stage.${run.stage}`, { done: run.done, total: run.total })}
          </Text>
          <Progress value={percent} size="sm" />
        </Stack>
      )}
    </Stack>
  )
}
