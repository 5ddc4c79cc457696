import {
  DEFAULT_RATE_PER_MINUTE,
  type ChannelProvider,
  type MessageChannel,
} from '@shared/messaging'
import type { RouterOutputs } from '../../session/session'

export type ChannelList = RouterOutputs['channels']['list']
export type ChannelRow = NonNullable<ChannelList['whatsapp']>

/** Every field of every provider, as the form holds them (strings where the user types). */
export interface ChannelFormValues {
  provider: ChannelProvider
  token: string
  baseUrl: string
  templateUrl: string
  method: 'GET' | 'POST'
  bodyTemplate: string
  bodyType: 'form' | 'json' | 'text'
  host: string
  port: number
  secure: boolean
  user: string
  password: string
  from: string
  ratePerMinute: number
  enabled: boolean
}

export const FONNTE_BASE_URL = 'https://api.fonnte.com'

export function initialValues(kind: MessageChannel, row: ChannelRow | null): ChannelFormValues {
  const s = row?.settings ?? {}
  const provider: ChannelProvider = row?.provider ?? (kind === 'email' ? 'smtp' : 'fonnte')
  return {
    provider,
    token: '',
    baseUrl: s.baseUrl ?? (provider === 'fonnte' ? FONNTE_BASE_URL : ''),
    templateUrl: s.templateUrl ?? '',
    method: s.method ?? 'GET',
    bodyTemplate: s.bodyTemplate ?? '',
    bodyType: s.bodyType ?? 'form',
    host: s.host ?? '',
    port: s.port ?? 587,
    secure: s.secure ?? false,
    user: s.user ?? '',
    password: '',
    from: s.from ?? '',
    ratePerMinute: row?.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
    enabled: row?.enabled ?? true,
  }
}

/** The API's input for the chosen provider: only its own fields travel. */
export function channelInputOf(v: ChannelFormValues) {
  const common = { enabled: v.enabled, ratePerMinute: v.ratePerMinute }
  switch (v.provider) {
    case 'fonnte':
    case 'wablas':
      return { provider: v.provider, token: v.token, baseUrl: v.baseUrl, ...common }
    case 'url':
      return {
        provider: v.provider,
        templateUrl: v.templateUrl,
        method: v.method,
        bodyTemplate: v.method === 'POST' ? v.bodyTemplate : '',
        bodyType: v.bodyType,
        token: v.token,
        ...common,
      }
    case 'baileys':
      return { provider: v.provider, ...common }
    case 'smtp':
      return {
        provider: v.provider,
        host: v.host,
        port: v.port,
        secure: v.secure,
        user: v.user,
        password: v.password,
        from: v.from,
        ...common,
      }
  }
}

/** The badge of a card: not set, switched off, or the last send's result. */
export function channelState(row: ChannelRow | null) {
  if (!row) return { key: 'not_set', color: 'gray' } as const
  if (!row.enabled) return { key: 'disabled', color: 'gray' } as const
  if (row.status === 'ok') return { key: 'ok', color: 'teal' } as const
  if (row.status === 'error') return { key: 'error', color: 'red' } as const
  return { key: 'unknown', color: 'yellow' } as const
}
