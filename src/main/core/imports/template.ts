import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import { parsePrice } from './cells'
import {
  AREA_EXAMPLES,
  AREA_HEADERS,
  CUSTOMER_EXAMPLES,
  CUSTOMER_GUIDE,
  CUSTOMER_HEADERS,
  DATE_COLUMNS,
  GUIDE_INTRO,
  MONEY_COLUMNS,
  PRODUCT_EXAMPLES,
  PRODUCT_HEADERS,
  TEXT_COLUMNS,
} from './template-content'

type Workbook = InstanceType<typeof ExcelJS.Workbook>

const NEEDS_QUOTES = /[";\r\n]/
const BOM = '\uFEFF'

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * `;`-separated with a BOM: Excel in an Indonesian locale opens that straight into columns and
 * keeps the UTF-8 text; a comma file would land in one column there.
 */
function toCsv(rows: string[][]): Buffer {
  const lines = rows.map((r) => r.map(csvField).join(';'))
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8')
}

const PRODUCT_NUMBER_COLUMNS = new Set(['harga', 'unduh_mbps', 'unggah_mbps', 'kuota_gb'])

/** The example text as the value Excel would hold had a person typed it. */
function cellValue(header: string, text: string, numberColumns: Set<string>): ExcelJS.CellValue {
  if (text === '') return null
  if (DATE_COLUMNS.has(header)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number]
    return new Date(Date.UTC(y, m - 1, d))
  }
  if (!numberColumns.has(header)) return text
  return MONEY_COLUMNS.has(header) ? parsePrice(text) : Number(text)
}

function addTable(
  workbook: Workbook,
  name: string,
  headers: string[],
  examples: string[][],
  numberColumns: Set<string>,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers.map((h) => ({
    header: h,
    key: h,
    width: Math.max(12, h.length + 4),
    // '@' is Excel's Text format: what is typed later stays as typed.
    style: TEXT_COLUMNS.has(h)
      ? { numFmt: '@' }
      : DATE_COLUMNS.has(h)
        ? { numFmt: 'dd/mm/yyyy' }
        : MONEY_COLUMNS.has(h)
          ? { numFmt: '#,##0' }
          : {},
  }))
  sheet.getRow(1).font = { bold: true }
  for (const example of examples) {
    sheet.addRow(example.map((text, i) => cellValue(headers[i]!, text, numberColumns)))
  }
  for (const column of ['nama', 'alamat', 'paket', 'catatan']) {
    const index = headers.indexOf(column)
    if (index >= 0) sheet.getColumn(index + 1).width = 28
  }
}

function addGuide(workbook: Workbook): void {
  const sheet = workbook.addWorksheet('Petunjuk')
  sheet.columns = [{ width: 18 }, { width: 10 }, { width: 90 }]
  for (const line of GUIDE_INTRO) sheet.addRow([line])
  sheet.addRow([])
  const head = sheet.addRow(['Kolom', 'Wajib', 'Keterangan'])
  head.font = { bold: true }
  for (const header of CUSTOMER_HEADERS) {
    const [required, text] = CUSTOMER_GUIDE[header]
    sheet.addRow([header, required ? 'Wajib' : '', text])
  }
}

async function toBuffer(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function newWorkbook(): Promise<Workbook> {
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'Loket'
  // Fixed, so the same template is the same bytes apart from the zip's own timestamps.
  workbook.created = new Date(Date.UTC(2024, 0, 1))
  workbook.modified = workbook.created
  return workbook
}

/** The customer import template: the documented columns in order and two example rows. */
export async function customerTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') return toCsv([CUSTOMER_HEADERS, ...CUSTOMER_EXAMPLES])
  const workbook = await newWorkbook()
  addTable(workbook, 'Pelanggan', CUSTOMER_HEADERS, CUSTOMER_EXAMPLES, MONEY_COLUMNS)
  addGuide(workbook)
  return toBuffer(workbook)
}

/** One workbook for a whole migration: areas and packages first, then the customers using them. */
export async function workbookTemplate(): Promise<Buffer> {
  const workbook = await newWorkbook()
  addTable(workbook, 'Area', AREA_HEADERS, AREA_EXAMPLES, new Set())
  addTable(workbook, 'Paket', PRODUCT_HEADERS, PRODUCT_EXAMPLES, PRODUCT_NUMBER_COLUMNS)
  addTable(workbook, 'Pelanggan', CUSTOMER_HEADERS, CUSTOMER_EXAMPLES, MONEY_COLUMNS)
  return toBuffer(workbook)
}
