import { isAppError } from '@shared/errors'
import { idMessages } from '@shared/messages/id'

/**
 * What a failed run's error column says: the operator's Indonesian sentence for a coded error
 * (the same words the UI and CLI use), then the technical detail that helps whoever fixes it.
 */
export function errorText(error: unknown): string {
  if (isAppError(error)) {
    const template = (idMessages.errors as Record<string, string>)[error.code] ?? error.code
    const values = error.details ?? {}
    const sentence = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    )
    const detail = error.message && error.message !== error.code ? `: ${error.message}` : ''
    return `${sentence} (${error.code}${detail})`.slice(0, 2000)
  }
  const text = error instanceof Error ? error.message || error.name : String(error)
  return text.slice(0, 2000)
}
