import { extname } from 'node:path'
import { decodeText, parseCsv } from './csv'
import { ImportFileError, MAX_FILE_BYTES, toTable, type ImportTable } from './table'
import { loadWorkbook, pickSheet, sheetNames, sheetRecords } from './xlsx'

type FileKind = 'csv' | 'xlsx'

/** By extension: what people save from Excel or LibreOffice. */
function kindOf(fileName: string): FileKind {
  const ext = extname(fileName).toLowerCase()
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv'
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx'
  throw new ImportFileError(
    'import.file_unsupported',
    `Cannot read "${fileName}": only .xlsx and .csv files are supported` +
      (ext === '.xls' || ext === '.ods' ? ' (save it as .xlsx first)' : ''),
    { ext: ext || fileName },
  )
}

function checkSize(data: Buffer): void {
  if (data.length > MAX_FILE_BYTES) {
    throw new ImportFileError(
      'import.file_too_large',
      `The file is ${data.length} bytes; the limit is ${MAX_FILE_BYTES}`,
      { maxMb: MAX_FILE_BYTES / (1024 * 1024) },
    )
  }
}

/**
 * A spreadsheet as header texts and data rows of texts, whatever the format: the row parsers
 * never see exceljs or CSV quoting. CSV has one table, so `sheet` is ignored for it.
 */
export async function readTable(
  data: Buffer,
  fileName: string,
  options: { sheet?: string } = {},
): Promise<ImportTable> {
  const kind = kindOf(fileName)
  checkSize(data)
  if (kind === 'csv') return toTable([], parseCsv(decodeText(data)))
  const workbook = await loadWorkbook(data)
  const sheet = pickSheet(workbook, options.sheet)
  return toTable(sheetNames(workbook), sheetRecords(sheet))
}

/** The sheet names of a workbook, for the UI to offer; [] for CSV. */
export async function listSheets(data: Buffer, fileName: string): Promise<string[]> {
  const kind = kindOf(fileName)
  checkSize(data)
  if (kind === 'csv') return []
  return sheetNames(await loadWorkbook(data))
}
