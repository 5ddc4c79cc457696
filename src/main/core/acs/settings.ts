import { z } from 'zod'
import { AppError } from '@shared/errors'
import type { AcsSettingsInput } from '@shared/schemas'
import { baseUrlDestination } from '@shared/secret-destination'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { SecretDestinationError } from '../secrets'
import { readSettings, writeSettings } from '../settings'
import { acsAppError } from './errors'
import { countDevices, type NbiTarget } from './nbi-client'

export const ACS_SETTINGS_KEY = 'acs'

/** What ACS calls take beyond the core: how long to wait for the NBI (tests shorten it). */
export interface AcsDeps extends CoreDeps {
  acsTimeoutMs?: number
}

/**
 * A reboot with a connection request may keep GenieACS busy while the CPE opens its session;
 * lookups answer from its database at once.
 */
export const ACS_TIMEOUT_MS = 20_000

interface Stored {
  url: string
  username: string
  /** Sealed for `url` (baseUrlDestination): never sent to another NBI. */
  passwordSealed: string | null
}

const storedSchema = z.object({
  url: z.string(),
  username: z.string(),
  passwordSealed: z.string().nullable(),
})
const EMPTY: Stored = { url: '', username: '', passwordSealed: null }

const readStored = (deps: Pick<CoreDeps, 'db'>, companyId: number) =>
  readSettings<Stored>(deps.db, companyId, ACS_SETTINGS_KEY, storedSchema, EMPTY)

/** What the settings form and the CLI show: never the password. */
export async function getAcsSettings(deps: Pick<CoreDeps, 'db'>, companyId: number) {
  const s = await readStored(deps, companyId)
  return {
    url: s.url,
    username: s.username,
    hasPassword: s.passwordSealed !== null,
    configured: s.url !== '',
  }
}
export type AcsSettingsView = Awaited<ReturnType<typeof getAcsSettings>>

function retypePassword(): AppError {
  return new AppError('VALIDATION', 'NBI address changed: enter the password again', {
    issues: [{ path: ['password'], message: 'validation.password_destination_changed' }],
  })
}

/**
 * The password the form's values mean: the typed one, or the saved one when the form left it
 * empty, and then only for the URL it was saved for. No user name: no password at all.
 */
function passwordFor(deps: CoreDeps, saved: Stored, input: AcsSettingsInput): string {
  if (!input.username) return ''
  if (input.password) return input.password
  if (!saved.passwordSealed) return ''
  const destination = baseUrlDestination(input.url)
  if (baseUrlDestination(saved.url) !== destination) throw retypePassword()
  return openPassword(deps, saved.passwordSealed, destination)
}

function openPassword(deps: CoreDeps, sealed: string, destination: string): string {
  try {
    return deps.secrets.openFor(sealed, destination)
  } catch (error) {
    if (error instanceof SecretDestinationError)
      throw new AppError('SECRET_DESTINATION_CHANGED', 'NBI password saved for another URL', {
        host: destination,
      })
    throw error
  }
}

export async function saveAcsSettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: AcsSettingsInput,
): Promise<AcsSettingsView> {
  const saved = await readStored(deps, actor.companyId)
  const password = passwordFor(deps, saved, input)
  const url = input.url.replace(/\/+$/, '')
  const next: Stored = {
    url,
    username: input.username,
    passwordSealed: password ? deps.secrets.sealFor(password, baseUrlDestination(url)) : null,
  }
  await writeTx(deps.db, async (tx) => {
    const at = deps.clock.now().toISOString()
    await writeSettings(tx, actor.companyId, ACS_SETTINGS_KEY, next, at)
    await appendAudit(tx, deps.clock, actor, {
      action: 'acs.settings',
      entityType: 'company',
      entityId: actor.companyId,
      before: { url: saved.url, username: saved.username },
      after: { url, username: input.username, password_changed: input.password !== '' },
    })
  })
  return getAcsSettings(deps, actor.companyId)
}

/** Where the company's NBI calls go, with the saved password opened for that URL only. */
export async function nbiTarget(deps: AcsDeps, companyId: number): Promise<NbiTarget> {
  const s = await readStored(deps, companyId)
  if (!s.url) throw new AppError('ACS_NOT_SET')
  return {
    url: s.url,
    username: s.username,
    password: s.passwordSealed
      ? openPassword(deps, s.passwordSealed, baseUrlDestination(s.url))
      : '',
    timeoutMs: deps.acsTimeoutMs ?? ACS_TIMEOUT_MS,
  }
}

/**
 * "Test connection": the form's values (the saved password for an empty field, same URL only)
 * or, without input, the saved settings. Answers how many devices the ACS knows.
 */
export async function testAcs(
  deps: AcsDeps,
  companyId: number,
  input: AcsSettingsInput | null,
): Promise<{ devices: number }> {
  let target: NbiTarget
  if (input) {
    const saved = await readStored(deps, companyId)
    target = {
      url: input.url.replace(/\/+$/, ''),
      username: input.username,
      password: passwordFor(deps, saved, input),
      timeoutMs: deps.acsTimeoutMs ?? ACS_TIMEOUT_MS,
    }
  } else target = await nbiTarget(deps, companyId)
  try {
    return { devices: await countDevices(target) }
  } catch (error) {
    throw acsAppError(error, target)
  }
}
