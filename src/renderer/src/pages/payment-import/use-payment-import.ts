import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { uiErrorOf } from '../../api/errors'
import type { RouterOutputs } from '../../session/session'
import { readBase64 } from '../imports/file-data'
import { fileProblem } from '../imports/import-rules'
import type { Problem } from '../imports/use-import-wizard'

export type PaymentImportResult = RouterOutputs['paymentImport']['preview']
export type PaymentRowError = PaymentImportResult['errors'][number]
type Upload = { fileName: string; contentBase64: string }

/**
 * File → preview → commit. The file is read once; the commit sends the same content and the
 * API checks it again inside its transaction, so a reference recorded meanwhile is refused.
 */
export function usePaymentImport() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [file, setFileState] = useState<File | null>(null)
  const [fileError, setFileError] = useState<Problem | null>(null)
  const [upload, setUpload] = useState<Upload | null>(null)
  const [reading, setReading] = useState(false)
  const [preview, setPreview] = useState<PaymentImportResult | null>(null)
  const [result, setResult] = useState<PaymentImportResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const previewCall = useMutation(trpc.paymentImport.preview.mutationOptions())
  const commitCall = useMutation(trpc.paymentImport.commit.mutationOptions())

  const setFile = (next: File | null) => {
    setFileState(next)
    setUpload(null)
    setPreview(null)
    setResult(null)
    setError(null)
    // The same size and type rules as the customer import: both go through core/imports.
    setFileError((next && fileProblem(next, 'customers')) || null)
  }

  const showPreview = async () => {
    setError(null)
    if (!file) return setFileError({ key: 'paymentImport.fileRequired' })
    if (fileError) return
    setReading(true)
    try {
      const read = { fileName: file.name, contentBase64: await readBase64(file) }
      setUpload(read)
      setPreview(await previewCall.mutateAsync(read))
    } catch (e) {
      if (e instanceof DOMException) setFileError({ key: 'paymentImport.fileReadFailed' })
      else setError(e)
    } finally {
      setReading(false)
    }
  }

  const commit = async () => {
    setError(null)
    if (!upload) return
    try {
      const answer = await commitCall.mutateAsync(upload)
      setResult(answer)
      void queryClient.invalidateQueries()
      notifications.show({
        color: 'teal',
        message: t('paymentImport.doneNotice', { fileName: answer.fileName }),
      })
    } catch (e) {
      // Something changed since the preview: show the rows the API now refuses.
      const { code, details } = uiErrorOf(e)
      if (code === 'IMPORT_HAS_ERRORS' && Array.isArray(details.errors) && preview)
        setPreview({ ...preview, errors: details.errors as PaymentRowError[] })
      else setError(e)
    }
  }

  return {
    file,
    fileError,
    preview,
    result,
    error,
    busy: reading || previewCall.isPending || commitCall.isPending,
    committing: commitCall.isPending,
    setFile,
    showPreview,
    commit,
    backToFile: () => setPreview(null),
    startOver: () => setFile(null),
  }
}

export type PaymentImport = ReturnType<typeof usePaymentImport>
