import { isAppError } from '@shared/errors'

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

export function reportError(error: unknown, json: boolean): void {
  const code = isAppError(error) ? error.code : 'INTERNAL'
  const message = error instanceof Error ? error.message : String(error)
  const details = isAppError(error) ? error.details : undefined
  if (json) console.log(JSON.stringify({ ok: false, error: { code, message, details } }))
  else console.error(`Error (${code}): ${message}`)
}
