import { execFile } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paymentImportErrorsEn, paymentImportErrorsId } from '../../src/main/core/payment-import'
import { enPaymentImport } from '../../src/renderer/src/i18n/en-payment-import'
import { idPaymentImport } from '../../src/renderer/src/i18n/id-payment-import'
import { makeDataDir, rowsIn } from '../helpers/data-dir'
import { CLI_ENTRY } from '../helpers/node-entries'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const fixture = (name: string) => path.join(root, 'test/fixtures/imports', name)
const MUTASI = fixture('pembayaran-mutasi.csv')

interface ImportJson {
  ok: boolean
  file: string
  rows: number
  total: number
  errors: { row: number; column: string | null; messageKey: string; message: string }[]
  imported: boolean
  receipts: string[]
}

async function cli(...args: string[]): Promise<{ code: number; json: ImportJson }> {
  try {
    const { stdout } = await run(process.execPath, [CLI_ENTRY, ...args, '--json'], { cwd: root })
    return { code: 0, json: JSON.parse(stdout.trim()) }
  } catch (error) {
    const e = error as { code: number; stdout: string }
    return { code: e.code, json: JSON.parse(e.stdout.trim()) }
  }
}

let dataDir: string
const query = <T>(text: string): Promise<T[]> => rowsIn(dataDir, sql.raw<T>(text))

beforeAll(async () => {
  dataDir = await makeDataDir('loket-pay-import-')
  const steps = [
    [
      'init',
      '--company',
      'Net Jaya',
      '--admin-user',
      'owner',
      '--admin-password',
      'Sangat-Rahasia-42',
    ],
    ['import', 'areas', fixture('areas.csv')],
    ['import', 'products', fixture('paket.csv')],
    ['import', 'customers', fixture('pelanggan-20.csv')],
    ['billing', 'run', '--period', '2026-11', '--as-of', '2026-11-01'],
  ]
  for (const step of steps) {
    const { code, json } = await cli(...step, '--data-dir', dataDir)
    expect(code, JSON.stringify(json)).toBe(0)
  }
}, 120_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('payments import (a real child process on a real data dir)', () => {
  it('prints the same row problems the UI shows', () => {
    // The CLI (core) and the UI (i18n) each hold the texts; they must not drift apart.
    expect(paymentImportErrorsId).toEqual(idPaymentImport.paymentImport.errors)
    expect(paymentImportErrorsEn).toEqual(enPaymentImport.paymentImport.errors)
  })

  it('--dry-run previews the file and writes nothing', async () => {
    const { code, json } = await cli(
      'payments',
      'import',
      MUTASI,
      '--dry-run',
      '--data-dir',
      dataDir,
    )
    expect(code).toBe(0)
    expect(json).toEqual({
      ok: true,
      file: 'pembayaran-mutasi.csv',
      rows: 8,
      total: 1_600_000,
      errors: [],
      imported: false,
      receipts: [],
    })
    expect(await query('SELECT id FROM payments')).toEqual([])
  })

  it('a file with bad rows imports nothing, names every row and exits 1', async () => {
    const bad = path.join(dataDir, 'salah.csv')
    writeFileSync(
      bad,
      [
        'kode_pelanggan;jumlah;metode;referensi;tanggal',
        'CBG01-0001;150.000;transfer;BCA-1;01/11/2026',
        'XYZ-0001;150.000;transfer;BCA-2;01/11/2026',
        'CBG01-0002;150,5;transfer;BCA-3;01/11/2026',
        'CBG01-0003;150.000;cek;BCA-4;01/11/2026',
        'CBG01-0004;150.000;transfer;;01/11/2026',
        'CBG01-0008;150.000;transfer;bca-1;31/02/2026',
        'BJG02-0001;150.000;tunai;;01/01/2099',
      ].join('\n'),
    )
    const { code, json } = await cli('payments', 'import', bad, '--data-dir', dataDir)
    expect(code).toBe(1)
    expect(json.imported).toBe(false)
    expect(json.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [3, 'kode_pelanggan', 'paymentImport.errors.unknown_customer'],
      [4, 'jumlah', 'paymentImport.errors.amount_invalid'],
      [5, 'metode', 'paymentImport.errors.method_invalid'],
      [6, 'referensi', 'paymentImport.errors.reference_required'],
      [7, 'tanggal', 'import.date_invalid'],
      [7, 'referensi', 'import.duplicate_in_file'],
      [8, 'tanggal', 'paymentImport.errors.date_future'],
    ])
    expect(json.errors[0]!.message).toBe(
      'baris 3 (kode_pelanggan): Pelanggan dengan kode "XYZ-0001" tidak ada.',
    )
    expect(await query('SELECT id FROM payments')).toEqual([])
  })

  it('imports the statement in one go with consecutive receipts, then refuses it a second time', async () => {
    const { code, json } = await cli('payments', 'import', MUTASI, '--data-dir', dataDir)
    expect(code, JSON.stringify(json)).toBe(0)
    expect(json).toMatchObject({ ok: true, rows: 8, total: 1_600_000, imported: true, errors: [] })
    expect(json.receipts).toHaveLength(8)
    const seq = json.receipts.map((n) => Number(/(\d+)$/.exec(n)![1]))
    expect(seq).toEqual(seq.map((_, i) => seq[0]! + i))
    const payments = await query<{ source: string; received_date: string; number: string }>(
      'SELECT source, received_date, number FROM payments ORDER BY id',
    )
    expect(payments.map((p) => p.number)).toEqual(json.receipts)
    expect(new Set(payments.map((p) => p.source))).toEqual(new Set(['import']))
    expect(payments[0]!.received_date).toBe('2026-11-03')
    expect(await query(`SELECT id FROM audit_log WHERE action = 'payments.import'`)).toHaveLength(1)
    expect(await query(`SELECT id FROM audit_log WHERE action = 'payments.record'`)).toHaveLength(8)

    const again = await cli('payments', 'import', MUTASI, '--data-dir', dataDir)
    expect(again.code).toBe(1)
    expect(again.json.imported).toBe(false)
    // Every row with a reference (the collector's receipt number too) is refused; the cash row
    // without one cannot be told apart, but the file as a whole is refused with the others.
    expect(again.json.errors.map((e) => [e.row, e.messageKey])).toEqual(
      [2, 3, 5, 6, 7, 8, 9].map((row) => [row, 'paymentImport.errors.reference_taken']),
    )
    expect(await query('SELECT id FROM payments')).toHaveLength(8)
  })
})
