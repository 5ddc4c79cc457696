import type { TFunction } from 'i18next'
import { ERROR_CODES, type ErrorCode } from '@shared/errors'
import { formatRupiah } from '@shared/money'

/** An API error as the UI sees it; NETWORK is ours: the server could not be reached at all. */
export type UiErrorCode = ErrorCode | 'NETWORK'

export interface UiError {
  code: UiErrorCode
  details: Record<string, unknown>
}

export interface ValidationIssue {
  path: string[]
  message: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** Reads `data.error` (`{code, messageKey, details}`) off a TRPCClientError, whatever the link. */
export function uiErrorOf(error: unknown): UiError {
  const payload = isObject(error) && isObject(error.data) ? error.data.error : undefined
  if (isObject(payload) && isErrorCode(payload.code)) {
    return { code: payload.code, details: isObject(payload.details) ? payload.details : {} }
  }
  // No payload: the request never got an answer from our API (host down, cable out, proxy page).
  return { code: isObject(error) && isObject(error.data) ? 'INTERNAL' : 'NETWORK', details: {} }
}

export function errorCodeOf(error: unknown): UiErrorCode {
  return uiErrorOf(error).code
}

/** The translated sentence for an API error, with the numbers some codes carry. */
export function errorMessage(t: TFunction, error: unknown): string {
  const { code, details } = uiErrorOf(error)
  if (code === 'AUTH_LOCKED') {
    const seconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 900
    return t('errors.AUTH_LOCKED', { minutes: Math.max(1, Math.ceil(seconds / 60)) })
  }
  // A spreadsheet that cannot be read as a whole names its own `import.*` text (core/imports).
  const key = details.messageKey
  if (code === 'VALIDATION' && typeof key === 'string' && key.startsWith('import.')) {
    return t(key, {
      ...(isObject(details.params) ? details.params : {}),
      defaultValue: t(`errors.${code}`),
    })
  }
  return t(`errors.${code}`, moneyParams(details))
}

// The amounts some errors carry (minimum payment, amount due, what may still be credited).
const MONEY_DETAILS = ['min', 'due', 'max'] as const

/** Error details as interpolation values: rupiah amounts formatted, texts as they are. */
function moneyParams(details: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'number') {
      params[key] = (MONEY_DETAILS as readonly string[]).includes(key)
        ? formatRupiah(value)
        : String(value)
    } else if (typeof value === 'string') params[key] = value
  }
  return params
}

/** Field-level problems of a VALIDATION error (zod issues whose messages are i18n keys). */
export function validationIssues(error: unknown): ValidationIssue[] {
  const { code, details } = uiErrorOf(error)
  if (code !== 'VALIDATION' || !Array.isArray(details.issues)) return []
  return details.issues.flatMap((issue: unknown) =>
    isObject(issue) && Array.isArray(issue.path) && typeof issue.message === 'string'
      ? [{ path: issue.path.map(String), message: issue.message }]
      : [],
  )
}

/**
 * Translates a zod message. Shared schemas use `validation.*` keys; a few limits in them still
 * carry zod's own English text, which is shown as a generic "invalid" instead.
 */
export function validationMessage(t: TFunction, message: string): string {
  return message.startsWith('validation.') || message.startsWith('errors.')
    ? t(message)
    : t('validation.invalid')
}
