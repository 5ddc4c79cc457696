import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { modeSettingsSchema, type ModeSettings } from '@shared/schemas'

/** Beside the database, not in it: a client has no database to keep its own mode in. */
export const MODE_FILE = 'mode.json'

export type ModeFileRead =
  | { settings: ModeSettings; problem: null }
  /**
   * The file exists but cannot be used. The desktop then starts as a host (its own data stays
   * safe and the owner can fix the mode on Pengaturan → Mode) and says why.
   */
  | { settings: { mode: 'host' }; problem: string }

export function modeFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), MODE_FILE)
}

/** No file is the ordinary case: every Loket is a host until it is made a client. */
export function readModeFile(dataDir: string): ModeFileRead {
  const file = modeFilePath(dataDir)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      return { settings: { mode: 'host' }, problem: null }
    }
    return fallback(file, `cannot be read (${(error as Error).message})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fallback(file, 'is not valid JSON')
  }
  const parsed = modeSettingsSchema.safeParse(json)
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || 'mode').join(', ')
    return fallback(file, `has an invalid value (${where})`)
  }
  return { settings: parsed.data, problem: null }
}

function fallback(file: string, why: string): ModeFileRead {
  return {
    settings: { mode: 'host' },
    problem:
      `${file} ${why}. Loket started as a host (this PC's own data). ` +
      'Set the mode again on Pengaturan → Mode, or delete the file.',
  }
}

/**
 * Written whole or not at all: a crash mid-write must not leave half a file that turns the next
 * start into a fallback. The temp file sits in the same folder so the rename is atomic.
 */
export function writeModeFile(dataDir: string, settings: ModeSettings): ModeSettings {
  const valid = modeSettingsSchema.parse(settings)
  const file = modeFilePath(dataDir)
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 })
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  return valid
}
