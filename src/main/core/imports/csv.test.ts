import { describe, expect, it } from 'vitest'
import { decodeText, detectDelimiter, parseCsv } from './csv'
import { readTable } from './read-table'

const csv = (text: string) => Buffer.from(text, 'utf8')

describe('reading CSV', () => {
  it('an Indonesian Excel export: BOM, semicolons, quoted cells with ; and line breaks', async () => {
    const text =
      '\uFEFFnama;alamat;harga\r\n' +
      'Budi Santoso;"Jl. Melati 12; RT 03/RW 05";Rp 150.000\r\n' +
      '"Siti ""Bu RT"" Aminah";"Gg. Kenanga 3\r\nbelakang masjid";150000\r\n'
    const table = await readTable(csv(text), 'pelanggan.csv')
    expect(table.sheets).toEqual([])
    expect(table.headers).toEqual(['nama', 'alamat', 'harga'])
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Budi Santoso', 'Jl. Melati 12; RT 03/RW 05', 'Rp 150.000'] },
      {
        rowNumber: 3,
        cells: ['Siti "Bu RT" Aminah', 'Gg. Kenanga 3\r\nbelakang masjid', '150000'],
      },
    ])
  })

  it('row numbers are the rows Excel shows, blank lines counted but not returned', async () => {
    const table = await readTable(csv('kode,nama\n\nA1,Ani\n,\n , \nB2,Bayu\n\n\n'), 'x.csv')
    expect(table.rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [3, 'A1'],
      [6, 'B2'],
    ])
  })

  it('short rows are padded to the header width, long rows cut to it', async () => {
    const table = await readTable(csv('a;b;c\n1\n1;2;3;4\n'), 'x.csv')
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ])
  })

  it('the delimiter is the one the header line uses most, outside quotes', () => {
    expect(detectDelimiter('kode;nama;"alamat, lengkap"\n1,2,3,4,5')).toBe(';')
    expect(detectDelimiter('kode,nama,alamat')).toBe(',')
    expect(detectDelimiter('kode\tnama\talamat')).toBe('\t')
    expect(detectDelimiter('nama')).toBe(',')
  })

  it('a file with no line break at the end still has its last row, and a trailing empty cell', () => {
    expect(parseCsv('a;b\n1;', ';')).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', ''] },
    ])
  })

  it('plain "CSV" from Excel on Windows (Windows-1252) keeps its accents', () => {
    const latin1 = Buffer.from([0x4a, 0x6f, 0x73, 0xe9]) // "José"
    expect(decodeText(latin1)).toBe('José')
    expect(decodeText(Buffer.from('\uFEFFJosé', 'utf8'))).toBe('José')
  })

  it('"Unicode text" from Excel (UTF-16 with tabs) is read too', async () => {
    const data = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('kode\tnama\r\nA1\tAni\r\n', 'utf16le'),
    ])
    const table = await readTable(data, 'export.txt')
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['A1', 'Ani'] }])
  })

  it('an unclosed quote is an error naming the row where it opened', async () => {
    await expect(
      readTable(csv('nama;alamat\nBudi;"Jl. Melati\nSiti;Gg. Kenanga\n'), 'x.csv'),
    ).rejects.toMatchObject({
      messageKey: 'import.csv_unclosed_quote',
      params: { row: 2 },
    })
  })

  it('a file with nothing but blank lines has no header', async () => {
    await expect(readTable(csv('\r\n;;\r\n'), 'x.csv')).rejects.toMatchObject({
      messageKey: 'import.file_empty',
    })
  })
})
