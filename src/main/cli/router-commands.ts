import { AppError } from '@shared/errors'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import { welcomeFirstServices } from '../core/collections'
import {
  commitRouterImport,
  findRouterByName,
  previewRouterImport,
  type RouterImportSummary,
  type RowChoice,
} from '../core/network'
import { PACKAGE_CHOICES, PUTUS_CHOICES } from '@shared/schemas'
import type { CommandArgs, CommandDef } from './commands'
import type { Db } from '../core/db'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { count, welcomeFailed } from './words'
import { argumentError } from './option-errors'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

function human(s: RouterImportSummary): string {
  const head = s.dryRun ? 'Pratinjau (belum ada yang disimpan)' : 'Berhasil diimpor'
  const lines = [
    `${head}: router ${s.router.name}`,
    `  pelanggan baru: ${count(s.customers)}, layanan baru: ${count(s.services)}`,
    `  ditautkan: ${count(s.linked)}, sudah ada: ${count(s.existing)}, dilewati: ${count(s.skipped.length)}`,
  ]
  if (s.products.length)
    lines.push(`  paket baru (harga 0, isi harganya): ${s.products.map((p) => p.name).join(', ')}`)
  if (s.needsArea) lines.push('  pilih area pelanggan baru dengan --area KODE')
  if (s.packages.differ) {
    lines.push(
      `  paket berbeda dengan profil router: ${s.packages.differ} ` +
        `(pertahankan paket Loket: ${s.packages.keepLoket}, ikuti router: ${s.packages.followRouter})`,
    )
    for (const r of s.rows.filter((r) => r.packageDiff).slice(0, 50)) {
      const d = r.packageDiff!
      const follow = d.routerProduct ?? `tidak ada paket dengan profil ${r.profile}`
      const choice = d.choice === 'router' ? 'ikuti router' : 'pertahankan paket Loket'
      lines.push(
        `    ${r.name}: Loket ${d.loketProduct} (${d.loketProfile}), router ${r.profile} → ${follow} [${choice}]`,
      )
    }
    lines.push('    pilih dengan --packages router|loket, per login: --choice LOGIN=router|loket')
  }
  if (s.counts.conflict) {
    lines.push(
      `  secret aktif milik pelanggan putus: ${s.counts.conflict} ` +
        `(nonaktifkan: ${s.putus.disable}, aktifkan kembali: ${s.putus.reactivate}, belum dipilih: ${s.putus.undecided})`,
    )
    for (const r of s.rows.filter((r) => r.conflict).slice(0, 50)) {
      const choice =
        r.conflict!.choice === 'disable'
          ? 'nonaktifkan secret'
          : r.conflict!.choice === 'reactivate'
            ? 'aktifkan kembali'
            : 'belum dipilih'
      lines.push(`    ${r.name}: ${r.customerCode ?? ''} ${r.customerName} [${choice}]`)
    }
    lines.push(
      '    pilih dengan --putus disable|reactivate, per login: --choice LOGIN=disable|reactivate',
    )
  }
  for (const k of s.skipped.slice(0, 50)) lines.push(`  dilewati ${k.kind} ${k.name}: ${k.reason}`)
  if (s.skipped.length > 50) lines.push(`  … +${count(s.skipped.length - 50)}`)
  return lines.join('\n')
}

/** `--choice budi=router` (both kinds of login named budi) or `--choice pppoe:budi=router`. */
function parseChoices(list: string[]): Record<string, RowChoice> {
  const out: Record<string, RowChoice> = {}
  const allowed: readonly string[] = [...PACKAGE_CHOICES, ...PUTUS_CHOICES]
  for (const item of list) {
    const at = item.lastIndexOf('=')
    const login = item.slice(0, at).trim()
    const choice = item.slice(at + 1).trim()
    if (at <= 0 || !allowed.includes(choice))
      throw new AppError('VALIDATION', `--choice ${item}: write LOGIN=${allowed.join('|')}`, {
        option: 'choice',
      })
    const keys = /^(pppoe|hotspot):/.test(login) ? [login] : [`pppoe:${login}`, `hotspot:${login}`]
    for (const key of keys) out[key] = choice as RowChoice
  }
  return out
}

function oneOf<T extends string>(
  values: CommandArgs['values'],
  name: string,
  allowed: readonly T[],
) {
  const v = str(values[name])
  if (v === undefined) return undefined
  if (!(allowed as readonly string[]).includes(v))
    throw new AppError('VALIDATION', `--${name} must be ${allowed.join(' or ')}`, { option: name })
  return v as T
}

async function runRouterImport({ dataDir, values, lists, positionals, out }: CommandArgs) {
  const name = positionals[0]
  if (!name) throw argumentError('NAME', 'cli.router')
  {
    const summary = await withNetwork(dataDir, async (deps, db) => {
      const companyId = await firstCompanyId(db)
      const router = await findRouterByName(db, companyId, name)
      const options = {
        areaId: await areaByCode(db, companyId, str(values.area)),
        isolirProductId: await productByName(db, companyId, str(values['isolir-package'])),
        packages: oneOf(values, 'packages', PACKAGE_CHOICES) ?? 'loket',
        putus: oneOf(values, 'putus', PUTUS_CHOICES) ?? null,
        choices: parseChoices(lists.choice ?? []),
      }
      if (values['dry-run'] === true)
        return previewRouterImport(deps, companyId, router.id, options)
      const actor = { ...cliActor(companyId), companyId }
      const timeZone = await companyTimeZone(deps, companyId)
      const done = await commitRouterImport(deps, actor, router.id, options, timeZone)
      await welcomeFirstServices(deps, actor, done.activatedServiceIds, timeZone, welcomeFailed)
      return done
    })
    const { rows: _rows, activatedServiceIds: _ids, ...json } = summary
    out.result({ ok: true, ...json }, human(summary))
    return 0
  }
}

export async function areaByCode(db: Db, companyId: number, code: string | undefined) {
  if (!code) return null
  const row = await db
    .selectFrom('areas')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', code.toUpperCase())
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'area', { code })
  return row.id
}

async function productByName(db: Db, companyId: number, name: string | undefined) {
  if (!name) return null
  const row = await db
    .selectFrom('products')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'product', { name })
  return row.id
}

export const routerCommands: Record<string, CommandDef> = {
  'router import': {
    usage:
      'router import NAME [--dry-run] [--area CODE] [--isolir-package NAME] [--packages loket|router] ' +
      '[--putus disable|reactivate] [--choice LOGIN=loket|router|disable|reactivate …]   (PPPoE secrets and hotspot users → customers)',
    stringOptions: ['area', 'isolir-package', 'packages', 'putus'],
    listOptions: ['choice'],
    run: runRouterImport,
  },
}
