import { durationId, formatInform, type CpeOutcome } from '@shared/acs'
import { AppError } from '@shared/errors'
import { acsSettingsInput, cpeWifiInput } from '@shared/schemas'
import {
  findCustomerCpes,
  rebootCpe,
  saveAcsSettings,
  setCpeWifi,
  testAcs,
  type CpeActionView,
  type CpeView,
} from '../core/acs'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import { customerIdByCode } from '../core/customers'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { optionError, schemaError } from './option-errors'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

function required(values: CommandArgs['values'], name: string): string {
  const v = str(values[name])
  if (!v) throw optionError(name, 'cli.required')
  return v
}

const OUTCOME: Record<CpeOutcome, string> = {
  done: 'selesai, CPE sudah menjalankannya',
  queued: 'diantrekan di ACS, dijalankan saat CPE inform berikutnya',
  fault: 'CPE menolak (fault)',
  not_found: 'perangkat tidak ada di ACS',
  unreachable: 'ACS tidak menjawab, tidak ada yang diantrekan',
}

function describeCpe(d: CpeView, timeZone: string): string {
  const r = d.onlineRule
  const inform = d.lastInform
    ? `inform terakhir ${formatInform(d.lastInform, timeZone)} (${durationId(r.secondsSinceInform ?? 0)} lalu)`
    : 'belum pernah inform'
  const interval = `interval inform ${durationId(r.intervalSeconds)}${r.intervalFrom === 'default' ? ' (bawaan, CPE tidak melaporkannya)' : ''} + ${durationId(r.graceSeconds)}`
  return [
    `${d.deviceId} (${d.dataModel === 'tr098' ? 'TR-098' : 'TR-181'})`,
    `  ${d.online ? 'ONLINE' : 'OFFLINE'}: ${inform}; ${interval}`,
    `  model: ${[d.manufacturer, d.model ?? d.productClass].filter(Boolean).join(' ') || '-'}, firmware: ${d.firmware ?? '-'}, serial: ${d.serial ?? '-'}`,
    `  WiFi SSID: ${d.ssid ?? '-'}` +
      (d.service
        ? `; layanan ${d.service.sid} (${d.service.by === 'pppoe' ? `PPPoE ${d.pppoeUsername}` : 'serial'})`
        : ''),
  ].join('\n')
}

function describeAction(a: CpeActionView): string {
  const outcome = a.outcome ? OUTCOME[a.outcome] : 'belum ada jawaban'
  return `${a.action} ${a.deviceId}: ${outcome}${a.message ? ` (${a.message})` : ''}`
}

async function withAcs<T>(
  dataDir: string,
  fn: (ctx: {
    deps: ReturnType<typeof cliDeps>
    actor: ReturnType<typeof cliActor> & { companyId: number }
    companyId: number
  }) => Promise<T>,
): Promise<T> {
  return withDb(dataDir, async (db) => {
    const companyId = await firstCompanyId(db)
    return fn({
      deps: cliDeps(db, dataDir),
      actor: { ...cliActor(companyId), companyId },
      companyId,
    })
  })
}

/** The one CPE of the customer an action is for: `--device` when the customer has several. */
function pickCpe(devices: CpeView[], wanted: string | undefined): CpeView {
  if (wanted) {
    const d = devices.find((x) => x.deviceId === wanted)
    if (!d) throw new AppError('CPE_NOT_FOUND', wanted)
    return d
  }
  if (devices.length === 0) throw new AppError('CPE_NOT_FOUND')
  if (devices.length > 1)
    throw new AppError('CPE_AMBIGUOUS', 'several CPEs: choose with --device', {
      count: devices.length,
      devices: devices.map((d) => `--device ${d.deviceId}`).join(', '),
    })
  return devices[0]!
}

async function cpeAction(
  { dataDir, values, out }: CommandArgs,
  run: (
    ctx: Parameters<Parameters<typeof withAcs>[1]>[0],
    customerId: number,
    deviceId: string,
  ) => Promise<CpeActionView>,
): Promise<number> {
  const code = required(values, 'customer')
  const result = await withAcs(dataDir, async (ctx) => {
    const customerId = await customerIdByCode(ctx.deps, ctx.companyId, code)
    const found = await findCustomerCpes(ctx.deps, ctx.companyId, customerId)
    const cpe = pickCpe(found.devices, str(values.device))
    return run(ctx, customerId, cpe.deviceId)
  })
  out.result({ ok: result.outcome !== 'unreachable', action: result }, describeAction(result))
  return result.outcome === 'done' || result.outcome === 'queued' ? 0 : 1
}

/** GenieACS from the command line, through the same core services as the CPE card. */
export const acsCommands: Record<string, CommandDef> = {
  'acs set': {
    usage: 'acs set --url URL [--user U --password P]',
    stringOptions: ['url', 'user', 'password'],
    options: { username: 'user' },
    run: async ({ dataDir, values, out }) => {
      const parsed = acsSettingsInput.safeParse({
        url: required(values, 'url'),
        username: str(values.user) ?? '',
        password: str(values.password) ?? '',
      })
      if (!parsed.success) throw schemaError(parsed.error)
      const saved = await withAcs(dataDir, ({ deps, actor }) =>
        saveAcsSettings(deps, actor, parsed.data),
      )
      out.result(
        { ok: true, settings: saved },
        `ACS disimpan: ${saved.url}${saved.username ? `, login ${saved.username}${saved.hasPassword ? ' (kata sandi tersimpan terenkripsi)' : ''}` : ', tanpa login'}`,
      )
      return 0
    },
  },
  'acs test': {
    usage: 'acs test',
    run: async ({ dataDir, out }) => {
      const r = await withAcs(dataDir, ({ deps, companyId }) => testAcs(deps, companyId, null))
      out.result(
        { ok: true, devices: r.devices },
        `ACS menjawab: ${r.devices} perangkat terdaftar.`,
      )
      return 0
    },
  },
  'cpe show': {
    usage: 'cpe show --customer CODE [--json]',
    stringOptions: ['customer'],
    run: async ({ dataDir, values, out }) => {
      const code = required(values, 'customer')
      const { found, timeZone } = await withAcs(dataDir, async ({ deps, companyId }) => {
        const customerId = await customerIdByCode(deps, companyId, code)
        return {
          found: await findCustomerCpes(deps, companyId, customerId),
          timeZone: await companyTimeZone(deps, companyId),
        }
      })
      const searched = [
        ...found.searched.pppoeUsernames.map((u) => `PPPoE ${u}`),
        ...found.searched.serials.map((s) => `serial ${s}`),
      ].join(', ')
      const human = found.devices.length
        ? found.devices.map((d) => describeCpe(d, timeZone)).join('\n')
        : searched
          ? `Tidak ada CPE di ACS untuk ${searched}.`
          : 'Layanan pelanggan ini tidak punya username PPPoE maupun serial CPE untuk dicari.'
      out.result({ ok: true, customer: code, ...found }, human)
      return found.devices.length ? 0 : 1
    },
  },
  'cpe reboot': {
    usage: 'cpe reboot --customer CODE [--device ID]',
    stringOptions: ['customer', 'device'],
    run: (args) =>
      cpeAction(args, ({ deps, actor }, customerId, deviceId) =>
        rebootCpe(deps, actor, { customerId, deviceId }),
      ),
  },
  'cpe wifi': {
    usage: 'cpe wifi --customer CODE --ssid S --password P [--device ID]',
    stringOptions: ['customer', 'ssid', 'password', 'device'],
    options: { customerId: 'customer', deviceId: 'device' },
    run: (args) => {
      // Checked before the ACS is asked anything.
      const parsed = cpeWifiInput.safeParse({
        customerId: 1,
        deviceId: 'x',
        ssid: required(args.values, 'ssid'),
        password: required(args.values, 'password'),
      })
      if (!parsed.success) throw schemaError(parsed.error)
      return cpeAction(args, ({ deps, actor }, customerId, deviceId) =>
        setCpeWifi(deps, actor, { ...parsed.data, customerId, deviceId }),
      )
    },
  },
}
