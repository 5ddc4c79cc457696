import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { uiErrorOf } from '../../api/errors'
import { refreshCatalog } from '../catalog/refresh-catalog'
import { readBase64 } from './file-data'
import { fileProblem, type ImportKind } from './import-rules'
import type { ColumnMapping, ImportRowError, ImportSummary, Inspection, Upload } from './types'

export type WizardStep = 'file' | 'mapping' | 'preview' | 'done'

/** An i18n key and its params, translated at render so a language switch re-translates it. */
export interface Problem {
  key: string
  params?: Record<string, string | number>
}

function rowErrorsOf(error: unknown): ImportRowError[] | null {
  const { code, details } = uiErrorOf(error)
  return code === 'IMPORT_HAS_ERRORS' && Array.isArray(details.errors)
    ? (details.errors as ImportRowError[])
    : null
}

/**
 * The wizard's state: the file is read once, then each step asks the API (inspect, preview,
 * commit) with the same content. A new kind or file starts over from the first step.
 */
export function useImportWizard(initialKind: ImportKind) {
  const { t } = useTranslation()
  const [step, setStep] = useState<WizardStep>('file')
  const [kind, setKindState] = useState<ImportKind>(initialKind)
  const [file, setFileState] = useState<File | null>(null)
  const [fileError, setFileError] = useState<Problem | null>(null)
  const [upload, setUpload] = useState<Upload | null>(null)
  const [reading, setReading] = useState(false)
  const [inspection, setInspection] = useState<Inspection | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping>({})
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  /** With several routers: the router chosen for each area's rows that name none. */
  const [routerForArea, setRouterForArea] = useState<Record<string, number>>({})
  const [result, setResult] = useState<ImportSummary | null>(null)
  const [error, setError] = useState<unknown>(null)

  const inspect = useMutation(trpc.imports.inspect.mutationOptions())
  const preview = useMutation(trpc.imports.preview.mutationOptions())
  const commit = useMutation(trpc.imports.commit.mutationOptions())
  const busy = reading || inspect.isPending || preview.isPending || commit.isPending

  const clearResults = () => {
    setInspection(null)
    setRouterForArea({})
    setSummary(null)
    setResult(null)
    setError(null)
  }

  const check = (f: File | null, k: ImportKind) => setFileError((f && fileProblem(f, k)) || null)

  const setKind = (next: ImportKind) => {
    setKindState(next)
    clearResults()
    check(file, next)
  }

  const setFile = (next: File | null) => {
    setFileState(next)
    setUpload(null)
    clearResults()
    check(next, kind)
  }

  /** The file's content, read on the first step that needs it. */
  const content = async (): Promise<Upload | null> => {
    if (upload) return upload
    if (!file) {
      setFileError({ key: 'importWizard.fileRequired' })
      return null
    }
    const problem = fileProblem(file, kind)
    if (problem) {
      setFileError(problem)
      return null
    }
    setReading(true)
    try {
      const read = { fileName: file.name, contentBase64: await readBase64(file) }
      setUpload(read)
      return read
    } catch {
      setFileError({ key: 'importWizard.fileReadFailed' })
      return null
    } finally {
      setReading(false)
    }
  }

  const runPreview = async (
    input: Upload,
    chosen?: ColumnMapping,
    routers: Record<string, number> = routerForArea,
  ) => {
    const answer = await preview.mutateAsync({
      ...input,
      kind,
      mapping: chosen,
      routerForArea: routers,
    })
    setSummary(answer)
    setStep('preview')
  }

  /** "Lanjut" on the first step: the mapping step, or straight to the preview for a workbook. */
  const fromFile = async () => {
    setError(null)
    const input = await content()
    if (!input) return
    try {
      if (kind === 'workbook') {
        await runPreview(input)
      } else {
        const answer = await inspect.mutateAsync({ ...input, kind })
        setInspection(answer)
        setMapping(answer.mapping)
        setStep('mapping')
      }
    } catch (e) {
      setError(e)
    }
  }

  const fromMapping = async () => {
    setError(null)
    if (!upload) return
    try {
      await runPreview(upload, mapping)
    } catch (e) {
      setError(e)
    }
  }

  /** A router picked for an area: the preview is asked again (its counts and the rule). */
  const setRouterFor = async (areaCode: string, routerId: number) => {
    if (!upload) return
    const next = { ...routerForArea, [areaCode]: routerId }
    setRouterForArea(next)
    setError(null)
    try {
      await runPreview(upload, kind === 'workbook' ? undefined : mapping, next)
    } catch (e) {
      setError(e)
    }
  }

  const commitNow = async () => {
    setError(null)
    if (!upload) return
    try {
      const answer = await commit.mutateAsync({
        ...upload,
        kind,
        mapping: kind === 'workbook' ? undefined : mapping,
        routerForArea,
      })
      setResult(answer)
      setStep('done')
      refreshCatalog()
      notifications.show({
        color: 'teal',
        message: t('importWizard.doneNotice', { fileName: answer.fileName }),
      })
    } catch (e) {
      // The data changed since the preview: show the rows the API now refuses.
      const rows = rowErrorsOf(e)
      if (rows && summary) setSummary({ ...summary, errors: rows })
      setError(e)
    }
  }

  const goTo = (next: WizardStep) => {
    setError(null)
    setStep(next)
  }

  const startOver = () => {
    setFile(null)
    setStep('file')
  }

  return {
    step,
    kind,
    file,
    fileError,
    inspection,
    mapping,
    summary,
    result,
    error,
    busy,
    committing: commit.isPending,
    setKind,
    setFile,
    setMappingOf: (field: string, index: number | null) =>
      setMapping((m) => ({ ...m, [field]: index })),
    fromFile,
    fromMapping,
    setRouterFor,
    commitNow,
    goTo,
    startOver,
  }
}

export type ImportWizard = ReturnType<typeof useImportWizard>
