import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconDownload, IconEye, IconFiles, IconUpload } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatInstant } from '@shared/dates'
import { whoText } from '@shared/who'
import { trpc } from '../../api/client'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import { isImage, sizeText, type AttachmentRow } from './attachments-files'
import { AttachmentsUploadModal } from './attachments-upload-modal'
import { AttachmentViewer, useAttachmentDownload } from './attachments-viewer'

const KIND_COLORS: Record<string, string> = { ktp: 'blue', foto: 'teal', dokumen: 'gray' }

function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation()
  return (
    <Badge color={KIND_COLORS[kind] ?? 'gray'} variant="light">
      {t(`attachments.kinds.${kind}`, { defaultValue: kind })}
    </Badge>
  )
}

/** The customer's documents (KTP scans, house photos, contracts): list, view, upload. */
export function AttachmentsSection({
  customerId,
  canManage,
}: {
  customerId: number
  canManage: boolean
}) {
  const { t } = useTranslation()
  const { me } = useSession()
  const list = useQuery(trpc.customers.attachments.queryOptions({ customerId }))
  const [uploading, setUploading] = useState(false)
  const [viewing, setViewing] = useState<AttachmentRow | null>(null)
  const download = useAttachmentDownload()
  const locale = intlLocale()

  const open = (row: AttachmentRow) => (isImage(row.mime) ? setViewing(row) : download.mutate(row))

  const body = () => {
    if (list.isPending) return <PageLoader />
    if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
    if (list.data.length === 0) {
      return (
        <EmptyState
          icon={<IconFiles size={28} />}
          title={t('attachments.empty')}
          description={canManage ? t('attachments.emptyHint') : undefined}
          size="sm"
          data-testid="attachments-empty"
        />
      )
    }
    return (
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label={t('attachments.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attachments.colKind')}</Table.Th>
              <Table.Th>{t('attachments.colFile')}</Table.Th>
              <Table.Th>{t('attachments.colSize')}</Table.Th>
              <Table.Th>{t('attachments.colUploaded')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id} data-testid="attachment-row" data-kind={a.kind}>
                <Table.Td>
                  <KindBadge kind={a.kind} />
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{a.fileName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{sizeText(t, a.size, locale)}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{whoText(t, a.username)}</Text>
                  <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(a.at, me.company.timeZone, locale)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={
                      isImage(a.mime) ? <IconEye size={16} /> : <IconDownload size={16} />
                    }
                    loading={download.isPending && download.variables?.id === a.id}
                    onClick={() => open(a)}
                    aria-label={`${t('attachments.view')} ${a.fileName}`}
                  >
                    {t('attachments.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    )
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="customer-attachments">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h5">
          {t('attachments.title')}
        </Title>
        {canManage && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconUpload size={16} />}
            onClick={() => setUploading(true)}
          >
            {t('attachments.upload')}
          </Button>
        )}
      </Group>
      {body()}
      {uploading && (
        <AttachmentsUploadModal customerId={customerId} onClose={() => setUploading(false)} />
      )}
      {viewing && <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />}
    </Card>
  )
}
