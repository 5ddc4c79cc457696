import { formatInstant } from '@shared/dates'
import { formatPhone } from '@shared/phone'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import {
  listChannels,
  sendTestMessage,
  setChannel,
  type ChannelView,
  type MessagingDeps,
} from '../core/messaging'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { argumentError, optionError } from './option-errors'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

const KINDS = { whatsapp: 'WhatsApp', email: 'E-mail' } as const
type Kind = keyof typeof KINDS

function kindOf(positionals: string[], usage: string): Kind {
  const kind = positionals[0]
  if (kind !== 'whatsapp' && kind !== 'email')
    throw argumentError(`whatsapp|email (${usage})`, 'cli.channel')
  return kind
}

async function withMessaging<T>(
  dataDir: string,
  fn: (
    deps: MessagingDeps,
    actor: ReturnType<typeof cliActor> & { companyId: number },
  ) => Promise<T>,
): Promise<T> {
  return withDb(dataDir, async (db) => {
    const companyId = await firstCompanyId(db)
    // No WhatsApp Web session here: a linked phone is held by the running app only.
    const deps: MessagingDeps = { ...cliDeps(db, dataDir), dataDir }
    return fn(deps, { ...cliActor(companyId), companyId })
  })
}

/** The form the CLI's options describe, on top of the saved settings of the same provider. */
function channelFields(kind: Kind, values: CommandArgs['values'], current: ChannelView | null) {
  const provider = kind === 'email' ? 'smtp' : (str(values.provider) ?? current?.provider)
  if (!provider)
    throw optionError('provider', 'cli.one_of', { choices: 'fonnte, wablas, url, baileys' })
  const base = current && current.provider === provider ? current.settings : {}
  const enabled =
    values.disable === true ? false : values.enable === true ? true : (current?.enabled ?? true)
  const common = {
    provider,
    enabled,
    ratePerMinute: str(values.rate) ?? current?.ratePerMinute,
  }
  if (kind === 'email')
    return {
      ...common,
      host: str(values['smtp-host']) ?? base.host,
      port: str(values['smtp-port']) ?? base.port,
      ...(values.secure === true
        ? { secure: true }
        : values.insecure === true
          ? { secure: false }
          : {}),
      user: str(values.user) ?? base.user ?? '',
      password: str(values.password) ?? '',
      from: str(values.from) ?? base.from,
    }
  return {
    ...common,
    token: str(values.token) ?? '',
    baseUrl: str(values['base-url']) ?? base.baseUrl,
    templateUrl: str(values['template-url']) ?? base.templateUrl,
    method: str(values.method)?.toUpperCase() ?? base.method,
    bodyTemplate: str(values.body) ?? base.bodyTemplate,
    bodyType: str(values['body-type']) ?? base.bodyType,
  }
}

function describe(view: ChannelView): string {
  const s = view.settings
  const where =
    view.provider === 'smtp'
      ? `${s.host}:${s.port}${s.secure ? ' (TLS)' : ''}, dari ${s.from}${s.user ? `, login ${s.user}` : ''}`
      : view.provider === 'url'
        ? `${s.method} ${s.templateUrl}`
        : view.provider === 'baileys'
          ? 'WhatsApp Web, tautkan dengan memindai QR di Pesan → Saluran'
          : s.baseUrl
  const secret =
    view.provider === 'smtp'
      ? view.hasPassword
        ? ', kata sandi tersimpan terenkripsi'
        : ''
      : view.hasToken
        ? ', token tersimpan terenkripsi'
        : ''
  return `${KINDS[view.kind]}: ${view.provider} (${where})${secret}, ${view.ratePerMinute} pesan/menit${view.enabled ? '' : ', NONAKTIF'}`
}

function statusLine(view: ChannelView, timeZone: string): string {
  if (view.status === 'unknown') return '  status: belum pernah dicoba'
  const at = view.checkedAt ? formatInstant(view.checkedAt, timeZone) : ''
  if (view.status === 'ok') return `  status: berfungsi (terakhir ${at})`
  return `  status: GAGAL (${at}): ${view.statusDetail ?? ''}`
}

const SET_USAGE =
  'channel set whatsapp --provider fonnte|wablas|url|baileys [--token T] [--base-url URL] ' +
  '[--template-url URL] [--method GET|POST] [--body TEMPLATE] [--body-type form|json|text] [--rate N] [--disable|--enable]\n' +
  '  channel set email --smtp-host H --smtp-port P [--user U --password W] --from ADDR [--secure] [--rate N]'

/** Message channels from the command line, through the same core services as the Saluran tab. */
export const channelCommands: Record<string, CommandDef> = {
  'channel set': {
    usage: SET_USAGE,
    stringOptions: [
      'provider',
      'token',
      'base-url',
      'template-url',
      'method',
      'body',
      'body-type',
      'rate',
      'smtp-host',
      'smtp-port',
      'user',
      'password',
      'from',
    ],
    options: { host: 'smtp-host', port: 'smtp-port', ratePerMinute: 'rate', bodyTemplate: 'body' },
    run: async ({ dataDir, positionals, values, out }) => {
      const kind = kindOf(positionals, SET_USAGE)
      const saved = await withMessaging(dataDir, async (deps, actor) => {
        const current = (await listChannels(deps, actor.companyId))[kind]
        return setChannel(deps, actor, channelFields(kind, values, current))
      })
      out.result(
        { ok: true, channel: saved },
        [
          `Saluran ${describe(saved)}.`,
          `Uji dengan: channel test ${kind} --to ${kind === 'email' ? 'alamat@contoh.id' : '08…'}`,
        ].join('\n'),
      )
      return 0
    },
  },
  'channel test': {
    usage: 'channel test whatsapp --to 08… | channel test email --to alamat@contoh.id',
    stringOptions: ['to'],
    run: async ({ dataDir, positionals, values, out }) => {
      const kind = kindOf(positionals, 'channel test whatsapp|email --to …')
      const to = str(values.to)
      if (!to) throw optionError('to', 'cli.required')
      const result = await withMessaging(dataDir, (deps, actor) =>
        sendTestMessage(deps, actor, { kind, to }),
      )
      const shown = kind === 'whatsapp' ? formatPhone(result.to) : result.to
      out.result(
        { ...result, kind },
        `Pesan uji terkirim ke ${shown} lewat ${KINDS[kind]}${result.providerId ? ` (id ${result.providerId})` : ''}.`,
      )
      return 0
    },
  },
  'channel list': {
    usage: 'channel list',
    run: async ({ dataDir, out }) => {
      const { list, timeZone } = await withMessaging(dataDir, async (deps, actor) => ({
        list: await listChannels(deps, actor.companyId),
        timeZone: await companyTimeZone(deps, actor.companyId),
      }))
      const lines = (['whatsapp', 'email'] as const).flatMap((kind) => {
        const view = list[kind]
        if (!view) return [`${KINDS[kind]}: belum diatur (channel set ${kind} …)`]
        return [describe(view), statusLine(view, timeZone)]
      })
      out.result(list as unknown as Record<string, unknown>, lines.join('\n'))
      return 0
    },
  },
}
