import { describe, expect, it } from 'vitest'
import { autoMap } from './columns'
import { parseAreas, parseCustomers, parseProducts } from './parse-rows'

/** A sheet as the user typed it: header on row 1, data from row 2. */
function sheet(headers: string[], rows: string[][]) {
  return {
    headers,
    headerRowNumber: 1,
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
  }
}

const brief = (errors: { row: number; column: string | null; messageKey: string }[]) =>
  errors.map((e) => `${e.row} ${e.column} ${e.messageKey}`)

describe('areas and products', () => {
  it('areas: code upper-cased, both columns required', () => {
    const table = sheet(
      ['kode', 'nama'],
      [
        [' bjg02 ', 'Bojong Gede'],
        ['', 'Tanpa Kode'],
      ],
    )
    const { rows, errors } = parseAreas(table, { kode: 0, nama: 1 })
    expect(rows).toEqual([{ rowNumber: 2, value: { code: 'BJG02', name: 'Bojong Gede' } }])
    expect(brief(errors)).toEqual(['3 kode import.required'])
  })

  it('products: service types, prices, yes/no and numbers in their common spellings', () => {
    const headers = [
      'nama',
      'tipe_layanan',
      'harga',
      'prabayar',
      'unduh_mbps',
      'unggah_mbps',
      'kuota_gb',
    ]
    const table = sheet(headers, [
      ['Rumah 10 Mbps', 'PPPoE', 'Rp 150.000', 'tidak', '10', '5', ''],
      ['Voucher Harian', 'hotspot', '5000', 'ya', '2 Mbps', '1,5', '3'],
      ['Kantor', 'statis', '1.500.000', 'N', '50', '50', '-'],
      ['TV', 'TV Kabel', '50000', '0', '', '', ''],
      ['Fiber', 'catv', '60000', 'false', '', '', ''],
    ])
    const { rows, errors } = parseProducts(table, autoMap('products', headers).mapping)
    expect(errors).toEqual([])
    expect(rows.map((r) => [r.value.serviceType, r.value.monthlyPrice, r.value.prepaid])).toEqual([
      ['pppoe', 150000, false],
      ['hotspot', 5000, true],
      ['static_ip', 1500000, false],
      ['cable_tv', 50000, false],
      ['cable_tv', 60000, false],
    ])
    expect(rows[1]!.value).toMatchObject({ downloadMbps: 2, uploadMbps: 1.5, dataCapGb: 3 })
    expect(rows[2]!.value.dataCapGb).toBeNull()
  })

  it('products: each wrong cell is named', () => {
    const headers = ['nama', 'tipe_layanan', 'harga', 'prabayar', 'unduh_mbps']
    const table = sheet(headers, [
      ['A', 'fiber', '150000', '', ''],
      ['B', 'pppoe', '', '', ''],
      ['C', 'pppoe', '-5000', '', ''],
      ['D', 'pppoe', '150000', 'mungkin', ''],
      ['E', 'pppoe', '150000', '', 'cepat'],
      ['F', 'pppoe', '150000', '', '0'],
    ])
    expect(brief(parseProducts(table, autoMap('products', headers).mapping).errors)).toEqual([
      '2 tipe_layanan import.service_type_invalid',
      '3 harga import.required',
      '4 harga import.price_invalid',
      '5 prabayar import.yes_no_invalid',
      '6 unduh_mbps import.number_invalid',
      '7 unduh_mbps import.number_invalid',
    ])
  })

  it('the same area code, or the same package name, twice', () => {
    const areas = sheet(
      ['kode', 'nama'],
      [
        ['CBG01', 'Cibogo'],
        ['cbg01 ', 'Cibogo Lagi'],
      ],
    )
    expect(brief(parseAreas(areas, { kode: 0, nama: 1 }).errors)).toEqual([
      '3 kode import.duplicate_in_file',
    ])
    const products = sheet(
      ['nama', 'tipe_layanan', 'harga'],
      [
        ['Rumah 10 Mbps', 'pppoe', '150000'],
        ['rumah 10 mbps', 'pppoe', '160000'],
      ],
    )
    const mapping = autoMap('products', products.headers).mapping
    expect(brief(parseProducts(products, mapping).errors)).toEqual([
      '3 nama import.duplicate_in_file',
    ])
  })
})

describe('a required column that is not mapped', () => {
  it('is one error on the header row, not one per data row', () => {
    const table = sheet(
      ['nama', 'paket'],
      [
        ['Ani', 'P'],
        ['Bayu', 'P'],
      ],
    )
    const result = parseCustomers(table, autoMap('customers', table.headers).mapping)
    expect(result).toEqual({
      rows: [],
      errors: [
        { row: 1, column: 'area', messageKey: 'import.column_missing', params: { column: 'area' } },
      ],
    })
  })
})
