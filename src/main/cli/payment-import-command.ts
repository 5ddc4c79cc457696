import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isAppError } from '@shared/errors'
import { formatRupiah } from '@shared/money'
import type { ImportRowError } from '@shared/schemas'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import {
  commitPaymentImport,
  parsePaymentFile,
  paymentImportErrorText,
  previewPaymentImport,
  type PaymentImportResult,
} from '../core/payment-import'
import type { CommandArgs, CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { count, day } from './words'
import { argumentError } from './option-errors'

const english = () => process.env.LOKET_LANG === 'en'

function errorLine(e: ImportRowError): string {
  const where = `${english() ? 'row' : 'baris'} ${e.row}${e.column ? ` (${e.column})` : ''}`
  return `${where}: ${paymentImportErrorText(e, english())}`
}

/** Shown lines are capped: a file with thousands of bad rows has one mistake repeated. */
const SHOWN = 50

function human(r: PaymentImportResult, dryRun: boolean): string {
  const en = english()
  const head = r.errors.length
    ? en
      ? 'Nothing imported (the file has errors)'
      : 'Tidak ada yang diimpor (berkas berisi kesalahan)'
    : r.imported
      ? en
        ? 'Imported'
        : 'Berhasil diimpor'
      : dryRun
        ? en
          ? 'Preview (nothing written)'
          : 'Pratinjau (belum ada yang disimpan)'
        : ''
  const lines = [
    `${head}: ${r.fileName}`,
    `  ${en ? 'payments' : 'pembayaran'}: ${count(r.total.count)}, total ${formatRupiah(r.total.amount)}`,
  ]
  if (r.receipts.length)
    lines.push(`  ${en ? 'receipts' : 'kuitansi'}: ${r.receipts[0]} … ${r.receipts.at(-1)}`)
  if (dryRun && !r.errors.length)
    for (const row of r.rows.slice(0, SHOWN))
      lines.push(
        `  ${row.row}: ${row.customerCode} ${row.customerName} ${formatRupiah(row.amount!)} ${row.method} ${row.reference ?? ''} ${day(row.date ?? '')}`,
      )
  lines.push(...r.errors.slice(0, SHOWN).map((e) => `  ${errorLine(e)}`))
  if (r.errors.length > SHOWN) lines.push(`  … +${count(r.errors.length - SHOWN)}`)
  return lines.join('\n')
}

async function run({ dataDir, values, positionals, out }: CommandArgs): Promise<number> {
  const file = positionals[0]
  if (!file) throw argumentError('FILE', 'cli.file')
  const input = await parsePaymentFile(await readFile(file), path.basename(file))
  const dryRun = values['dry-run'] === true
  const result = await withDb(dataDir, async (db) => {
    const deps = cliDeps(db, dataDir)
    const companyId = await firstCompanyId(db)
    const timeZone = await companyTimeZone(deps, companyId)
    const preview = await previewPaymentImport(deps, companyId, input, timeZone)
    if (dryRun || preview.errors.length) return preview
    try {
      return await commitPaymentImport(deps, { ...cliActor(companyId), companyId }, input, timeZone)
    } catch (error) {
      // Another writer recorded a reference between the preview and the commit: report the rows.
      if (isAppError(error) && error.code === 'IMPORT_HAS_ERRORS')
        return { ...preview, errors: error.details!.errors as ImportRowError[] }
      throw error
    }
  })
  out.result(
    {
      ok: result.errors.length === 0,
      file: result.fileName,
      rows: result.total.count,
      total: result.total.amount,
      errors: result.errors.map((e) => ({
        row: e.row,
        column: e.column,
        messageKey: e.messageKey,
        message: errorLine(e),
      })),
      imported: result.imported,
      receipts: result.receipts,
    },
    human(result, dryRun),
  )
  return result.errors.length ? 1 : 0
}

export const paymentImportCommands: Record<string, CommandDef> = {
  'payments import': {
    usage:
      'payments import FILE [--dry-run]   (.csv or .xlsx: kode_pelanggan, jumlah, metode, referensi, tanggal)',
    run,
  },
}
