import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { formatRupiah } from '@shared/money'
import { table } from './fixtures'
import { pdfPageSizes, pdfPageTexts, pdfText } from './pdf-text'
import { renderTablePdf } from './table-pdf'
import { renderTableXlsx, sheetName } from './table-xlsx'

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new Error('no worksheet')
  return sheet
}

describe('table as Excel', () => {
  it('names the sheet after the title, without characters Excel forbids, at most 31 long', () => {
    expect(sheetName('Piutang: per pelanggan [Des/2026]?')).toBe('Piutang per pelanggan Des 2026')
    expect(sheetName('x'.repeat(40))).toHaveLength(31)
    expect(sheetName('[]')).toBe('Laporan')
  })

  it('reads back with a bold, frozen, filtered header, numeric money and a bold totals row', async () => {
    const doc = table(3)
    const sheet = await readBack(await renderTableXlsx(doc))
    expect(sheet.name).toBe(sheetName(doc.title))
    expect(sheet.getCell('A1').value).toBe(doc.title)
    expect(sheet.getCell('A2').value).toBe(doc.subtitle)

    const headerRow = sheet.getRow(5)
    expect(headerRow.values).toEqual([undefined, 'ID', 'Nama', 'Sejak', 'Invoice', 'Piutang'])
    expect(headerRow.font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 })
    expect(sheet.autoFilter).toBeTruthy()

    const money = sheet.getRow(6).getCell(5)
    expect(money.value).toBe(150_000)
    expect(money.numFmt).toBe('#,##0')
    expect(sheet.getRow(6).getCell(4).value).toBe(1)
    expect(sheet.getRow(6).getCell(3).value).toEqual(new Date(Date.UTC(2026, 0, 15)))

    const totals = sheet.getRow(9)
    expect(totals.getCell(1).value).toBe('Total')
    expect(totals.getCell(5).value).toBe(1_234_567)
    expect(totals.getCell(1).font?.bold).toBe(true)
  })
})

describe('table as PDF', () => {
  it('right-aligns money as rupiah and numbers with id-ID grouping, totals included', async () => {
    const text = pdfText(await renderTablePdf(table(3)))
    expect(text).toContain('Piutang: per pelanggan [Des/2026]?')
    expect(text).toContain('Per 22 Desember 2026')
    expect(text).toContain(formatRupiah(152_000))
    expect(text).toContain(formatRupiah(1_234_567))
    expect(text).toContain('15/01/2026')
  })

  it('paginates 500 rows with the header and page numbers on every page', async () => {
    const pdf = await renderTablePdf(table(500))
    const pages = pdfPageTexts(pdf)
    expect(pages.length).toBeGreaterThan(5)
    pages.forEach((page, i) => {
      expect(page).toContain('Piutang')
      expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`)
    })
    expect(pdfText(pdf)).toContain('PLG-0500')
  })

  it('prints landscape when asked', async () => {
    const [size] = pdfPageSizes(await renderTablePdf(table(2, { landscape: true })))
    expect(size?.width).toBeGreaterThan(size?.height ?? Infinity)
  })

  it('gives identical bytes for identical input', async () => {
    const a = await renderTablePdf(table(20))
    expect(a.equals(await renderTablePdf(table(20)))).toBe(true)
  })
})

describe('a phone column', () => {
  const withPhone = table(1, {
    columns: [
      { key: 'code', label: 'ID' },
      { key: 'phone', label: 'Telepon', kind: 'phone' },
    ],
    rows: [{ code: 'PLG-0001', phone: '6281234567890' }],
    totals: null,
  })

  it('prints 0812-3456-7890 on paper', async () => {
    const text = pdfText(await renderTablePdf(withPhone))
    expect(text).toContain('0812-3456-7890')
    expect(text).not.toContain('6281234567890')
  })

  it('keeps the stored 62… in Excel, where it is a column to sort and import', async () => {
    const sheet = await readBack(await renderTableXlsx(withPhone))
    expect(sheet.getRow(6).getCell(2).value).toBe('6281234567890')
  })
})
