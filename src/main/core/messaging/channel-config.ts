import type { ChannelInput } from '@shared/schemas'
import type { ChannelProvider, MessageChannel } from '@shared/messaging'
import type { MessageChannelsTable } from '../db'
import { AppError } from '@shared/errors'
import { channelDestination } from '@shared/secret-destination'
import type { SecretBox } from '../secrets'

/**
 * What is sealed in `config_sealed`, per provider: settings and secrets together. `secretFor` is
 * the destination the token or password was entered for (@shared/secret-destination): a saved
 * secret is only ever sent there. Configs sealed before it existed are bound when read.
 */
export type ChannelConfig =
  | { provider: 'fonnte'; token: string; baseUrl: string; secretFor?: string }
  | { provider: 'wablas'; token: string; baseUrl: string; secretFor?: string }
  | {
      provider: 'url'
      templateUrl: string
      method: 'GET' | 'POST'
      bodyTemplate: string
      bodyType: 'form' | 'json' | 'text'
      token: string
      secretFor?: string
    }
  | { provider: 'baileys' }
  | {
      provider: 'smtp'
      host: string
      port: number
      secure: boolean
      user: string
      password: string
      from: string
      secretFor?: string
    }

/** Where this config sends its secret (null: baileys has none). */
export function destinationOf(config: ChannelConfig): string | null {
  return channelDestination(config.provider, publicSettings(config))
}

/** The token or password of a config, '' when it has none. */
export function secretOf(config: ChannelConfig): string {
  if ('token' in config) return config.token
  if (config.provider === 'smtp') return config.password
  return ''
}

/** The secret may go where the config points: it was entered for that destination. */
export function secretBoundHere(config: ChannelConfig): boolean {
  if (!secretOf(config) || !('secretFor' in config)) return true
  return config.secretFor === destinationOf(config)
}

export function kindOf(provider: ChannelProvider): MessageChannel {
  return provider === 'smtp' ? 'email' : 'whatsapp'
}

/**
 * The config a form's input describes. `previous` supplies a secret the form left empty, but only
 * for the destination it was saved for: a form that changes the address, port or URL and keeps
 * the saved secret is refused with "enter it again" next to the field.
 */
export function configFromInput(
  input: ChannelInput,
  previous: ChannelConfig | null,
): ChannelConfig {
  const config = settingsFromInput(input)
  const destination = destinationOf(config)
  if (destination === null) return config
  const key = 'token' in config ? 'token' : 'password'
  const given = secretOf(config)
  let secret = given
  if (!given && previous && previous.provider === input.provider) {
    const saved = secretOf(previous)
    const savedFor = 'secretFor' in previous ? previous.secretFor : undefined
    // A login-less SMTP server needs no password: nothing is kept, nothing is sent.
    const wanted = config.provider !== 'smtp' || config.user !== ''
    if (saved && wanted) {
      if ((savedFor ?? destinationOf(previous)) !== destination) {
        throw new AppError('VALIDATION', 'destination changed: enter the secret again', {
          issues: [{ path: [key], message: `validation.${key}_destination_changed` }],
        })
      }
      secret = saved
    }
  }
  return { ...config, [key]: secret, secretFor: destination } as ChannelConfig
}

/** The input's settings, with the secret as typed ('' when left empty). */
function settingsFromInput(input: ChannelInput): ChannelConfig {
  switch (input.provider) {
    case 'fonnte':
    case 'wablas':
      return {
        provider: input.provider,
        token: input.token,
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
      }
    case 'url':
      return {
        provider: 'url',
        templateUrl: input.templateUrl,
        method: input.method,
        bodyTemplate: input.method === 'POST' ? input.bodyTemplate : '',
        bodyType: input.bodyType,
        token: input.token,
      }
    case 'baileys':
      return { provider: 'baileys' }
    case 'smtp':
      return {
        provider: 'smtp',
        host: input.host,
        port: input.port,
        secure: input.secure,
        user: input.user,
        password: input.user ? input.password : '',
        from: input.from,
      }
  }
}

export function sealConfig(secrets: SecretBox, config: ChannelConfig): string {
  return secrets.seal(JSON.stringify(config))
}

/**
 * The stored config. One sealed before secrets were bound is bound now to the destination it was
 * sealed with (the seal covers settings and secret together, so that is where it was saved for).
 */
export function openConfig(secrets: SecretBox, sealed: string): ChannelConfig {
  const config = JSON.parse(secrets.open(sealed)) as ChannelConfig
  if (config.provider === 'baileys' || config.secretFor !== undefined) return config
  return { ...config, secretFor: destinationOf(config) ?? '' }
}

/** The settings that may be shown and audited: everything but tokens and passwords. */
export function publicSettings(config: ChannelConfig) {
  switch (config.provider) {
    case 'fonnte':
    case 'wablas':
      return { baseUrl: config.baseUrl }
    case 'url':
      return {
        templateUrl: config.templateUrl,
        method: config.method,
        bodyTemplate: config.bodyTemplate,
        bodyType: config.bodyType,
      }
    case 'baileys':
      return {}
    case 'smtp':
      return {
        host: config.host,
        port: config.port,
        secure: config.secure,
        user: config.user,
        from: config.from,
      }
  }
}

export interface ChannelSettings {
  baseUrl?: string
  templateUrl?: string
  method?: 'GET' | 'POST'
  bodyTemplate?: string
  bodyType?: 'form' | 'json' | 'text'
  host?: string
  port?: number
  secure?: boolean
  user?: string
  from?: string
}

/** A channel as lists, forms and the CLI show it. */
export interface ChannelView {
  id: number
  kind: MessageChannel
  provider: ChannelProvider
  settings: ChannelSettings
  hasToken: boolean
  hasPassword: boolean
  enabled: boolean
  ratePerMinute: number
  status: 'unknown' | 'ok' | 'error'
  statusDetail: string | null
  checkedAt: string | null
  updatedAt: string
  /** The stored config cannot be opened (a database moved without its data dir's key). */
  unreadable: boolean
}

type ChannelRow = Pick<
  MessageChannelsTable,
  | 'kind'
  | 'provider'
  | 'config_sealed'
  | 'rate_per_minute'
  | 'status_detail'
  | 'checked_at'
  | 'created_at'
  | 'updated_at'
> & { id: number; enabled: number; status: 'unknown' | 'ok' | 'error' }

export function channelView(secrets: SecretBox, row: ChannelRow): ChannelView {
  let config: ChannelConfig | null
  try {
    config = openConfig(secrets, row.config_sealed)
  } catch {
    config = null
  }
  return {
    id: row.id,
    kind: row.kind,
    provider: row.provider,
    settings: config ? publicSettings(config) : {},
    hasToken: !!config && 'token' in config && !!config.token,
    hasPassword: !!config && config.provider === 'smtp' && !!config.password,
    enabled: row.enabled === 1,
    ratePerMinute: row.rate_per_minute,
    status: row.status,
    statusDetail: row.status_detail,
    checkedAt: row.checked_at,
    updatedAt: row.updated_at,
    unreadable: config === null,
  }
}
