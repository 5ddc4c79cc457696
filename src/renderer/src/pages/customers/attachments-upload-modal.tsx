import { Button, FileInput, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconPaperclip } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient, trpc } from '../../api/client'
import { uiErrorOf } from '../../api/errors'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_KINDS,
  fileProblem,
  isAttachmentType,
  isImage,
  readBase64,
  uploadName,
  type AttachmentKind,
} from './attachments-files'
import { BlobImage } from './attachments-viewer'

/** Every problem of the upload call concerns the file, except a bad kind. */
const toField = (path: string) => (path === 'kind' ? 'kind' : 'file')

/** A KTP scan, house photo or other document for one customer: type, file, preview, upload. */
export function AttachmentsUploadModal({
  customerId,
  onClose,
}: {
  customerId: number
  onClose: () => void
}) {
  const { t } = useTranslation()
  const form = useFormState<{ kind: AttachmentKind | ''; file: File | null }>({
    kind: 'ktp',
    file: null,
  })
  const [reading, setReading] = useState(false)
  const { file, kind } = form.values
  const attach = useMutation(
    trpc.customers.attach.mutationOptions({
      onSuccess: (_result, input) => {
        notifications.show({
          color: 'teal',
          message: t('attachments.uploaded', { fileName: input.fileName }),
        })
        void queryClient.invalidateQueries(trpc.customers.attachments.queryFilter({ customerId }))
        // The customer's history lists uploads too.
        void queryClient.invalidateQueries(trpc.customers.get.queryFilter({ id: customerId }))
        onClose()
      },
      onError: (error) => {
        // The server's byte check answers with a `validation.*` key of its own, not zod issues.
        const key = uiErrorOf(error).details.messageKey
        if (typeof key === 'string' && key.startsWith('validation.')) {
          form.setFieldError('file', key)
        } else {
          form.showServerError(error, {}, toField)
        }
      },
    }),
  )

  const choose = (next: File | null) => {
    form.setValue('file', next)
    const problem = next && fileProblem(next)
    if (problem) form.setFieldError('file', problem)
  }

  const submit = async () => {
    if (!kind) form.setFieldError('kind', 'validation.required')
    if (!file) form.setFieldError('file', 'validation.required')
    const problem = file && fileProblem(file)
    if (problem) form.setFieldError('file', problem)
    if (!kind || !file || problem || !isAttachmentType(file.type)) return
    setReading(true)
    try {
      const contentBase64 = await readBase64(file)
      attach.mutate({
        customerId,
        kind,
        fileName: uploadName(file.name),
        mime: file.type,
        contentBase64,
      })
    } catch {
      form.setFieldError('file', 'validation.invalid')
    } finally {
      setReading(false)
    }
  }

  const fileError = form.errorOf('file')
  const preview = file && !fileError && isImage(file.type)
  return (
    <Modal opened onClose={onClose} title={t('attachments.upload')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack gap="md">
          <Select
            label={t('attachments.kind')}
            required
            allowDeselect={false}
            data={ATTACHMENT_KINDS.map((k) => ({
              value: k,
              label: t(`attachments.kindOptions.${k}`),
            }))}
            {...form.select('kind')}
          />
          <FileInput
            label={t('attachments.file')}
            description={t('attachments.fileHint')}
            placeholder={t('attachments.filePlaceholder')}
            accept={ATTACHMENT_ACCEPT}
            leftSection={<IconPaperclip size={18} />}
            required
            clearable
            value={file}
            onChange={choose}
            error={fileError}
            data-testid="attachment-file"
          />
          {preview && (
            <BlobImage
              blob={file}
              alt={t('attachments.preview', { fileName: file.name })}
              mah={260}
              data-testid="attachment-preview"
            />
          )}
          {file && !fileError && !isImage(file.type) && (
            <Group gap="xs" c="dimmed">
              <IconFileTypePdf size={20} aria-hidden />
              <Text fz="sm">{t('attachments.pdfNoPreview')}</Text>
            </Group>
          )}
          <FormAlert error={form.serverError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reading || attach.isPending}>
              {t('attachments.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
