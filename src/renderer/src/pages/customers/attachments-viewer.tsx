import { Button, Group, Image, Modal, Stack, type ImageProps } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { base64Blob, saveBlob, type AttachmentRow } from './attachments-files'

/**
 * An image from a Blob through a `blob:` URL (the CSP allows img-src blob:). The URL is made
 * and revoked by the effect, so it lives exactly as long as the picture is on screen.
 */
export function BlobImage({ blob, alt, ...props }: ImageProps & { blob: Blob; alt: string }) {
  const ref = useRef<HTMLImageElement>(null)
  useEffect(() => {
    const url = URL.createObjectURL(blob)
    if (ref.current) ref.current.src = url
    return () => URL.revokeObjectURL(url)
  }, [blob])
  return <Image ref={ref} alt={alt} fit="contain" radius="sm" {...props} />
}

// A scan can be 10 MB: fetched when opened and not kept in the cache afterwards.
const fileQuery = (id: number) =>
  trpc.customers.attachment.queryOptions({ id }, { gcTime: 0, staleTime: 0 })

/** Fetches a document and hands it to the download (PDFs, and images on request). */
export function useAttachmentDownload() {
  const { t } = useTranslation()
  return useMutation({
    mutationFn: (row: AttachmentRow) => queryClient.fetchQuery(fileQuery(row.id)),
    onSuccess: (file) => saveBlob(base64Blob(file.contentBase64, file.mime), file.fileName),
    onError: (error, row) =>
      notifications.show({
        color: 'red',
        title: t('attachments.openFailed', { fileName: row.fileName }),
        message: errorMessage(t, error),
      }),
  })
}

/** A KTP scan or house photo, shown in the page; a download button for the original. */
export function AttachmentViewer({
  attachment,
  onClose,
}: {
  attachment: AttachmentRow
  onClose: () => void
}) {
  const { t } = useTranslation()
  const file = useQuery(fileQuery(attachment.id))
  const blob = useMemo(
    () => (file.data ? base64Blob(file.data.contentBase64, file.data.mime) : null),
    [file.data],
  )
  return (
    <Modal opened onClose={onClose} title={attachment.fileName} size="xl" centered>
      {file.isPending ? (
        <PageLoader />
      ) : file.isError ? (
        <QueryError error={file.error} onRetry={() => void file.refetch()} />
      ) : (
        blob && (
          <Stack gap="md">
            <BlobImage
              blob={blob}
              alt={attachment.fileName}
              mah="70vh"
              data-testid="attachment-image"
            />
            <Group justify="flex-end">
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() => saveBlob(blob, attachment.fileName)}
              >
                {t('attachments.download')}
              </Button>
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </Stack>
        )
      )}
    </Modal>
  )
}
