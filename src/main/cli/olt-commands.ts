import { AppError } from '@shared/errors'
import { moduleDisabledDetails } from '@shared/modules'
import { oltInput, type OnuStatus } from '@shared/schemas'
import { cliActor } from '../core/audit'
import {
  createOlt,
  findOltByName,
  listOlts,
  listOnus,
  pollOlt,
  removeOlt,
  testOlt,
  type OltDeps,
} from '../core/olt'
import type { Db } from '../core/db'
import { getModules } from '../core/settings'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { argumentError, optionError, schemaError } from './option-errors'
import { count } from './words'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

function need(values: CommandArgs['values'], name: string): string {
  const v = str(values[name])
  if (!v) throw optionError(name, 'cli.required')
  return v
}

/** Every `olt` command runs here: like the API, it refuses while the OLT & ACS module is off. */
function withOlt<T>(dataDir: string, fn: (deps: OltDeps, db: Db, companyId: number) => Promise<T>) {
  return withDb(dataDir, async (db) => {
    const companyId = await firstCompanyId(db)
    if (!(await getModules(db, companyId)).oltAcs)
      throw new AppError('MODULE_DISABLED', 'module oltAcs is off', moduleDisabledDetails('oltAcs'))
    return fn(cliDeps(db, dataDir), db, companyId)
  })
}

function oltName(positionals: string[]): string {
  const name = positionals.join(' ').trim()
  if (!name) throw argumentError('NAME', 'cli.olt')
  return name
}

const STATUS_WORDS: Record<OnuStatus, string> = {
  online: 'online',
  offline: 'mati',
  los: 'LOS',
  dying_gasp: 'dying gasp',
  auth_failed: 'gagal autentikasi',
  logging: 'mendaftar',
  syncing: 'sinkron',
  unknown: 'tidak diketahui',
}

const dbmText = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)} dBm`)

export const oltCommands: Record<string, CommandDef> = {
  'olt add': {
    usage:
      'olt add --name N --vendor zte-1012|zte-1082|huawei|cdata --host H [--port 161] --community C [--json]',
    stringOptions: ['name', 'vendor', 'host', 'port', 'community'],
    run: async ({ dataDir, values, out }) => {
      const parsed = oltInput.safeParse({
        name: need(values, 'name'),
        vendor: need(values, 'vendor'),
        host: need(values, 'host'),
        port: str(values.port) ?? 161,
        version: 'v2c',
        community: need(values, 'community'),
      })
      if (!parsed.success) throw schemaError(parsed.error)
      const olt = await withOlt(dataDir, (deps, _db, companyId) =>
        createOlt(deps, { ...cliActor(companyId), companyId }, parsed.data),
      )
      out.result(
        { id: olt.id, name: olt.name, vendor: olt.vendor, host: olt.host, port: olt.port },
        `OLT ${olt.name} ditambahkan (${olt.vendorLabel}, ${olt.host}:${olt.port}). Uji dengan: olt test "${olt.name}"`,
      )
      return 0
    },
  },
  'olt test': {
    usage: 'olt test NAME [--json]   (sysDescr dan uptime lewat SNMP)',
    run: async ({ dataDir, positionals, out }) => {
      const name = oltName(positionals)
      const probe = await withOlt(dataDir, async (deps, db, companyId) => {
        const olt = await findOltByName(db, companyId, name)
        return testOlt(deps, companyId, { id: olt.id })
      })
      const days = probe.uptimeSeconds === null ? null : Math.floor(probe.uptimeSeconds / 86400)
      out.result(
        { olt: name, ok: true, ...probe },
        [
          `OLT ${name} menjawab.`,
          `  sysDescr: ${probe.sysDescr ?? '-'}`,
          `  sysName: ${probe.sysName ?? '-'}`,
          `  uptime: ${days === null ? '-' : `${count(days)} hari`}`,
        ].join('\n'),
      )
      return 0
    },
  },
  'olt onus': {
    usage:
      'olt onus NAME [--json]   (baca ONU dari OLT sekarang: serial, nama, status, RX, pelanggan)',
    run: async ({ dataDir, positionals, out }) => {
      const name = oltName(positionals)
      const { report, list } = await withOlt(dataDir, async (deps, db, companyId) => {
        const olt = await findOltByName(db, companyId, name)
        const report = await pollOlt(deps, companyId, olt.id)
        const list = await listOnus(db, companyId, { oltId: olt.id, filter: 'all', search: '' })
        return { report, list }
      })
      const onus = list.onus.map((o) => ({
        pon: o.pon,
        onu: o.onuIndex,
        serial: o.serial,
        name: o.name,
        status: o.status,
        rxDbm: o.rxDbm,
        customerCode: o.customerCode,
      }))
      const lines = [
        `OLT ${name}: ${count(list.counts.total)} ONU, ${count(list.counts.offline)} tidak online, ` +
          `${count(list.counts.weak)} sinyal lemah (di bawah ${list.weakRxDbm} dBm), ${count(list.counts.unlinked)} belum ditautkan`,
        ...onus.map(
          (o) =>
            `  ${o.pon}:${o.onu}  ${o.serial ?? '-'}  ${o.name ?? '-'}  ${STATUS_WORDS[o.status as OnuStatus] ?? o.status}  ${dbmText(o.rxDbm)}  ${o.customerCode ?? ''}`,
        ),
      ]
      out.result(
        {
          olt: name,
          total: list.counts.total,
          offline: list.counts.offline,
          weak: list.counts.weak,
          ms: report.ms,
          onus,
        },
        lines.join('\n'),
      )
      return 0
    },
  },
  'olt list': {
    usage: 'olt list [--json]',
    run: async ({ dataDir, out }) => {
      const olts = await withOlt(dataDir, (_deps, db, companyId) => listOlts(db, companyId))
      out.result(
        {
          olts: olts.map((o) => ({
            name: o.name,
            vendor: o.vendor,
            host: o.host,
            port: o.port,
            active: o.active,
            onus: o.onus,
            down: o.down,
            lastPolledAt: o.lastPolledAt,
            lastError: o.lastError,
          })),
        },
        olts.length
          ? olts
              .map(
                (o) =>
                  `${o.name}  ${o.vendorLabel}  ${o.host}:${o.port}  ${count(o.onus)} ONU, ${count(o.down)} tidak online${o.active ? '' : '  (nonaktif)'}`,
              )
              .join('\n')
          : 'Belum ada OLT. Tambahkan dengan: olt add --name N --vendor zte-1012 --host H --community C',
      )
      return 0
    },
  },
  'olt remove': {
    usage: 'olt remove NAME --yes   (hapus OLT beserta daftar ONU dan riwayat RX-nya)',
    run: async ({ dataDir, positionals, values, out }) => {
      const name = oltName(positionals)
      if (values.yes !== true) throw optionError('yes', 'cli.required')
      await withOlt(dataDir, async (deps, db, companyId) => {
        const olt = await findOltByName(db, companyId, name)
        await removeOlt(deps, { ...cliActor(companyId), companyId }, olt.id)
      })
      out.result({ olt: name, removed: true }, `OLT ${name} dihapus.`)
      return 0
    },
  },
}
