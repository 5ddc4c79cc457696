import { useCallback, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { UiErrorCode } from '../api/errors'
import { uiErrorOf, validationIssues, validationMessage } from '../api/errors'

/** Where an issue path (`company.name`, `security.sessionIdleMinutes`) lands in this form. */
export type PathMapper = (path: string) => string | null

type Errors = Record<string, string>

/**
 * Form state for the shared zod schemas: values, per-field error keys (translated at render,
 * so switching language re-translates them), and the server error that belongs to no field.
 */
export function useFormState<T extends object>(initial: T) {
  const { t } = useTranslation()
  const [values, setValues] = useState<T>(initial)
  const [errors, setErrors] = useState<Errors>({})
  const [serverError, setServerError] = useState<unknown>(null)

  const setValue = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => {
      if (!(key in e)) return e
      const { [key]: _dropped, ...rest } = e
      return rest
    })
  }, [])

  const errorOf = (key: string): string | undefined => {
    const message = errors[key]
    return message ? validationMessage(t, message) : undefined
  }

  /** Props for a text input bound to a string field. */
  const text = (key: keyof T & string) => ({
    value: String(values[key] ?? ''),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValue(key, e.currentTarget.value as T[typeof key]),
    error: errorOf(key),
  })

  /** Props for a DateField or MonthField bound to a `YYYY-MM-DD` / `YYYY-MM` string field. */
  const date = (key: keyof T & string) => ({
    value: String(values[key] ?? ''),
    onChange: (value: string) => setValue(key, value as T[typeof key]),
    error: errorOf(key),
  })

  /** Props for a Mantine Select bound to a string field ('' when nothing is chosen). */
  const select = (key: keyof T & string) => ({
    value: String(values[key] ?? '') || null,
    onChange: (value: string | null) => setValue(key, (value ?? '') as T[typeof key]),
    error: errorOf(key),
  })

  const issuesToErrors = (issues: { path: string[]; message: string }[], map?: PathMapper) => {
    const next: Errors = {}
    for (const issue of issues) {
      const joined = issue.path.join('.')
      const field = map ? map(joined) : joined
      if (field !== null && !next[field]) next[field] = issue.message
    }
    return next
  }

  /** Checks `input` against the schema; shows the problems under their fields. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown, map?: PathMapper): boolean => {
    setServerError(null)
    const result = schema.safeParse(input)
    if (result.success) return true
    setErrors(
      issuesToErrors(
        result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        map,
      ),
    )
    return false
  }

  /**
   * Puts a server error where it belongs: zod issues under their fields, the codes listed in
   * `codeFields` under one field, anything else above the buttons.
   */
  const showServerError = (
    error: unknown,
    codeFields: Partial<Record<UiErrorCode, string>> = {},
    map?: PathMapper,
  ): void => {
    const issues = validationIssues(error)
    const mapped = issuesToErrors(issues, map)
    if (Object.keys(mapped).length) {
      setErrors(mapped)
      setServerError(null)
      return
    }
    const field = codeFields[uiErrorOf(error).code]
    if (field) {
      setErrors({ [field]: `errors.${uiErrorOf(error).code}` })
      setServerError(null)
      return
    }
    setServerError(error)
  }

  const setFieldError = (key: string, messageKey: string) =>
    setErrors((e) => ({ ...e, [key]: messageKey }))

  const reset = (next: T) => {
    setValues(next)
    setErrors({})
    setServerError(null)
  }

  return {
    values,
    setValue,
    text,
    date,
    select,
    errorOf,
    validate,
    showServerError,
    serverError,
    setFieldError,
    setErrors,
    reset,
  }
}

export type FormState<T extends object> = ReturnType<typeof useFormState<T>>
