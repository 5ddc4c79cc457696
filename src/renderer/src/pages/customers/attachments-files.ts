import type { TFunction } from 'i18next'
import type { inferRouterInputs } from '@trpc/server'
import type { AppRouter } from '@api/router'
import { baseFileName } from '@shared/text'
import type { RouterOutputs } from '../../session/session'

export type AttachmentRow = RouterOutputs['customers']['attachments'][number]
type AttachInput = inferRouterInputs<AppRouter>['customers']['attach']
export type AttachmentKind = AttachInput['kind']
type AttachmentMime = AttachInput['mime']

export const ATTACHMENT_KINDS = ['ktp', 'foto', 'dokumen'] as const satisfies AttachmentKind[]

/**
 * The same list and limit as the server (core/customers/attachments), which the renderer may
 * not import; the server still checks the bytes, this only saves a 10 MB upload that would fail.
 */
const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const satisfies AttachmentMime[]
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',')
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
/** The API's limit on a file name. */
const MAX_NAME_LENGTH = 200

export function isAttachmentType(mime: string): mime is AttachmentMime {
  return (ATTACHMENT_TYPES as readonly string[]).includes(mime)
}

export function isImage(mime: string): boolean {
  return mime.startsWith('image/')
}

/** The `validation.*` key that refuses this file before it is sent, or null. */
export function fileProblem(file: { type: string; size: number }): string | null {
  if (!isAttachmentType(file.type)) return 'validation.file_type'
  if (file.size === 0 || file.size > MAX_ATTACHMENT_BYTES) return 'validation.file_size'
  return null
}

/** A long camera or scanner name, shortened to the API's limit with its extension kept. */
export function uploadName(name: string): string {
  // The server keeps the base name only, without control characters: send it that way.
  const trimmed = baseFileName(name) || 'berkas'
  if (trimmed.length <= MAX_NAME_LENGTH) return trimmed
  const dot = trimmed.lastIndexOf('.')
  const ext = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : ''
  return trimmed.slice(0, MAX_NAME_LENGTH - ext.length) + ext
}

/** 532 480 → "520 KB", 1 572 864 → "1,5 MB" (in the chosen language's number format). */
export function sizeText(t: TFunction, bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  if (bytes < 1024 * 1024) {
    return t('attachments.sizeKb', { size: number.format(Math.max(1, Math.round(bytes / 1024))) })
  }
  return t('attachments.sizeMb', { size: number.format(bytes / (1024 * 1024)) })
}

/** The file as base64, the way the API takes it (inside the JSON call). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    // A data URL: "data:<type>;base64,<content>".
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'))
    reader.readAsDataURL(file)
  })
}

export { base64Blob, saveBlob } from '../../files/base64-files'
