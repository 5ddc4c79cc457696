import type { PaymentMethod } from '@shared/billing'
import { isCalendarDate } from '@shared/dates'
import { parseRupiah } from '@shared/money'
import type { ImportRowError } from '@shared/schemas'
import { ImportFileError, headerKey, readTable, type ImportTable } from '../imports'

/** The columns of a payment list; the first name is the one the template uses. */
export const PAYMENT_COLUMNS = {
  kode_pelanggan: ['kode', 'kode_pel', 'id_pelanggan', 'customer_code', 'customer_id', 'code'],
  jumlah: ['nominal', 'jumlah_bayar', 'nilai', 'amount', 'bayar', 'kredit', 'credit'],
  metode: ['metode_bayar', 'cara_bayar', 'method', 'payment_method', 'via'],
  referensi: ['ref', 'no_ref', 'no_referensi', 'nomor_referensi', 'reference', 'berita'],
  tanggal: ['tgl', 'tanggal_bayar', 'tgl_bayar', 'date', 'payment_date', 'tanggal_transaksi'],
  catatan: ['keterangan', 'ket', 'notes', 'note'],
} as const

export type PaymentField = keyof typeof PAYMENT_COLUMNS

const REQUIRED: PaymentField[] = ['kode_pelanggan', 'jumlah', 'metode', 'tanggal']

/** Longest texts kept; beyond them the cell surely holds something else. */
const MAX_CODE = 32
const MAX_REFERENCE = 100
const MAX_NOTES = 500

// Bank statements and collectors write the method the way their app or bank shows it.
const METHOD_WORDS: Record<Exclude<PaymentMethod, 'gateway'>, string[]> = {
  cash: ['cash', 'tunai', 'kontan', 'uang tunai', 'kas'],
  transfer: ['transfer', 'tf', 'trf', 'bank', 'transfer bank', 'bank transfer'],
  ewallet: [
    'ewallet',
    'e-wallet',
    'dompet digital',
    'ovo',
    'dana',
    'gopay',
    'shopeepay',
    'linkaja',
  ],
}
const METHODS = new Map<string, PaymentMethod>([
  ...Object.entries(METHOD_WORDS).flatMap(([method, words]) =>
    words.map((w) => [headerKey(w), method as PaymentMethod] as const),
  ),
  ['gateway', 'gateway'],
  ['paymentgateway', 'gateway'],
])

export function parseMethod(text: string): PaymentMethod | null {
  return METHODS.get(headerKey(text)) ?? null
}

// "Rp 150.000,-" and "150.000,00" are how banks and invoices print whole rupiah.
const RUPIAH_TAIL = /(?:,-|\.-|,00)$/

/** A positive whole rupiah amount, or null. */
export function parseAmount(text: string): number | null {
  const value = parseRupiah(text.replace(RUPIAH_TAIL, ''))
  return value !== null && value > 0 ? value : null
}

const DATE_FORMATS: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T].*)?$/, (m) => [m[3]!, m[2]!, m[1]!]],
]

/**
 * `YYYY-MM-DD` from yyyy-mm-dd, dd/mm/yyyy or dd-mm-yyyy (day first, as Indonesia writes; an
 * XLSX date cell arrives as yyyy-mm-dd). A time after the date, as statements print, is dropped.
 */
export function parsePaymentDate(text: string): string | null {
  for (const [pattern, parts] of DATE_FORMATS) {
    const m = pattern.exec(text.trim())
    if (!m) continue
    const [y, mo, d] = parts(m)
    const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
    return isCalendarDate(date) ? date : null
  }
  return null
}

/** One row as written in the file, with what could be read from it. */
export interface PaymentFileRow {
  row: number
  customerCode: string
  amount: number | null
  method: PaymentMethod | null
  reference: string | null
  date: string | null
  notes: string | null
  /** False when the row has a problem of its own (before the database is consulted). */
  ok: boolean
}

export interface PaymentFile {
  fileName: string
  rows: PaymentFileRow[]
  errors: ImportRowError[]
}

function mapColumns(table: ImportTable): Record<PaymentField, number | null> {
  const lookup = new Map<string, PaymentField>()
  for (const [field, aliases] of Object.entries(PAYMENT_COLUMNS) as [
    PaymentField,
    readonly string[],
  ][]) {
    for (const name of [field, ...aliases]) lookup.set(headerKey(name), field)
  }
  const mapping = Object.fromEntries(Object.keys(PAYMENT_COLUMNS).map((f) => [f, null])) as Record<
    PaymentField,
    number | null
  >
  table.headers.forEach((header, index) => {
    const field = lookup.get(headerKey(header))
    if (field && mapping[field] === null) mapping[field] = index
  })
  const missing = REQUIRED.find((f) => mapping[f] === null)
  if (missing) {
    throw new ImportFileError('import.column_missing', `The file has no ${missing} column`, {
      column: missing,
    })
  }
  return mapping
}

/** A lone '-' is how spreadsheets say "nothing here". */
const cellText = (cells: string[], index: number | null) => {
  const value = index === null ? '' : (cells[index] ?? '').trim()
  return value === '-' ? '' : value
}

/**
 * Reads a bank statement or collector list into rows and the problems each row has on its own:
 * missing or unreadable cells, a reference missing for a non-cash payment, and a reference that
 * repeats an earlier row of the same file. What needs the database is checked by the planner.
 */
export async function parsePaymentFile(data: Buffer, fileName: string): Promise<PaymentFile> {
  const table = await readTable(data, fileName)
  const columns = mapColumns(table)
  const errors: ImportRowError[] = []
  const firstRowOf = new Map<string, number>()
  const rows = table.rows.map(({ rowNumber, cells }): PaymentFileRow => {
    const before = errors.length
    const fail = (column: PaymentField, key: string, params?: Record<string, string | number>) =>
      errors.push({ row: rowNumber, column, messageKey: key, ...(params ? { params } : {}) })
    const text = (field: PaymentField) => cellText(cells, columns[field])
    const read = <T>(field: PaymentField, parse: (t: string) => T | null, key: string) => {
      const value = text(field)
      if (value === '') {
        fail(field, 'import.required')
        return null
      }
      const parsed = parse(value)
      if (parsed === null) fail(field, key, { value: value.slice(0, 60) })
      return parsed
    }
    const customerCode = text('kode_pelanggan').toUpperCase()
    if (customerCode === '') fail('kode_pelanggan', 'import.required')
    else if (customerCode.length > MAX_CODE)
      fail('kode_pelanggan', 'import.too_long', { max: MAX_CODE })
    const amount = read('jumlah', parseAmount, 'paymentImport.errors.amount_invalid')
    const method = read('metode', parseMethod, 'paymentImport.errors.method_invalid')
    const date = read('tanggal', parsePaymentDate, 'import.date_invalid')
    let reference: string | null = text('referensi') || null
    if (reference && reference.length > MAX_REFERENCE) {
      fail('referensi', 'import.too_long', { max: MAX_REFERENCE })
      reference = null
    } else if (!reference && method && method !== 'cash') {
      fail('referensi', 'paymentImport.errors.reference_required')
    } else if (reference) {
      // One transfer is one payment: the same reference twice is the same money counted twice.
      const key = reference.toUpperCase()
      const first = firstRowOf.get(key)
      if (first !== undefined)
        fail('referensi', 'import.duplicate_in_file', { value: reference, row: first })
      else firstRowOf.set(key, rowNumber)
    }
    const notes = text('catatan').slice(0, MAX_NOTES) || null
    return {
      row: rowNumber,
      customerCode,
      amount,
      method,
      reference,
      date,
      notes,
      ok: errors.length === before,
    }
  })
  return { fileName, rows, errors }
}
