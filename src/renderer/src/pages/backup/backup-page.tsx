import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/errors'
import { queryClient, trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { BackupList } from './backup-list'
import { BackupSettings } from './backup-settings'

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

/** The button, then the running backup's progress polled from the host until it ends. */
function CreateBackup() {
  const { t } = useTranslation()
  const [polling, setPolling] = useState(false)
  const create = useMutation(
    trpc.backups.create.mutationOptions({
      onSuccess: () => setPolling(true),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    }),
  )
  const progress = useQuery(
    trpc.backups.progress.queryOptions(undefined, {
      enabled: polling,
      refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
    }),
  )
  const run = progress.data
  const told = useRef<string | null>(null)
  useEffect(() => {
    if (!polling || !run || run.status === 'running' || told.current === run.startedAt) return
    told.current = run.startedAt
    setPolling(false)
    notifications.show(
      run.status === 'done'
        ? { color: 'teal', message: t('backup.created', { file: run.file }) }
        : { color: 'red', message: t('backup.failed', { problem: t(`errors.${run.problem}`) }) },
    )
    refreshBackups()
  }, [polling, run, t])
  const busy = create.isPending || (polling && run?.status !== 'done' && run?.status !== 'failed')
  const percent = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0
  return (
    <Stack gap={4} align="flex-end">
      <Button
        leftSection={<IconDatabaseExport size={18} />}
        loading={busy}
        onClick={() => create.mutate({})}
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
