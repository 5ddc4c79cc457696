import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { MessageChannel } from '@shared/messaging'
import { channelInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import {
  channelView,
  configFromInput,
  kindOf,
  openConfig,
  publicSettings,
  sealConfig,
  secretBoundHere,
  secretOf,
  type ChannelConfig,
  type ChannelView,
} from './channel-config'
import type { MessagingDeps } from './deps'
import { fonnteTransport } from './transports/fonnte'
import { smtpTransport } from './transports/smtp'
import { SendError, type Transport } from './transports/types'
import { urlTemplateTransport } from './transports/url-template'
import { wablasTransport } from './transports/wablas'

type CompanyActor = Actor & { companyId: number }

export interface ChannelList {
  whatsapp: ChannelView | null
  email: ChannelView | null
}

export async function listChannels(
  deps: Pick<MessagingDeps, 'db' | 'secrets'>,
  companyId: number,
): Promise<ChannelList> {
  const rows = await deps.db
    .selectFrom('message_channels')
    .selectAll()
    .where('company_id', '=', companyId)
    .execute()
  const of = (kind: MessageChannel) => {
    const row = rows.find((r) => r.kind === kind)
    return row ? channelView(deps.secrets, row) : null
  }
  return { whatsapp: of('whatsapp'), email: of('email') }
}

function validationError(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, { issues: [{ path: [path], message }] })
}

/**
 * Saves a company's WhatsApp or e-mail channel. Tokens and passwords are sealed with the rest of
 * the config; an empty token on an edit keeps the stored one (forms never receive it back).
 */
export async function setChannel(
  deps: MessagingDeps,
  actor: CompanyActor,
  raw: unknown,
): Promise<ChannelView> {
  const parsed = channelInput.safeParse(raw)
  if (!parsed.success)
    throw new AppError('VALIDATION', 'invalid channel', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    })
  const input = parsed.data
  const kind = kindOf(input.provider)
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('message_channels')
      .selectAll()
      .where('company_id', '=', actor.companyId)
      .where('kind', '=', kind)
      .executeTakeFirst()
    let previous: ChannelConfig | null = null
    if (before) {
      try {
        previous = openConfig(deps.secrets, before.config_sealed)
      } catch {
        previous = null
      }
    }
    const config = configFromInput(input, previous)
    if ((config.provider === 'fonnte' || config.provider === 'wablas') && !config.token)
      throw validationError('token', 'validation.required')
    if (config.provider === 'smtp' && config.user && !config.password)
      throw validationError('password', 'validation.required')
    const now = deps.clock.now().toISOString()
    const values = {
      provider: input.provider,
      config_sealed: sealConfig(deps.secrets, config),
      enabled: input.enabled ? 1 : 0,
      rate_per_minute: input.ratePerMinute,
      // New settings have not been tried yet.
      status: 'unknown' as const,
      status_detail: null,
      checked_at: null,
      updated_at: now,
    }
    const row = before
      ? await tx
          .updateTable('message_channels')
          .set(values)
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('message_channels')
          .values({ ...values, company_id: actor.companyId, kind, created_at: now })
          .returningAll()
          .executeTakeFirstOrThrow()
    const secretChanged = previous
      ? secretOf(previous) !== secretOf(config)
      : secretOf(config) !== ''
    await appendAudit(tx, deps.clock, actor, {
      action: 'channels.update',
      entityType: 'message_channel',
      entityId: row.id,
      before: before
        ? {
            provider: before.provider,
            enabled: before.enabled,
            rate_per_minute: before.rate_per_minute,
            ...(previous ? publicSettings(previous) : {}),
          }
        : null,
      after: {
        kind,
        provider: row.provider,
        enabled: row.enabled,
        rate_per_minute: row.rate_per_minute,
        ...publicSettings(config),
        // Whether the secret changed, never the secret.
        secret_changed: secretChanged,
      },
    })
    return channelView(deps.secrets, row)
  })
}

const SECRET_ELSEWHERE =
  'token atau kata sandi tersimpan untuk alamat lain: masukkan lagi di Pesan → Saluran'

export interface LoadedChannel {
  id: number
  kind: MessageChannel
  provider: ChannelConfig['provider']
  enabled: boolean
  ratePerMinute: number
  config: ChannelConfig
}

export async function loadChannel(
  deps: Pick<MessagingDeps, 'db' | 'secrets'>,
  companyId: number,
  kind: MessageChannel,
): Promise<LoadedChannel | null> {
  const row = await deps.db
    .selectFrom('message_channels')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    kind: row.kind,
    provider: row.provider,
    enabled: row.enabled === 1,
    ratePerMinute: row.rate_per_minute,
    config: openConfig(deps.secrets, row.config_sealed),
  }
}

/**
 * The transport of a loaded channel, or null when this process cannot send over it: a baileys
 * session lives in the host only (the CLI leaves those messages to the host).
 */
export function channelTransport(
  deps: Pick<MessagingDeps, 'whatsapp'>,
  companyId: number,
  config: ChannelConfig,
): Transport | null {
  // A secret goes only where it was entered for; anything else fails like a channel that is down.
  if (!secretBoundHere(config)) {
    return {
      async send() {
        throw new SendError('down', SECRET_ELSEWHERE)
      },
    }
  }
  switch (config.provider) {
    case 'fonnte':
      return fonnteTransport(config)
    case 'wablas':
      return wablasTransport(config)
    case 'url':
      return urlTemplateTransport(config)
    case 'smtp':
      return smtpTransport(config)
    case 'baileys': {
      const sessions = deps.whatsapp
      if (!sessions) return null
      return { send: ({ to, body }) => sessions.send(companyId, to, body) }
    }
  }
}

/** A channel and its transport, or why there is none (missing, switched off, not here). */
export async function loadChannelTransport(
  deps: MessagingDeps,
  companyId: number,
  kind: MessageChannel,
): Promise<
  | { ok: true; channel: LoadedChannel; transport: Transport }
  | { ok: false; why: 'not_set' | 'disabled' | 'unreadable' | 'host_only' }
> {
  let channel: LoadedChannel | null
  try {
    channel = await loadChannel(deps, companyId, kind)
  } catch {
    return { ok: false, why: 'unreadable' }
  }
  if (!channel) return { ok: false, why: 'not_set' }
  if (!channel.enabled) return { ok: false, why: 'disabled' }
  const transport = channelTransport(deps, companyId, channel.config)
  if (!transport) return { ok: false, why: 'host_only' }
  return { ok: true, channel, transport }
}

/**
 * The channel's last result (send or test) with the gateway's words, for the Saluran tab. A
 * refused number says nothing against the channel: the gateway answered.
 */
export async function recordChannelStatus(
  tx: Kysely<Database>,
  channelId: number,
  at: string,
  failure: SendError | null,
) {
  const error = failure?.kind === 'down' ? failure : null
  await tx
    .updateTable('message_channels')
    .set({
      status: error ? 'error' : 'ok',
      status_detail: error ? error.message.slice(0, 500) : null,
      checked_at: at,
    })
    .where('id', '=', channelId)
    .execute()
}
