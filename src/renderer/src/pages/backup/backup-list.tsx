import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/errors'
import { queryClient, trpc, trpcClient } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession, type RouterOutputs } from '../../session/session'
import { dateTimeText, sizeText } from './backup-format'
import { RestoreModal } from './restore-modal'

type Row = RouterOutputs['backups']['list'][number]

/** Each backup: date, size, who, its last check, and download / verify / restore. */
export function BackupList() {
  const { t } = useTranslation()
  const { me } = useSession()
  const tz = me.company.timeZone
  const locale = intlLocale()
  const [restoring, setRestoring] = useState<Row | null>(null)
  const list = useQuery(trpc.backups.list.queryOptions())
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(t, error) })
  const verify = useMutation(
    trpc.backups.verify.mutationOptions({
      onSuccess: () => notifications.show({ color: 'teal', message: t('backup.verifyOk') }),
      onError,
      onSettled: () => void queryClient.invalidateQueries(trpc.backups.list.pathFilter()),
    }),
  )
  // The host streams the file from disk; the link carries a one-use ticket, not the session.
  const download = async (file: string) => {
    try {
      const got = await trpcClient.backups.downloadTicket.mutate({ file })
      const link = document.createElement('a')
      // The desktop window is not served by the host: it names the host's own address.
      link.href = window.loket && got.hostUrl ? new URL(got.url, got.hostUrl).href : got.url
      link.download = file
      document.body.append(link)
      link.click()
      link.remove()
    } catch (error) {
      onError(error)
    }
  }
  if (list.isPending) return <PageLoader />
  if (list.isError) return <QueryError error={list.error} onRetry={list.refetch} />
  if (list.data.length === 0) return <Text c="dimmed">{t('backup.empty')}</Text>

  const check = (b: Row) => {
    if (b.problem)
      return (
        <Text c="red" fz="sm">
          {t(`errors.${b.problem}`)}
        </Text>
      )
    if (!b.verified)
      return (
        <Text c="dimmed" fz="sm">
          {t('backup.notVerified')}
        </Text>
      )
    if (!b.verified.ok) {
      return (
        <Text c="red" fz="sm">
          {t(`errors.${b.verified.problem ?? 'INTERNAL'}`)}
        </Text>
      )
    }
    return (
      <Text c="teal" fz="sm" data-testid="backup-verified">
        {t('backup.verified', { date: dateTimeText(b.verified.at, tz) })}
      </Text>
    )
  }
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.colDate')}</Table.Th>
              <Table.Th ta="right">{t('backup.colSize')}</Table.Th>
              <Table.Th>{t('backup.colWho')}</Table.Th>
              <Table.Th>{t('backup.colCheck')}</Table.Th>
              <Table.Th>{t('backup.colActions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={`${b.location}/${b.file}`}>
                <Table.Td>
                  <Text fz="sm">{b.createdAt ? dateTimeText(b.createdAt, tz) : b.file}</Text>
                  <Group gap={4}>
                    {b.encrypted === false && (
                      <Badge color="orange" variant="light" size="xs">
                        {t('backup.notEncrypted')}
                      </Badge>
                    )}
                    {b.file.includes('sebelum-pemulihan') && (
                      <Badge color="grape" variant="light" size="xs" data-testid="safety-backup">
                        {t('backup.safetyBadge')}
                      </Badge>
                    )}
                    {b.location === 'copy' && (
                      <Badge variant="light" size="xs">
                        {t('backup.copyFolder')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{sizeText(b.bytes, locale)}</Table.Td>
                <Table.Td>{b.createdBy ?? '—'}</Table.Td>
                <Table.Td>{check(b)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => void download(b.file)}
                    >
                      {t('backup.download')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={verify.isPending && verify.variables.file === b.file}
                      onClick={() => verify.mutate({ file: b.file })}
                    >
                      {t('backup.verify')}
                    </Button>
                    <Button size="compact-sm" variant="light" onClick={() => setRestoring(b)}>
                      {t('backup.restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />}
    </>
  )
}
