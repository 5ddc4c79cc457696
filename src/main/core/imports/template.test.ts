import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { autoMap } from './columns'
import { parseAreas, parseCustomers, parseProducts } from './parse-rows'
import { readTable } from './read-table'
import { customerTemplate, workbookTemplate } from './template'

const COLUMNS = [
  'kode',
  'nama',
  'telepon',
  'email',
  'alamat',
  'area',
  'kategori',
  'nik',
  'npwp',
  'paket',
  'harga',
  'tanggal_aktif',
  'jadwal_tagihan',
  'status',
  'username_pppoe',
  'password_pppoe',
  'ip_statis',
  'router',
  'catatan',
]

describe('the customer template', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: the documented columns in order, and two examples that import cleanly`, async () => {
      const table = await readTable(await customerTemplate(format), `template.${format}`)
      expect(table.headers).toEqual(COLUMNS)
      const { rows, errors } = parseCustomers(table, autoMap('customers', table.headers).mapping)
      expect(errors).toEqual([])
      expect(rows.map((r) => [r.value.areaCode, r.value.productName])).toEqual([
        ['CBG01', 'Rumah 10 Mbps'],
        ['CBG01', 'Rumah 10 Mbps'],
      ])
      expect(rows[0]!.value).toMatchObject({
        activationDate: '2024-03-15',
        nik: '3201011203850001',
      })
      expect(rows[1]!.value).toMatchObject({
        priceOverride: 135000,
        billingSchedule: { kind: 'anniversary' },
      })
    })
  }

  it('csv is semicolon-separated UTF-8 with a BOM, as Indonesian Excel opens it', async () => {
    const text = (await customerTemplate('csv')).toString('utf8')
    expect(text.startsWith('\uFEFFkode;nama;telepon;')).toBe(true)
  })

  it('xlsx explains every column in Indonesian on a Petunjuk sheet, and keeps NIK as text', async () => {
    const data = await customerTemplate('xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Pelanggan', 'Petunjuk'])
    const guide = await readTable(data, 'template.xlsx', { sheet: 'Petunjuk' })
    const explained = guide.rows.map((r) => r.cells[0])
    for (const column of COLUMNS) expect(explained).toContain(column)
    const pelanggan = wb.getWorksheet('Pelanggan')!
    expect(pelanggan.getCell('H2').value).toBe('3201011203850001')
    expect(pelanggan.getColumn(8).numFmt).toBe('@')
  })
})

describe('the migration workbook', () => {
  it('has Area, Paket and Pelanggan sheets whose examples fit together', async () => {
    const data = await workbookTemplate()
    const areas = await readTable(data, 'migrasi.xlsx', { sheet: 'Area' })
    expect(areas.sheets).toEqual(['Area', 'Paket', 'Pelanggan'])
    const paket = await readTable(data, 'migrasi.xlsx', { sheet: 'Paket' })
    const pelanggan = await readTable(data, 'migrasi.xlsx', { sheet: 'Pelanggan' })

    const a = parseAreas(areas, autoMap('areas', areas.headers).mapping)
    const p = parseProducts(paket, autoMap('products', paket.headers).mapping)
    const c = parseCustomers(pelanggan, autoMap('customers', pelanggan.headers).mapping)
    expect([a.errors, p.errors, c.errors]).toEqual([[], [], []])
    const areaCodes = new Set(a.rows.map((r) => r.value.code))
    const packages = new Set(p.rows.map((r) => r.value.name))
    for (const { value } of c.rows) {
      expect(areaCodes.has(value.areaCode)).toBe(true)
      expect(packages.has(value.productName)).toBe(true)
    }
    expect(p.rows[0]!.value).toMatchObject({
      name: 'Rumah 10 Mbps',
      monthlyPrice: 150000,
      downloadMbps: 10,
    })
  })
})
