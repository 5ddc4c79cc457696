import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import { ImportFileError, MAX_DATA_ROWS, tooManyRows } from './table'
import { checkUnpackedSize } from './zip-limits'

type Workbook = InstanceType<typeof ExcelJS.Workbook>
type Worksheet = ReturnType<Workbook['addWorksheet']>

export async function loadWorkbook(data: Buffer): Promise<Workbook> {
  // Before exceljs inflates anything: it holds every part in memory on the main thread.
  await checkUnpackedSize(data)
  const workbook = new (await loadExcelJS()).Workbook()
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(data as unknown as ArrayBuffer)
  } catch (cause) {
    throw new ImportFileError(
      'import.file_unreadable',
      `Not a readable .xlsx file: ${String(cause)}`,
    )
  }
  return workbook
}

export function sheetNames(workbook: Workbook): string[] {
  return workbook.worksheets.map((s) => s.name)
}

/** The sheet by name, ignoring case (people type "pelanggan" for "Pelanggan"); else the first. */
export function pickSheet(workbook: Workbook, name: string | undefined): Worksheet {
  const sheets = workbook.worksheets
  const wanted = name?.trim().toLowerCase()
  const sheet = wanted ? sheets.find((s) => s.name.trim().toLowerCase() === wanted) : sheets[0]
  if (!sheet) {
    const available = sheetNames(workbook).join(', ')
    throw new ImportFileError(
      wanted ? 'import.sheet_not_found' : 'import.file_empty',
      wanted ? `No sheet named "${name}" (sheets: ${available})` : 'The workbook has no sheets',
      { sheet: name ?? '', sheets: available },
    )
  }
  return sheet
}

/** Every row that has a value, as text, with its Excel row number. */
export function sheetRecords(sheet: Worksheet): { rowNumber: number; cells: string[] }[] {
  const records: { rowNumber: number; cells: string[] }[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (records.length > MAX_DATA_ROWS) throw tooManyRows()
    const cells: string[] = []
    const width = row.cellCount
    for (let col = 1; col <= width; col++) cells.push(cellText(row.getCell(col).value))
    records.push({ rowNumber, cells })
  })
  return records
}

/**
 * What the user sees in a cell, as text the row parsers can read the same way as CSV.
 * Phone numbers and NIKs typed into Excel become numbers (0812… loses its 0; the parsers put it
 * back); dates become `YYYY-MM-DD`.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue)
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result)
  }
  if ('error' in value) return String(value.error)
  return ''
}

/**
 * Float noise (a price computed as 135000 × 1.11 reads 149850.00000000003) is cut at 6 decimals:
 * these cells hold prices, speeds and quotas, where nothing smaller is meant. Integers are
 * written in full — toFixed(0) of 81234567890 or a 16-digit NIK uses no exponent.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n)) return n.toFixed(0)
  const scaled = n * 1e6
  const rounded = Number.isSafeInteger(Math.round(scaled))
    ? Math.round(scaled) / 1e6
    : Number(n.toPrecision(15))
  return Number.isInteger(rounded) ? rounded.toFixed(0) : String(rounded)
}

/**
 * exceljs turns a date serial into the JS Date of that calendar day at UTC midnight (plus the
 * time of day, if any); the UTC fields are the calendar date the user typed, in any time zone.
 */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return ''
  const y = String(d.getUTCFullYear()).padStart(4, '0')
  const m = String(d.getUTCMonth() + 1).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, '0')
  return `${y}-${m}-${day}`
}
