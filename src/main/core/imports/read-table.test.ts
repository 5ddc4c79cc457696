import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { listSheets, readTable } from './read-table'
import { MAX_FILE_BYTES } from './table'
import { numberText } from './xlsx'

type Workbook = InstanceType<typeof ExcelJS.Workbook>

async function xlsx(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('reading XLSX', () => {
  it('cells read as the user sees them: dates, numeric phones, formulas, rich text, links', async () => {
    const data = await xlsx((wb) => {
      const s = wb.addWorksheet('Pelanggan')
      s.addRow(['nama', 'telepon', 'tanggal_aktif', 'harga', 'catatan', 'email', 'prabayar'])
      const row = s.addRow([
        'Budi Santoso',
        81234567890, // typed as 0812-3456-7890 into a General cell: Excel drops the 0
        new Date(Date.UTC(2024, 2, 15)),
        { formula: 'B3*1.11', result: 149850.00000000003 },
        { richText: [{ text: 'Rumah ' }, { text: 'hijau', font: { bold: true } }] },
        { text: 'budi@gmail.com', hyperlink: 'mailto:budi@gmail.com' },
        true,
      ])
      row.getCell(3).numFmt = 'dd/mm/yyyy'
      s.addRow([
        'Siti',
        6281311112222,
        new Date(Date.UTC(2024, 0, 31, 23, 30)),
        150000,
        null,
        null,
        false,
      ])
    })
    const table = await readTable(data, 'pelanggan.xlsx')
    expect(table.sheets).toEqual(['Pelanggan'])
    expect(table.rows).toEqual([
      {
        rowNumber: 2,
        cells: [
          'Budi Santoso',
          '81234567890',
          '2024-03-15',
          '149850',
          'Rumah hijau',
          'budi@gmail.com',
          'TRUE',
        ],
      },
      // A date-time cell keeps the date the user typed, whatever the machine's time zone.
      { rowNumber: 3, cells: ['Siti', '6281311112222', '2024-01-31', '150000', '', '', 'FALSE'] },
    ])
  })

  it('the first sheet unless one is named, by name in any case', async () => {
    const data = await xlsx((wb) => {
      wb.addWorksheet('Area').addRows([
        ['kode', 'nama'],
        ['CBG01', 'Cibogo'],
      ])
      wb.addWorksheet('Paket').addRows([
        ['nama', 'harga'],
        ['Rumah 10 Mbps', 150000],
      ])
    })
    expect(await listSheets(data, 'migrasi.xlsx')).toEqual(['Area', 'Paket'])
    expect((await readTable(data, 'migrasi.xlsx')).headers).toEqual(['kode', 'nama'])
    const paket = await readTable(data, 'migrasi.xlsx', { sheet: 'paket' })
    expect(paket.rows).toEqual([{ rowNumber: 2, cells: ['Rumah 10 Mbps', '150000'] }])
    await expect(readTable(data, 'migrasi.xlsx', { sheet: 'Pelanggan' })).rejects.toMatchObject({
      code: 'VALIDATION',
      messageKey: 'import.sheet_not_found',
      params: { sheet: 'Pelanggan', sheets: 'Area, Paket' },
    })
  })

  it('empty rows in between and formatted-but-empty rows at the end are skipped', async () => {
    const data = await xlsx((wb) => {
      const s = wb.addWorksheet('Data')
      s.getCell('A1').value = 'kode'
      s.getCell('B1').value = 'nama'
      s.getCell('A2').value = 'A1'
      s.getCell('B2').value = 'Ani'
      s.getCell('A5').value = 'B2'
      s.getCell('B5').value = 'Bayu'
      s.getCell('A6').value = '   '
      s.getCell('B9').numFmt = '@'
      s.getCell('B9').value = ''
    })
    const table = await readTable(data, 'data.XLSX')
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 5])
  })

  it('a broken xlsx is an unreadable file, not a crash', async () => {
    await expect(readTable(Buffer.from('not a zip'), 'x.xlsx')).rejects.toMatchObject({
      messageKey: 'import.file_unreadable',
    })
  })
})

describe('guards', () => {
  it('unknown extensions are refused, with a hint for old .xls', async () => {
    await expect(readTable(Buffer.from(''), 'pelanggan.xls')).rejects.toThrow(/save it as \.xlsx/)
    await expect(readTable(Buffer.from(''), 'pelanggan.pdf')).rejects.toMatchObject({
      messageKey: 'import.file_unsupported',
      params: { ext: '.pdf' },
    })
  })

  it('a file over 20 MB is refused before it is parsed', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x41)
    await expect(readTable(big, 'big.csv')).rejects.toMatchObject({
      messageKey: 'import.file_too_large',
    })
  })

  it('more than 200,000 data rows is refused', async () => {
    const data = Buffer.from('kode\n' + 'A\n'.repeat(200_001))
    await expect(readTable(data, 'many.csv')).rejects.toMatchObject({
      messageKey: 'import.too_many_rows',
    })
  })
})

describe('numbers from Excel', () => {
  it('are written in full, without float noise or exponents', () => {
    expect(numberText(150000)).toBe('150000')
    expect(numberText(150000.00000001)).toBe('150000')
    expect(numberText(0.1 + 0.2)).toBe('0.3')
    expect(numberText(81234567890)).toBe('81234567890')
    expect(numberText(3201011203850001)).toBe('3201011203850001')
    expect(numberText(1.5)).toBe('1.5')
  })
})
