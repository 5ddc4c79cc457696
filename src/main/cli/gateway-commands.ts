import { formatRupiah } from '@shared/money'
import { gatewaySettingsInput } from '@shared/schemas'
import { cliActor } from '../core/audit'
import {
  GATEWAY_NAMES,
  listGatewaySettings,
  pollGateways,
  saveGatewaySettings,
  testGateway,
  type GatewayDeps,
  type GatewayName,
  type GatewaySettingsView,
} from '../core/gateways'
import type { CommandArgs, CommandDef } from './commands'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { argumentError, optionError, schemaError } from './option-errors'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

/** Each gateway's key options on the command line, by key name. */
const KEY_OPTIONS: Record<GatewayName, Record<string, string>> = {
  tripay: { merchantCode: 'merchant-code', apiKey: 'api-key', privateKey: 'private-key' },
  midtrans: { serverKey: 'server-key', clientKey: 'client-key' },
  xendit: { secretKey: 'secret-key', callbackToken: 'callback-token' },
}

const NAMES: Record<GatewayName, string> = {
  tripay: 'Tripay',
  midtrans: 'Midtrans',
  xendit: 'Xendit',
}

function gatewayOf(positionals: string[], usage: string): GatewayName {
  const name = positionals[0]
  if (!name || !(GATEWAY_NAMES as readonly string[]).includes(name))
    throw argumentError(`tripay|midtrans|xendit (${usage})`, 'cli.gateway')
  return name as GatewayName
}

async function withGateways<T>(
  dataDir: string,
  fn: (deps: GatewayDeps, actor: ReturnType<typeof cliActor> & { companyId: number }) => Promise<T>,
): Promise<T> {
  return withNetwork(dataDir, async (deps, db) => {
    const companyId = await firstCompanyId(db)
    return fn({ ...deps, dataDir }, { ...cliActor(companyId), companyId })
  })
}

function wholeOption(values: CommandArgs['values'], name: string, min: number, max: number) {
  const v = str(values[name])
  if (v === undefined) return undefined
  const n = Number(v)
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw optionError(name, 'cli.whole_number', { min, max })
  return n
}

/** The settings the options describe, on top of what is saved for the same gateway. */
function settingsFrom(
  gateway: GatewayName,
  values: CommandArgs['values'],
  current: GatewaySettingsView,
) {
  const mode = str(values.mode) ?? current.mode
  if (mode !== 'sandbox' && mode !== 'production')
    throw optionError('mode', 'cli.one_of', { choices: 'sandbox, production' })
  const fee = str(values.fee) ?? current.feePolicy
  if (fee !== 'customer' && fee !== 'company')
    throw optionError('fee', 'cli.one_of', { choices: 'customer, company' })
  const keys: Record<string, string> = {}
  for (const [key, option] of Object.entries(KEY_OPTIONS[gateway])) {
    const v = str(values[option])
    if (v !== undefined) keys[key] = v
  }
  const channels = str(values.channels)
  const parsed = gatewaySettingsInput.safeParse({
    gateway,
    enabled: values.disable === true ? false : true,
    mode,
    baseUrl: str(values['base-url']) ?? current.baseUrl,
    keys,
    feePolicy: fee,
    expiryHours: wholeOption(values, 'expiry-hours', 1, 72) ?? current.expiryHours,
    pollMinutes: wholeOption(values, 'poll-minutes', 5, 60) ?? current.pollMinutes,
    channels:
      channels === undefined
        ? current.channels
        : channels === 'all'
          ? null
          : channels
              .split(',')
              .map((c) => c.trim().toUpperCase())
              .filter(Boolean),
  })
  if (!parsed.success) throw schemaError(parsed.error)
  return parsed.data
}

function describe(v: GatewaySettingsView): string {
  if (!v.saved) return `${NAMES[v.gateway]}: belum diatur (gateway set ${v.gateway} …)`
  const keys = v.keysSaved.length ? `kunci tersimpan: ${v.keysSaved.join(', ')}` : 'kunci belum ada'
  return [
    `${NAMES[v.gateway]}: ${v.enabled ? 'AKTIF' : 'nonaktif'}, ${v.mode} (${v.effectiveBaseUrl})`,
    `  ${keys}; biaya ditanggung ${v.feePolicy === 'customer' ? 'pelanggan' : 'perusahaan'}; kedaluwarsa ${v.expiryHours} jam; cek tiap ${v.pollMinutes} menit`,
    `  metode: ${v.channels ? v.channels.join(', ') : 'semua yang aktif di gateway'}${v.available ? '' : ' (adapter belum tersedia di versi ini)'}`,
  ].join('\n')
}

const SET_USAGE =
  'gateway set tripay --mode sandbox|production --merchant-code M --api-key K --private-key P ' +
  '[--base-url URL] [--poll-minutes N] [--fee customer|company] [--expiry-hours N] [--channels A,B|all] [--disable]\n' +
  '  gateway set midtrans --mode sandbox|production --server-key K [--client-key K] […]\n' +
  '  gateway set xendit --mode sandbox|production --secret-key K --callback-token T […]'

/** Pembayaran online from the command line, through the same core services as the settings page. */
export const gatewayCommands: Record<string, CommandDef> = {
  'gateway set': {
    usage: SET_USAGE,
    stringOptions: [
      'mode',
      'base-url',
      'poll-minutes',
      'expiry-hours',
      'fee',
      'channels',
      ...new Set(Object.values(KEY_OPTIONS).flatMap((o) => Object.values(o))),
    ],
    options: {
      baseUrl: 'base-url',
      pollMinutes: 'poll-minutes',
      expiryHours: 'expiry-hours',
      feePolicy: 'fee',
      ...Object.fromEntries(Object.values(KEY_OPTIONS).flatMap((o) => Object.entries(o))),
    },
    run: async ({ dataDir, positionals, values, out }) => {
      const gateway = gatewayOf(positionals, SET_USAGE)
      const saved = await withGateways(dataDir, async (deps, actor) => {
        const current = (await listGatewaySettings(deps, actor.companyId)).find(
          (v) => v.gateway === gateway,
        )!
        return saveGatewaySettings(deps, actor, settingsFrom(gateway, values, current))
      })
      out.result(
        { ok: true, gateway: saved },
        [describe(saved), `Uji dengan: gateway test ${gateway}`].join('\n'),
      )
      return 0
    },
  },
  'gateway list': {
    usage: 'gateway list [--json]',
    run: async ({ dataDir, out }) => {
      const list = await withGateways(dataDir, (deps, actor) =>
        listGatewaySettings(deps, actor.companyId),
      )
      const enabled = list.find((v) => v.enabled)
      out.result(
        { gateways: list, enabled: enabled?.gateway ?? null },
        [
          ...list.map(describe),
          enabled
            ? ''
            : 'Belum ada gateway aktif: portal menampilkan "pembayaran online belum tersedia".',
        ]
          .filter(Boolean)
          .join('\n'),
      )
      return 0
    },
  },
  'gateway test': {
    usage: 'gateway test tripay|midtrans|xendit',
    run: async ({ dataDir, positionals, out }) => {
      const gateway = gatewayOf(positionals, 'gateway test NAME')
      const result = await withGateways(dataDir, (deps, actor) =>
        testGateway(deps, actor.companyId, gateway),
      )
      out.result(
        { ok: true, ...result },
        [
          `${NAMES[gateway]} menjawab (${result.baseUrl}): ${result.channels.length} metode pembayaran.`,
          ...result.channels.map(
            (c) =>
              `  ${c.code.padEnd(12)} ${c.name}${c.active ? '' : ' (nonaktif)'} — biaya untuk Rp100.000: ${formatRupiah(c.feeFor100k)}`,
          ),
        ].join('\n'),
      )
      return 0
    },
  },
  'gateway poll': {
    usage: 'gateway poll [--json]',
    run: async ({ dataDir, out }) => {
      const report = await withGateways(dataDir, (deps, actor) =>
        pollGateways(deps, actor.companyId),
      )
      const c = report.counts
      out.result(
        { ok: report.errors.length === 0 || (c.polled ?? 0) > 0, ...report },
        [
          `Ditanyakan ${c.polled} transaksi: ${c.paid} lunas, ${c.held} ditahan, ${c.expired} kedaluwarsa, ${c.failed} gagal, ${c.errors} tidak terjawab.`,
          ...report.changed.map(
            (r) => `  ${r.reference} (${r.gateway}): ${r.outcome} → ${r.state}`,
          ),
          ...report.errors.map((r) => `  ${r.reference} (${r.gateway}): ${r.error}`),
        ].join('\n'),
      )
      return 0
    },
  },
}
