import type { ChannelInput } from '@shared/schemas'
import type { ChannelProvider, MessageChannel } from '@shared/messaging'
import type { MessageChannelsTable } from '../db'
import type { SecretBox } from '../secrets'

/** What is sealed in `config_sealed`, per provider: settings and secrets together. */
export type ChannelConfig =
  | { provider: 'fonnte'; token: string; baseUrl: string }
  | { provider: 'wablas'; token: string; baseUrl: string }
  | {
      provider: 'url'
      templateUrl: string
      method: 'GET' | 'POST'
      bodyTemplate: string
      bodyType: 'form' | 'json' | 'text'
      token: string
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
    }

export function kindOf(provider: ChannelProvider): MessageChannel {
  return provider === 'smtp' ? 'email' : 'whatsapp'
}

/** The config a form's input describes; `previous` supplies a secret the form left empty. */
export function configFromInput(
  input: ChannelInput,
  previous: ChannelConfig | null,
): ChannelConfig {
  const keep = (key: 'token' | 'password', given: string) => {
    if (given) return given
    if (previous && previous.provider === input.provider && key in previous)
      return (previous as Record<string, unknown>)[key] as string
    return ''
  }
  switch (input.provider) {
    case 'fonnte':
    case 'wablas':
      return {
        provider: input.provider,
        token: keep('token', input.token),
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
      }
    case 'url':
      return {
        provider: 'url',
        templateUrl: input.templateUrl,
        method: input.method,
        bodyTemplate: input.method === 'POST' ? input.bodyTemplate : '',
        bodyType: input.bodyType,
        token: keep('token', input.token),
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
        password: input.user ? keep('password', input.password) : '',
        from: input.from,
      }
  }
}

export function sealConfig(secrets: SecretBox, config: ChannelConfig): string {
  return secrets.seal(JSON.stringify(config))
}

export function openConfig(secrets: SecretBox, sealed: string): ChannelConfig {
  return JSON.parse(secrets.open(sealed)) as ChannelConfig
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
