import { describe, expect, it } from 'vitest'
import { ImportFileError } from '../imports'
import { parseAmount, parseMethod, parsePaymentDate, parsePaymentFile } from './index'
import { paymentTemplateCsv } from './template'

const csv = (text: string) => Buffer.from(text, 'utf8')

describe('payment file cells', () => {
  it('reads amounts as whole positive rupiah, however they are written', () => {
    for (const text of ['150000', '150.000', 'Rp 150.000', 'Rp150.000,-', '150.000,00'])
      expect(parseAmount(text)).toBe(150_000)
    for (const text of ['0', '-150000', '150.5', '150,50', 'seratus', ''])
      expect(parseAmount(text)).toBeNull()
  })

  it('reads Indonesian and app names of methods', () => {
    expect(
      ['tunai', 'Cash', 'TF', 'bank', 'Transfer', 'e-wallet', 'OVO', 'Dana', 'GoPay'].map(
        parseMethod,
      ),
    ).toEqual([
      'cash',
      'cash',
      'transfer',
      'transfer',
      'transfer',
      'ewallet',
      'ewallet',
      'ewallet',
      'ewallet',
    ])
    expect(parseMethod('cek')).toBeNull()
  })

  it('reads dd/mm/yyyy, yyyy-mm-dd and dd-mm-yyyy, and only real dates', () => {
    expect(parsePaymentDate('05/11/2026')).toBe('2026-11-05')
    expect(parsePaymentDate('2026-11-05')).toBe('2026-11-05')
    expect(parsePaymentDate('5-11-2026')).toBe('2026-11-05')
    expect(parsePaymentDate('05/11/2026 14:03')).toBe('2026-11-05')
    expect(parsePaymentDate('31/02/2026')).toBeNull()
    expect(parsePaymentDate('11/2026')).toBeNull()
  })
})

describe('parsePaymentFile', () => {
  it('matches headers whatever their case and spacing', async () => {
    const file = await parsePaymentFile(
      csv(
        'Kode Pelanggan;  JUMLAH ;Metode;Referensi;Tanggal\ncbg01-0001;150.000;tf;REF-1;01/11/2026\n',
      ),
      'bank.csv',
    )
    expect(file.errors).toEqual([])
    expect(file.rows).toEqual([
      {
        row: 2,
        customerCode: 'CBG01-0001',
        amount: 150_000,
        method: 'transfer',
        reference: 'REF-1',
        date: '2026-11-01',
        notes: null,
        ok: true,
      },
    ])
  })

  it('a missing required column stops the whole file with the column named', async () => {
    const error = await parsePaymentFile(
      csv('kode_pelanggan;jumlah;tanggal\nA;1;2026-11-01\n'),
      'x.csv',
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportFileError)
    expect(error).toMatchObject({
      details: { messageKey: 'import.column_missing', params: { column: 'metode' } },
    })
  })

  it('reports each row problem with its row and column', async () => {
    const file = await parsePaymentFile(
      csv(
        [
          'kode_pelanggan;jumlah;metode;referensi;tanggal',
          ';0;cek;;32/01/2026',
          'CBG01-0001;150.000;transfer;;2026-11-01',
          'CBG01-0002;100.000;tunai;;2026-11-01',
        ].join('\n'),
      ),
      'salah.csv',
    )
    expect(file.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [2, 'kode_pelanggan', 'import.required'],
      [2, 'jumlah', 'paymentImport.errors.amount_invalid'],
      [2, 'metode', 'paymentImport.errors.method_invalid'],
      [2, 'tanggal', 'import.date_invalid'],
      [3, 'referensi', 'paymentImport.errors.reference_required'],
    ])
    expect(file.rows.map((r) => r.ok)).toEqual([false, false, true])
  })

  it('refuses a reference that repeats an earlier row of the file', async () => {
    const file = await parsePaymentFile(
      csv(
        'kode_pelanggan;jumlah;metode;referensi;tanggal\nA-1;1000;tf;TRX-9;2026-11-01\nA-2;2000;tf;trx-9;2026-11-02\n',
      ),
      'dobel.csv',
    )
    expect(file.errors).toEqual([
      {
        row: 3,
        column: 'referensi',
        messageKey: 'import.duplicate_in_file',
        params: { value: 'trx-9', row: 2 },
      },
    ])
  })

  it('reads its own template without a problem', async () => {
    const file = await parsePaymentFile(paymentTemplateCsv(), 'contoh.csv')
    expect(file.errors).toEqual([])
    expect(file.rows.map((r) => [r.method, r.amount, r.date])).toEqual([
      ['transfer', 150_000, '2026-11-01'],
      ['cash', 200_000, '2026-11-02'],
      ['ewallet', 175_000, '2026-11-03'],
    ])
  })
})
