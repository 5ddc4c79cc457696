import type { z } from 'zod'
import { AppError, isAppError } from '@shared/errors'

/**
 * Validation errors of the command line, tied to the option to fix. Every problem is an issue
 * `{ option, path, message }`: `option` is what the operator typed (`--amount`), `path` the
 * field of the shared schema, `message` an i18n key (`validation.*`, `cli.*`). The human output
 * prints "--amount: Masukkan jumlah rupiah bulat…"; --json keeps the issues as they are.
 */
export interface CliIssue {
  option: string | null
  path: string | (string | number)[]
  message: string
  values?: Record<string, unknown>
}

/** An option the command cannot run without, or whose value it cannot read. */
export function optionError(
  option: string,
  messageKey: string,
  values?: Record<string, unknown>,
): AppError {
  const issue: CliIssue = { option: `--${option}`, path: option, message: messageKey, values }
  return new AppError('VALIDATION', `--${option}: ${messageKey}`, { option, issues: [issue] })
}

/** A word after the command that is missing or wrong: the FILE to import, the router NAME. */
export function argumentError(
  name: string,
  messageKey: string,
  values?: Record<string, unknown>,
): AppError {
  const issue: CliIssue = { option: name, path: name, message: messageKey, values }
  return new AppError('VALIDATION', `${name}: ${messageKey}`, { option: name, issues: [issue] })
}

/** A shared schema refused what the options gave it: each problem becomes an issue. */
export function schemaError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  return new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
    issues,
  })
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

/**
 * The option behind a schema field: the command's own map first (`customerId` → `customer`),
 * else the field's name in kebab case when the command has such an option (`amount`).
 */
export function optionOf(
  path: CliIssue['path'],
  command: { options?: Record<string, string>; stringOptions?: string[] },
): string | null {
  const parts = (Array.isArray(path) ? path : path.split('.')).map(String)
  const full = parts.join('.')
  const last = parts.at(-1) ?? ''
  const mapped = command.options?.[full] ?? command.options?.[last]
  if (mapped) return `--${mapped}`
  const guess = kebab(last)
  return command.stringOptions?.includes(guess) ? `--${guess}` : null
}

/** The issues of a validation error, each with the option to fix where one can be named. */
export function cliIssues(
  error: unknown,
  command: { options?: Record<string, string>; stringOptions?: string[] },
): CliIssue[] {
  if (!isAppError(error) || error.code !== 'VALIDATION') return []
  const details = error.details ?? {}
  const issues = (details.issues ?? []) as CliIssue[]
  if (issues.length) {
    return issues.map((i) => ({ ...i, option: i.option ?? optionOf(i.path, command) }))
  }
  // An older throw site: one option and an English sentence.
  const option = typeof details.option === 'string' ? details.option : null
  return [{ option: option && `--${option}`, path: option ?? '', message: error.message }]
}
