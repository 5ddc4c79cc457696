import type ExcelJS from 'exceljs'
import { calendarDate, formatInstant, isCalendarDate } from '@shared/dates'
import { loadExcelJS } from '../imports'
import type { TableCell, TableColumn, TableDocument } from './types'

/** Excel forbids these in sheet names and caps them at 31 characters. */
export function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .trim()
  return name || 'Laporan'
}

/** A calendar date as the Date exceljs writes as that day's serial (it reads dates as UTC). */
function excelDate(date: string): Date {
  const [y, m, d] = calendarDate(date).split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}

/** Raw values, not the printed text: money and numbers stay numbers so Excel can sum them. */
function cellValue(value: TableCell | undefined, kind: TableColumn['kind']): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  if (kind === 'date' && typeof value === 'string' && isCalendarDate(value)) return excelDate(value)
  return value
}

const NUM_FMT: Partial<Record<NonNullable<TableColumn['kind']>, string>> = {
  money: '#,##0',
  date: 'dd/mm/yyyy',
}

/** The report as one worksheet: title rows, a frozen and filterable header, a bold totals row. */
export async function renderTableXlsx(doc: TableDocument): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'Loket'
  // Fixed from the document, like the PDFs, so the file's properties do not depend on the clock.
  workbook.created = workbook.modified = new Date(doc.generatedAt)
  const sheet = workbook.addWorksheet(sheetName(doc.title))

  sheet.addRow([doc.title]).font = { bold: true, size: 14 }
  if (doc.subtitle) sheet.addRow([doc.subtitle])
  const generated = `${doc.company.name} · dibuat ${formatInstant(doc.generatedAt, doc.timeZone)}`
  sheet.addRow([generated]).font = { italic: true, color: { argb: 'FF555555' } }
  sheet.addRow([])

  const header = sheet.addRow(doc.columns.map((c) => c.label))
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  const formats = doc.columns.map((c) => (c.kind ? NUM_FMT[c.kind] : undefined))
  const addRow = (values: Record<string, TableCell>) => {
    const row = sheet.addRow(doc.columns.map((c) => cellValue(values[c.key], c.kind)))
    formats.forEach((numFmt, i) => {
      if (numFmt) row.getCell(i + 1).numFmt = numFmt
    })
    return row
  }
  for (const row of doc.rows) addRow(row)
  if (doc.totals) addRow(doc.totals).font = { bold: true }

  doc.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(10, Math.round((c.width ?? 1) * 14), c.label.length + 2)
  })

  sheet.views = [{ state: 'frozen', ySplit: header.number }]
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number + doc.rows.length, column: Math.max(1, doc.columns.length) },
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
