import { describe, expect, it } from 'vitest'
import { autoMap } from './columns'
import { parseCustomers } from './parse-rows'

/** A sheet as the user typed it: header on row 1, data from row 2. */
function sheet(headers: string[], rows: string[][]) {
  return {
    headers,
    headerRowNumber: 1,
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
  }
}

function customers(headers: string[], rows: string[][]) {
  const table = sheet(headers, rows)
  return parseCustomers(table, autoMap('customers', headers).mapping)
}

const brief = (errors: { row: number; column: string | null; messageKey: string }[]) =>
  errors.map((e) => `${e.row} ${e.column} ${e.messageKey}`)

describe('customer rows', () => {
  it('a full row becomes a customer: phone normalised, codes upper-cased, dates and money read', () => {
    const headers = [
      'kode',
      'nama',
      'telepon',
      'email',
      'alamat',
      'area',
      'kategori',
      'nik',
      'npwp',
    ]
    const more = ['paket', 'harga', 'tanggal_aktif', 'jadwal_tagihan', 'status', 'username_pppoe']
    const rest = ['password_pppoe', 'ip_statis', 'router', 'catatan']
    const { rows, errors } = customers(
      [...headers, ...more, ...rest],
      [
        [
          ' cbg01-0001 ',
          'Budi  Santoso',
          '0812-3456-7890',
          'Budi.Santoso@Gmail.com',
          'Jl. Melati No. 12',
          'cbg01',
          'Rumah Tangga',
          '3201 0112 0385 0001',
          '01.234.567.8-901.000',
          'Rumah 10 Mbps',
          'Rp 135.000,-',
          '15/03/2024',
          '5',
          'Active',
          'budi.santoso',
          'melati12',
          '10.10.1.2',
          ' POP Utara ',
          'Depan musala',
        ],
      ],
    )
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        rowNumber: 2,
        value: {
          code: 'CBG01-0001',
          name: 'Budi Santoso',
          phone: '6281234567890',
          email: 'budi.santoso@gmail.com',
          address: 'Jl. Melati No. 12',
          areaCode: 'CBG01',
          category: 'rumah',
          nik: '3201011203850001',
          npwp: '012345678901000',
          productName: 'Rumah 10 Mbps',
          priceOverride: 135000,
          activationDate: '2024-03-15',
          billingSchedule: { kind: 'fixed', day: 5 },
          status: 'aktif',
          pppoeUsername: 'budi.santoso',
          pppoePassword: 'melati12',
          staticIp: '10.10.1.2',
          routerName: 'POP Utara',
          notes: 'Depan musala',
        },
      },
    ])
  })

  it('only name, area and package are needed; empty and "-" cells are null, category rumah', () => {
    const { rows, errors } = customers(
      ['nama', 'area', 'paket', 'telepon', 'kategori', 'status', 'jadwal_tagihan'],
      [['Siti', 'BJG02', 'Rumah 20 Mbps', '-', '', '', ' ']],
    )
    expect(errors).toEqual([])
    expect(rows[0]!.value).toMatchObject({
      code: null,
      phone: null,
      address: '',
      category: 'rumah',
      status: null,
      billingSchedule: null,
      priceOverride: null,
    })
  })

  it('every problem is reported with its row, its column and what is wrong', () => {
    const headers = ['nama', 'area', 'paket', 'telepon', 'email', 'tanggal_aktif', 'jadwal_tagihan']
    const extra = [
      'kategori',
      'status',
      'harga',
      'nik',
      'npwp',
      'ip_statis',
      'username_pppoe',
      'kode',
    ]
    const ok = ['Ani', 'CBG01', 'Rumah 10 Mbps', '', '', '', '', '', '', '', '', '', '', '', '']
    const bad = (index: number, text: string) => ok.map((c, i) => (i === index ? text : c))
    const { rows, errors } = customers(
      [...headers, ...extra],
      [
        bad(0, ''),
        bad(1, ' '),
        bad(2, '-'),
        bad(3, '12345'),
        bad(4, 'ani@gmail'),
        bad(5, '31/02/2024'),
        bad(6, '30'),
        bad(7, 'sekolah'),
        bad(8, 'cuti'),
        bad(9, '150.000,50'),
        bad(10, '3201'),
        bad(11, '12345'),
        bad(12, '192.168.1.300'),
        bad(13, 'budi santoso'),
        bad(14, 'X'.repeat(33)),
        ok,
      ],
    )
    expect(brief(errors)).toEqual([
      '2 nama import.required',
      '3 area import.required',
      '4 paket import.required',
      '5 telepon import.phone_invalid',
      '6 email import.email_invalid',
      '7 tanggal_aktif import.date_invalid',
      '8 jadwal_tagihan import.billing_schedule_invalid',
      '9 kategori import.category_invalid',
      '10 status import.status_invalid',
      '11 harga import.price_invalid',
      '12 nik import.nik_invalid',
      '13 npwp import.npwp_invalid',
      '14 ip_statis import.ip_invalid',
      '15 username_pppoe import.pppoe_username_invalid',
      '16 kode import.too_long',
    ])
    expect(errors[3]!.params).toEqual({ value: '12345' })
    expect(errors[14]!.params).toEqual({ max: 32 })
    // Rows with a problem yield no value; the good row does.
    expect(rows.map((r) => r.rowNumber)).toEqual([17])
  })

  it('dates are read day first, in the ways Indonesians write them, and must exist', () => {
    const dates = [
      '2024-03-05',
      '05/03/2024',
      '5/3/2024',
      '05-03-2024',
      '5.3.2024',
      '2024-03-05 00:00:00',
    ]
    const { rows } = customers(
      ['nama', 'area', 'paket', 'tanggal_aktif'],
      dates.map((d) => ['Ani', 'CBG01', 'Rumah 10 Mbps', d]),
    )
    expect(rows.map((r) => r.value.activationDate)).toEqual(dates.map(() => '2024-03-05'))
    const wrong = ['29/02/2023', '2024-13-01', '03/15/2024', '15/03/24', '0224-03-15', 'Maret 2024']
    const { errors } = customers(
      ['nama', 'area', 'paket', 'tanggal_aktif'],
      wrong.map((d) => ['Ani', 'CBG01', 'Rumah 10 Mbps', d]),
    )
    expect(errors.map((e) => e.messageKey)).toEqual(wrong.map(() => 'import.date_invalid'))
    expect(
      customers(['nama', 'area', 'paket', 'tanggal_aktif'], [['A', 'B', 'C', '29/02/2024']]).errors,
    ).toEqual([])
  })

  it('billing day 1–28 or the activation anniversary', () => {
    const texts = ['1', '28', 'tgl 5', 'Aktivasi', 'anniversary']
    const { rows } = customers(
      ['nama', 'area', 'paket', 'jadwal_tagihan'],
      texts.map((t) => ['Ani', 'CBG01', 'P', t]),
    )
    expect(rows.map((r) => r.value.billingSchedule)).toEqual([
      { kind: 'fixed', day: 1 },
      { kind: 'fixed', day: 28 },
      { kind: 'fixed', day: 5 },
      { kind: 'anniversary' },
      { kind: 'anniversary' },
    ])
    const { errors } = customers(
      ['nama', 'area', 'paket', 'jadwal_tagihan'],
      [
        ['A', 'B', 'C', '0'],
        ['A', 'B', 'C', '29'],
      ],
    )
    expect(brief(errors)).toEqual([
      '2 jadwal_tagihan import.billing_schedule_invalid',
      '3 jadwal_tagihan import.billing_schedule_invalid',
    ])
  })

  it('categories and statuses in other words map onto the documented ones', () => {
    const words = [
      ['perusahaan', 'suspended'],
      ['usaha', 'terminated'],
      ['Rumah Tangga', 'inactive'],
      ['BISNIS', 'in progress'],
      ['corporate', 'Survei'],
    ]
    const { rows } = customers(
      ['nama', 'area', 'paket', 'kategori', 'status'],
      words.map(([k, s]) => ['Ani', 'CBG01', 'P', k!, s!]),
    )
    expect(rows.map((r) => [r.value.category, r.value.status])).toEqual([
      ['corporate', 'isolir'],
      ['bisnis', 'putus'],
      ['rumah', 'putus'],
      ['bisnis', 'in_progress'],
      ['corporate', 'survei'],
    ])
  })
})

describe('duplicates within the file', () => {
  it('the same code twice, in any case: the later row points at the first', () => {
    const { rows, errors } = customers(
      ['kode', 'nama', 'area', 'paket'],
      [
        ['CBG01-0001', 'Ani', 'CBG01', 'P'],
        ['CBG01-0002', 'Bayu', 'CBG01', 'P'],
        ['cbg01-0001', 'Citra', 'CBG01', 'P'],
      ],
    )
    expect(errors).toEqual([
      {
        row: 4,
        column: 'kode',
        messageKey: 'import.duplicate_in_file',
        params: { row: 2, value: 'CBG01-0001' },
      },
    ])
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3])
  })

  it('the same name with the same phone, however the phone is written', () => {
    const { errors } = customers(
      ['nama', 'telepon', 'area', 'paket'],
      [
        ['Budi Santoso', '0812-3456-7890', 'CBG01', 'P'],
        ['Budi Santoso', '0813-0000-1111', 'CBG01', 'P'],
        ['Ani Santoso', '0812-3456-7890', 'CBG01', 'P'],
        ['budi  santoso', '+62 812 3456 7890', 'CBG01', 'P'],
      ],
    )
    expect(brief(errors)).toEqual(['5 telepon import.duplicate_in_file'])
    expect(errors[0]!.params).toMatchObject({ row: 2 })
  })

  it('the same PPPoE username twice', () => {
    const { errors } = customers(
      ['nama', 'username_pppoe', 'area', 'paket'],
      [
        ['Ani', 'ani', 'CBG01', 'P'],
        ['Ani Lain', 'ani', 'CBG01', 'P'],
      ],
    )
    expect(brief(errors)).toEqual(['3 username_pppoe import.duplicate_in_file'])
  })
})
