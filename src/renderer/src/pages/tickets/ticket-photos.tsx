import {
  Button,
  Card,
  EmptyState,
  FileButton,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconPhoto, IconUpload } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_TICKET_PHOTO_BYTES, TICKET_PHOTO_TYPES } from '@shared/schemas'
import { formatInstant } from '@shared/dates'
import { whoText } from '@shared/who'
import { queryClient, trpc } from '../../api/client'
import { errorMessage, uiErrorOf, validationMessage } from '../../api/errors'
import { PageLoader, QueryError } from '../../components/query-state'
import { intlLocale } from '../../i18n'
import { useSession } from '../../session/session'
import type { RouterOutputs } from '../../session/session'
import { base64Blob, readBase64, saveBlob, uploadName } from '../customers/attachments-files'
import { BlobImage } from '../customers/attachments-viewer'

type Photo = RouterOutputs['tickets']['attachments'][number]
type PhotoMime = (typeof TICKET_PHOTO_TYPES)[number]

// A photo can be 5 MB: fetched when shown, not kept in the cache afterwards.
const photoQuery = (id: number) =>
  trpc.tickets.attachment.queryOptions({ id }, { gcTime: 0, staleTime: Infinity })

/** The problem with a chosen file before it is sent (the server checks the bytes again). */
function photoProblem(file: File): string | null {
  if (!(TICKET_PHOTO_TYPES as readonly string[]).includes(file.type))
    return 'validation.ticket_photo_type'
  if (file.size === 0 || file.size > MAX_TICKET_PHOTO_BYTES) return 'validation.ticket_photo_size'
  return null
}

/** The ticket's photos as thumbnails; one opens full size; who works tickets adds more. */
export function TicketPhotos({ ticketId, canManage }: { ticketId: number; canManage: boolean }) {
  const { t } = useTranslation()
  const list = useQuery(trpc.tickets.attachments.queryOptions({ ticketId }))
  const [viewing, setViewing] = useState<Photo | null>(null)
  const attach = useMutation(
    trpc.tickets.attach.mutationOptions({
      onSuccess: (_r, input) => {
        notifications.show({
          color: 'teal',
          message: t('tickets.detail.uploaded', { fileName: input.fileName }),
        })
        void queryClient.invalidateQueries(trpc.tickets.attachments.queryFilter({ ticketId }))
      },
      onError: (error) => {
        const key = uiErrorOf(error).details.messageKey
        notifications.show({
          color: 'red',
          message: typeof key === 'string' ? validationMessage(t, key) : errorMessage(t, error),
        })
      },
    }),
  )
  const [reading, setReading] = useState(false)

  const upload = async (file: File | null) => {
    if (!file) return
    const problem = photoProblem(file)
    if (problem) {
      notifications.show({ color: 'red', message: validationMessage(t, problem) })
      return
    }
    setReading(true)
    try {
      attach.mutate({
        ticketId,
        fileName: uploadName(file.name),
        mime: file.type as PhotoMime,
        contentBase64: await readBase64(file),
      })
    } finally {
      setReading(false)
    }
  }

  const body = () => {
    if (list.isPending) return <PageLoader />
    if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />
    if (list.data.length === 0)
      return (
        <EmptyState
          icon={<IconPhoto size={28} />}
          title={t('tickets.detail.noPhotos')}
          description={canManage ? t('tickets.detail.noPhotosHint') : undefined}
          size="sm"
          data-testid="ticket-photos-empty"
        />
      )
    return (
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {list.data.map((p) => (
          <Thumbnail key={p.id} photo={p} onOpen={() => setViewing(p)} />
        ))}
      </SimpleGrid>
    )
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="ticket-photos">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h5">
          {t('tickets.detail.photos')}
        </Title>
        {canManage && (
          <FileButton onChange={(f) => void upload(f)} accept={TICKET_PHOTO_TYPES.join(',')}>
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="light"
                leftSection={<IconUpload size={16} />}
                loading={reading || attach.isPending}
                data-testid="ticket-photo-upload"
              >
                {t('tickets.detail.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {body()}
      {viewing && <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />}
    </Card>
  )
}

function usePhotoBlob(id: number) {
  const file = useQuery(photoQuery(id))
  const blob = useMemo(
    () => (file.data ? base64Blob(file.data.contentBase64, file.data.mime) : null),
    [file.data],
  )
  return { file, blob }
}

function Thumbnail({ photo, onOpen }: { photo: Photo; onOpen: () => void }) {
  const { t } = useTranslation()
  const { me } = useSession()
  const { blob } = usePhotoBlob(photo.id)
  return (
    <div data-testid="ticket-photo">
      <UnstyledButton
        onClick={onOpen}
        aria-label={t('tickets.detail.openPhoto', { fileName: photo.fileName })}
        w="100%"
      >
        {blob ? (
          <BlobImage
            blob={blob}
            alt={t('tickets.detail.photoAlt', { fileName: photo.fileName })}
            h={110}
            fit="cover"
          />
        ) : (
          <Skeleton h={110} radius="sm" />
        )}
      </UnstyledButton>
      <Text fz="xs" c="dimmed" truncate="end" mt={4}>
        {whoText(t, photo.username)}
      </Text>
      <Text fz="xs" c="dimmed">
        {formatInstant(photo.at, me.company.timeZone, intlLocale())}
      </Text>
    </div>
  )
}

function PhotoViewer({ photo, onClose }: { photo: Photo; onClose: () => void }) {
  const { t } = useTranslation()
  const { file, blob } = usePhotoBlob(photo.id)
  return (
    <Modal opened onClose={onClose} title={photo.fileName} size="xl" centered>
      {file.isPending ? (
        <PageLoader />
      ) : file.isError ? (
        <QueryError error={file.error} onRetry={() => void file.refetch()} />
      ) : (
        blob && (
          <>
            <BlobImage
              blob={blob}
              alt={t('tickets.detail.photoAlt', { fileName: photo.fileName })}
              mah="70vh"
              data-testid="ticket-photo-full"
            />
            <Group justify="flex-end" mt="md">
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() => saveBlob(blob, photo.fileName)}
              >
                {t('attachments.download')}
              </Button>
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </>
        )
      )}
    </Modal>
  )
}
