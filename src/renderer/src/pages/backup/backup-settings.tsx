import { Button, Group, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupSettingsView } from '@shared/schemas'
import { errorMessage } from '../../api/errors'
import { queryClient, trpc } from '../../api/client'

const refreshSettings = () => void queryClient.invalidateQueries(trpc.backups.pathFilter())

/** The passphrase (typed twice, never shown back), the daily schedule and the second folder. */
export function BackupSettings({ settings }: { settings: BackupSettingsView }) {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [scheduleEnabled, setScheduleEnabled] = useState(settings.scheduleEnabled)
  const [copyFolder, setCopyFolder] = useState(settings.copyFolder ?? '')
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const savePassphrase = useMutation(
    trpc.backups.setPassphrase.mutationOptions({
      onSuccess: () => {
        setPassphrase('')
        setConfirm('')
        notifications.show({ color: 'teal', message: t('backup.passphraseSaved') })
        refreshSettings()
      },
      onError,
    }),
  )
  const saveSettings = useMutation(
    trpc.backups.saveSettings.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('backup.settingsSaved') })
        refreshSettings()
      },
      onError,
    }),
  )
  return (
    <Stack gap="lg" maw={640}>
      <Stack gap="xs">
        {settings.passphraseSet && (
          <Text fz="sm" c="teal" data-testid="passphrase-set">
            {t('backup.passphraseSet')}
          </Text>
        )}
        <PasswordInput
          label={t('backup.passphrase')}
          description={t('backup.passphraseHelp')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          autoComplete="new-password"
        />
        <PasswordInput
          label={t('backup.passphraseAgain')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          autoComplete="new-password"
          error={
            confirm && confirm !== passphrase ? t('validation.backup_passphrase_mismatch') : null
          }
        />
        <Group>
          <Button
            variant="default"
            disabled={!passphrase || passphrase !== confirm}
            loading={savePassphrase.isPending}
            onClick={() => savePassphrase.mutate({ passphrase, confirm })}
          >
            {t(settings.passphraseSet ? 'backup.changePassphrase' : 'backup.setPassphrase')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Switch
          checked={scheduleEnabled}
          onChange={(e) => setScheduleEnabled(e.currentTarget.checked)}
          label={t('backup.schedule', { time: settings.scheduleTime })}
          description={t('backup.scheduleHelp')}
        />
        <TextInput
          label={t('backup.copyFolderLabel')}
          description={t('backup.copyFolderHelp')}
          value={copyFolder}
          onChange={(e) => setCopyFolder(e.currentTarget.value)}
        />
        <Group>
          <Button
            variant="default"
            loading={saveSettings.isPending}
            onClick={() => saveSettings.mutate({ scheduleEnabled, copyFolder: copyFolder || null })}
          >
            {t('backup.saveSettings')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  )
}
