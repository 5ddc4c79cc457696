import { AppError } from '@shared/errors'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import {
  commitRouterImport,
  findRouterByName,
  previewRouterImport,
  type RouterImportSummary,
} from '../core/network'
import type { CommandArgs, CommandDef } from './commands'
import type { Db } from '../core/db'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { count } from './words'
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
  for (const k of s.skipped.slice(0, 50)) lines.push(`  dilewati ${k.kind} ${k.name}: ${k.reason}`)
  if (s.skipped.length > 50) lines.push(`  … +${count(s.skipped.length - 50)}`)
  return lines.join('\n')
}

async function runRouterImport({ dataDir, values, positionals, out }: CommandArgs) {
  const name = positionals[0]
  if (!name) throw argumentError('NAME', 'cli.router')
  {
    const summary = await withNetwork(dataDir, async (deps, db) => {
      const companyId = await firstCompanyId(db)
      const router = await findRouterByName(db, companyId, name)
      const options = {
        areaId: await areaByCode(db, companyId, str(values.area)),
        isolirProductId: await productByName(db, companyId, str(values['isolir-package'])),
      }
      if (values['dry-run'] === true)
        return previewRouterImport(deps, companyId, router.id, options)
      return commitRouterImport(
        deps,
        { ...cliActor(companyId), companyId },
        router.id,
        options,
        await companyTimeZone(deps, companyId),
      )
    })
    const { rows: _rows, ...json } = summary
    out.result({ ok: true, ...json }, human(summary))
    return 0
  }
}

async function areaByCode(db: Db, companyId: number, code: string | undefined) {
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
      'router import NAME [--dry-run] [--area CODE] [--isolir-package NAME]   (PPPoE secrets and hotspot users → customers)',
    stringOptions: ['area', 'isolir-package'],
    run: runRouterImport,
  },
}
