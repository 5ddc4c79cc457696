import { AppError } from '@shared/errors'

/** One data row of a spreadsheet, as text, with the row number the user sees in Excel. */
export interface TableRow {
  /** 1-based, counting the header and any blank lines the file has (header = 1). */
  rowNumber: number
  /** One text per header column; short rows are padded with ''. */
  cells: string[]
}

/** A sheet read into text: what the column-mapping step and the row parsers work on. */
export interface ImportTable {
  /** Every sheet name of a workbook; [] for CSV, which has only the one table. */
  sheets: string[]
  headers: string[]
  /** Row number of the header line (1 unless the file starts with blank lines). */
  headerRowNumber: number
  rows: TableRow[]
}

// Larger than any real customer list of an RT/RW-NET by far; a bigger file is a mistake or an
// attack, and reading it would hold the single main process for too long.
export const MAX_FILE_BYTES = 20 * 1024 * 1024
export const MAX_DATA_ROWS = 200_000

/**
 * The file as a whole cannot be read. A VALIDATION error so it reaches the user as a fixable
 * problem rather than an internal one; `details.messageKey` names the `import.*` text to show.
 */
export class ImportFileError extends AppError {
  readonly messageKey: string
  readonly params: Record<string, string | number>

  constructor(messageKey: string, message: string, params: Record<string, string | number> = {}) {
    super('VALIDATION', message, { messageKey, params })
    this.name = 'ImportFileError'
    this.messageKey = messageKey
    this.params = params
  }
}

export function tooManyRows(): ImportFileError {
  return new ImportFileError(
    'import.too_many_rows',
    `The file has more than ${MAX_DATA_ROWS} rows`,
    { max: MAX_DATA_ROWS },
  )
}

/**
 * The rows that carry data, each padded or cut to the header width. Rows that hold only blanks
 * (a line of `;;;;`, or an Excel row that was formatted but never filled) are not data.
 */
export function toTable(
  sheets: string[],
  records: { rowNumber: number; cells: string[] }[],
): ImportTable {
  const first = records.findIndex((r) => !isBlank(r.cells))
  if (first < 0) throw new ImportFileError('import.file_empty', 'The file has no header row')
  const headerRecord = records[first]!
  const headers = trimTrailingBlanks(headerRecord.cells.map((h) => h.trim()))
  const width = headers.length
  const rows: TableRow[] = []
  for (let i = first + 1; i < records.length; i++) {
    const record = records[i]!
    if (isBlank(record.cells)) continue
    const cells = record.cells.length === width ? record.cells : fit(record.cells, width)
    rows.push({ rowNumber: record.rowNumber, cells })
  }
  if (rows.length > MAX_DATA_ROWS) throw tooManyRows()
  return { sheets, headers, headerRowNumber: headerRecord.rowNumber, rows }
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false
  return true
}

function trimTrailingBlanks(cells: string[]): string[] {
  let end = cells.length
  while (end > 0 && cells[end - 1] === '') end--
  return cells.slice(0, end)
}

function fit(cells: string[], width: number): string[] {
  const out = cells.slice(0, width)
  while (out.length < width) out.push('')
  return out
}
