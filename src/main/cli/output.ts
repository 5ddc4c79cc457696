import { isAppError, messageKeyOf, type ErrorCode } from '@shared/errors'
import { translateEn, translateId } from '@shared/messages/translate'
import { MIN_PASSWORD_LENGTH } from '@shared/password-policy'
import type { ImportRowError } from '@shared/schemas'
import { describeImportError } from './import-commands'
import { cliIssues, type CliIssue } from './option-errors'
import { count } from './words'

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
function translate(key: string, values: Record<string, unknown> = {}): string {
  const t = process.env.LOKET_LANG === 'en' ? translateEn : translateId
  return t(key, { min: MIN_PASSWORD_LENGTH, minutes: 15, ...values })
}

const ROWS_SHOWN = 20

/** "--amount: Masukkan jumlah rupiah bulat, misalnya 150000." */
function issueLine(issue: CliIssue): string {
  const where = issue.option ?? (Array.isArray(issue.path) ? issue.path.join('.') : issue.path)
  const text = translate(issue.message, issue.values)
  return where ? `  ${where}: ${text}` : `  ${text}`
}

/**
 * An error as an operator reads it: for a validation error, the options to fix and what is
 * wrong with each; otherwise the translated sentence and the technical detail after it. --json
 * carries the code, the messageKey and, for validation, the issues with their `option`.
 */
export function reportError(
  error: unknown,
  json: boolean,
  command: { options?: Record<string, string>; stringOptions?: string[] } = {},
): void {
  const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL'
  const detail = error instanceof Error ? error.message : String(error)
  const details = isAppError(error) ? error.details : undefined
  const issues = cliIssues(error, command)
  const messageKey = issues.length ? 'cli.VALIDATION' : messageKeyOf(code)
  const message = translate(messageKey, details)
  if (json) {
    const withOptions = issues.length ? { ...details, issues } : details
    console.log(
      JSON.stringify({
        ok: false,
        error: { code, messageKey, message, detail, details: withOptions },
      }),
    )
  } else if (issues.length) {
    console.error([message, ...issues.map(issueLine)].join('\n'))
  } else if (code === 'IMPORT_HAS_ERRORS' && Array.isArray(details?.errors)) {
    // The rows to fix, as the import screen lists them, not "2 problem(s) in demo-data:2:1500".
    const rows = details.errors as ImportRowError[]
    const shown = rows.slice(0, ROWS_SHOWN).map((e) => `  ${describeImportError(e)}`)
    const more = rows.length > ROWS_SHOWN ? [`  … +${count(rows.length - ROWS_SHOWN)}`] : []
    console.error([message, ...shown, ...more].join('\n'))
  } else {
    console.error([`${message} (${code})`, `  ${detail}`].join('\n'))
  }
}
