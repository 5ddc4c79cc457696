import { describe, expect, it } from 'vitest'
import { autoMap, headerKey } from './columns'

describe('matching headers to fields', () => {
  it('ignores case, spaces, underscores and punctuation', () => {
    expect(headerKey(' No. HP ')).toBe(headerKey('no_hp'))
    const { mapping } = autoMap('customers', [
      'NAMA',
      'No. HP',
      'Kode Area',
      'Nama Paket',
      'Tgl Aktif',
    ])
    expect(mapping).toMatchObject({ nama: 0, telepon: 1, area: 2, paket: 3, tanggal_aktif: 4 })
  })

  it('knows the English headers of other billing apps', () => {
    const headers = [
      'Customer Code',
      'Customer Name',
      'WhatsApp',
      'Address',
      'Area Code',
      'Package',
    ]
    const result = autoMap('customers', [
      ...headers,
      'Price',
      'Billing Day',
      'PPPoE Username',
      'Static IP',
    ])
    expect(result.mapping).toMatchObject({
      kode: 0,
      nama: 1,
      telepon: 2,
      alamat: 3,
      area: 4,
      paket: 5,
      harga: 6,
      jadwal_tagihan: 7,
      username_pppoe: 8,
      ip_statis: 9,
    })
    expect(result.missingRequired).toEqual([])
  })

  it('lists headers it does not know and required fields it did not find', () => {
    const result = autoMap('customers', ['Nama', 'Nomor Meteran', '', 'Paket'])
    expect(result.unknownHeaders).toEqual(['Nomor Meteran'])
    expect(result.missingRequired).toEqual(['area'])
    expect(result.mapping.area).toBeNull()
  })

  it('a second column for the same field is reported and left out; the first wins', () => {
    const result = autoMap('areas', ['kode', 'nama', 'Nama'])
    expect(result.mapping).toEqual({ kode: 0, nama: 1 })
    expect(result.duplicateHeaders).toEqual(['Nama'])
    expect(result.unknownHeaders).toEqual([])
  })

  it("the user's choice in the mapping step wins over the guess", () => {
    const headers = ['Nama', 'Wilayah RT', 'Layanan', 'Keterangan']
    const guess = autoMap('customers', headers)
    expect(guess.missingRequired).toEqual(['area'])
    const chosen = autoMap('customers', headers, { area: 1, catatan: null })
    expect(chosen.mapping).toMatchObject({ nama: 0, area: 1, paket: 2, catatan: null })
    expect(chosen.missingRequired).toEqual([])
    expect(chosen.unknownHeaders).toEqual(['Keterangan'])
    expect(() => autoMap('customers', headers, { area: 4 })).toThrow(RangeError)
    expect(() => autoMap('customers', headers, { warna: 1 } as never)).toThrow(RangeError)
  })

  it('products and areas have their own columns', () => {
    const products = autoMap('products', [
      'Name',
      'Type',
      'Monthly Price',
      'Prepaid',
      'Download',
      'Upload',
    ])
    expect(products.mapping).toMatchObject({
      nama: 0,
      tipe_layanan: 1,
      harga: 2,
      prabayar: 3,
      unduh_mbps: 4,
      unggah_mbps: 5,
      profil_router: null,
    })
    expect(autoMap('products', ['nama']).missingRequired).toEqual(['tipe_layanan', 'harga'])
    expect(autoMap('areas', ['Code', 'Name']).mapping).toEqual({ kode: 0, nama: 1 })
  })
})
