import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { enMessages } from '@shared/messages/en'
import { idMessages } from '@shared/messages/id'
import { importMessagesEn, importMessagesId } from '@shared/messages/import'
import type { ImportRowError } from '@shared/schemas'
import { cliActor } from '../core/audit'
import { getCompany } from '../core/companies'
import {
  commitImport,
  parseImportFile,
  previewImport,
  type ImportKind,
  type ImportSummary,
} from '../core/customer-import'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { count, welcomeFailed } from './words'
import { argumentError } from './option-errors'
import { routerForArea, routerLines } from './router-for'
import { welcomeFirstServices } from '../core/collections'

const english = () => process.env.LOKET_LANG === 'en'

/** An import problem as a line: row, column and the sentence the UI shows. */
export function describeImportError(e: ImportRowError): string {
  const key = e.messageKey.replace(/^import\./, '')
  const texts = (english() ? importMessagesEn : importMessagesId) as Record<string, string>
  const text = (texts[key] ?? e.messageKey).replace(/\{\{(\w+)\}\}/g, (_m, p: string) =>
    String(e.params?.[p] ?? ''),
  )
  return `${english() ? 'row' : 'baris'} ${e.row}${e.column ? ` (${e.column})` : ''}: ${text}`
}

function human(s: ImportSummary): string {
  const m = english() ? enMessages : idMessages
  const head = s.errors.length
    ? english()
      ? 'Nothing imported (the file has errors)'
      : 'Tidak ada yang diimpor (berkas berisi kesalahan)'
    : s.dryRun
      ? english()
        ? 'Preview (nothing written)'
        : 'Pratinjau (belum ada yang disimpan)'
      : english()
        ? 'Imported'
        : 'Berhasil diimpor'
  const lines = [
    `${head}: ${s.fileName}`,
    `  area: ${count(s.areas.created)} baru, ${count(s.areas.existing)} sudah ada`,
    `  paket: ${count(s.products.created)} baru, ${count(s.products.existing)} sudah ada`,
    `  pelanggan: ${count(s.customers.created)} baru, ${count(s.customers.existing)} sudah ada`,
  ]
  if (s.errors.length)
    lines.push(
      m.errors.IMPORT_HAS_ERRORS,
      ...s.errors.slice(0, 50).map((e) => `  ${describeImportError(e)}`),
    )
  if (s.errors.length > 50) lines.push(`  … +${count(s.errors.length - 50)}`)
  lines.push(...routerLines(s.routers))
  return lines.join('\n')
}

async function runImport(
  kind: ImportKind,
  { dataDir, values, lists, positionals, out }: CommandArgs,
): Promise<number> {
  const file = positionals[0]
  if (!file) throw argumentError('FILE', 'cli.file')
  const data = await readFile(file)
  const parsed = await parseImportFile(data, path.basename(file), kind)
  const summary = await withDb(dataDir, async (db) => {
    const deps = cliDeps(db, dataDir)
    const companyId = await firstCompanyId(db)
    const input = {
      ...parsed,
      routerForArea: await routerForArea(db, companyId, lists['router-for'] ?? []),
    }
    if (values['dry-run'] === true) return previewImport(deps, companyId, input)
    const preview = await previewImport(deps, companyId, input)
    if (preview.errors.length) return preview
    const actor = { ...cliActor(companyId), companyId }
    const { timeZone } = await getCompany(deps, companyId)
    const { activatedServiceIds, ...done } = await commitImport(deps, actor, input, timeZone)
    await welcomeFirstServices(deps, actor, activatedServiceIds, timeZone, welcomeFailed)
    return done
  })
  const json = {
    ok: summary.errors.length === 0,
    kind,
    ...summary,
    preview: undefined,
    errors: summary.errors.map((e) => ({ ...e, message: describeImportError(e) })),
  }
  out.result(json, human(summary))
  return summary.errors.length ? 1 : 0
}

export const importCommands: Record<string, CommandDef> = Object.fromEntries(
  (['customers', 'areas', 'products', 'workbook'] as const).map((kind) => [
    `import ${kind}`,
    {
      usage:
        `import ${kind} FILE [--dry-run]` +
        (kind === 'customers' || kind === 'workbook' ? ' [--router-for AREA=ROUTER …]' : '') +
        `   (.csv or .xlsx${kind === 'workbook' ? ' with sheets Area, Paket, Pelanggan' : ''})`,
      listOptions: ['router-for'],
      run: (args: CommandArgs) => runImport(kind, args),
    },
  ]),
)
