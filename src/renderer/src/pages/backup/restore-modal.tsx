import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
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
import { trpc } from '../../api/client'
import { useSession, type RouterOutputs } from '../../session/session'
import { dateTimeText } from './backup-format'

type Row = RouterOutputs['backups']['list'][number]

/**
 * Restore into a new data folder: first the preview (company, date, counts), then the folder,
 * then a confirmation. Over the data in use is the CLI's job with the host stopped.
 */
export function RestoreModal({ backup, onClose }: { backup: Row; onClose: () => void }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const [passphrase, setPassphrase] = useState('')
  const [dataDir, setDataDir] = useState('')
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
  const p = preview.data
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
          <Table data-testid="restore-preview-table">
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
      </Stack>
    </Modal>
  )
}
