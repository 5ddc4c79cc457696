import { isAppError, messageKeyOf, type ErrorCode } from '@shared/errors'
import { enMessages } from '@shared/messages/en'
import { idMessages } from '@shared/messages/id'

/** With --json every command prints exactly one JSON object; otherwise readable lines. */
export interface Output {
  json: boolean
  result(value: Record<string, unknown>, human: string): void
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      console.log(json ? JSON.stringify(value) : human)
    },
  }
}

/** Indonesian unless LOKET_LANG=en: the same sentences the UI shows. */
function messages() {
  return process.env.LOKET_LANG === 'en' ? enMessages : idMessages
}

function translate(key: string, values: Record<string, unknown> = {}): string {
  const [group, name] = key.split('.') as [string, string]
  const table = messages()[group as 'errors' | 'validation'] as Record<string, string> | undefined
  const vars: Record<string, unknown> = { min: 10, minutes: 15, ...values }
  return (table?.[name] ?? key).replace(/\{\{(\w+)\}\}/g, (whole, v: string) =>
    v in vars ? String(vars[v]) : whole,
  )
}

/**
 * An error as an operator reads it: the translated sentence, the field problems of a validation
 * error, and the technical detail after it. --json carries the code and messageKey as the API does.
 */
export function reportError(error: unknown, json: boolean): void {
  const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL'
  const detail = error instanceof Error ? error.message : String(error)
  const details = isAppError(error) ? error.details : undefined
  const issues = (details?.issues ?? []) as { path: string; message: string }[]
  const lines = issues.map((i) => `  ${i.path}: ${translate(i.message)}`)
  const message = translate(messageKeyOf(code), details)
  if (json) {
    console.log(
      JSON.stringify({
        ok: false,
        error: { code, messageKey: messageKeyOf(code), message, detail, details },
      }),
    )
  } else {
    console.error(
      [`${message} (${code})`, ...lines, issues.length ? '' : `  ${detail}`].join('\n').trimEnd(),
    )
  }
}
