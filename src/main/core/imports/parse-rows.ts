import { normalisePhone } from '@shared/phone'
import type {
  AreaImportRow,
  CustomerImportRow,
  ImportRowError,
  ProductImportRow,
} from '@shared/schemas/imports'
import {
  parseBillingSchedule,
  parseCategory,
  parseDate,
  parseNik,
  parseNpwp,
  parsePositiveNumber,
  parsePrice,
  parseServiceType,
  parseStatus,
  parseYesNo,
  isEmail,
  isIpv4,
} from './cells'
import {
  columnsOf,
  type AreaField,
  type CustomerField,
  type ImportKind,
  type ProductField,
} from './columns'
import { FirstSeen, MAX_LENGTH, RowReader, shown } from './row-reader'
import type { TableRow } from './table'

export interface ParseResult<T> {
  /** The rows without any problem, in file order; a row with a problem is only in `errors`. */
  rows: { rowNumber: number; value: T }[]
  errors: ImportRowError[]
}

/** What the parsers need of a table: its data rows (and where the header is, for messages). */
export interface ParseInput {
  rows: TableRow[]
  headerRowNumber?: number
}

type Mapping<F extends string> = Partial<Record<F, number | null>>

const NO_SPACE = /^\S+$/
const lower = (text: string) => text.toLowerCase()
const keepEmail = (text: string) => (isEmail(text) ? lower(text) : null)
const keepIp = (text: string) => (isIpv4(text) ? text : null)
const keepLogin = (text: string) =>
  text.length <= MAX_LENGTH.login && NO_SPACE.test(text) ? text : null

/**
 * Parses every row with `read`, unless a required column is not mapped at all: then each row
 * would fail the same way, so one error per missing column (on the header row) says it better.
 */
function parseAll<F extends string, T>(
  kind: ImportKind,
  table: ParseInput,
  mapping: Mapping<F>,
  read: (r: RowReader<F>) => T | null,
): ParseResult<T> {
  const errors: ImportRowError[] = []
  for (const c of columnsOf(kind)) {
    const index = mapping[c.field as F]
    if (c.required && (index === null || index === undefined)) {
      errors.push({
        row: table.headerRowNumber ?? 1,
        column: c.field,
        messageKey: 'import.column_missing',
        params: { column: c.field },
      })
    }
  }
  if (errors.length > 0) return { rows: [], errors }
  const reader = new RowReader<F>(mapping, errors)
  const rows: ParseResult<T>['rows'] = []
  for (const row of table.rows) {
    reader.start(row)
    const value = read(reader)
    if (reader.ok && value !== null) rows.push({ rowNumber: row.rowNumber, value })
  }
  return { rows, errors }
}

function duplicate<F extends string>(
  r: RowReader<F>,
  seen: FirstSeen,
  field: F,
  key: string,
  value: string,
): void {
  const first = seen.check(key, r.rowNumber)
  if (first !== null) r.fail(field, 'import.duplicate_in_file', { row: first, value: shown(value) })
}

export function parseAreas(
  table: ParseInput,
  mapping: Mapping<AreaField>,
): ParseResult<AreaImportRow> {
  const codes = new FirstSeen()
  return parseAll('areas', table, mapping, (r) => {
    const code = r.required('kode', MAX_LENGTH.code)?.toUpperCase() ?? null
    const name = r.required('nama', MAX_LENGTH.name)
    if (code !== null) duplicate(r, codes, 'kode', code, code)
    return code !== null && name !== null ? { code, name } : null
  })
}

export function parseProducts(
  table: ParseInput,
  mapping: Mapping<ProductField>,
): ParseResult<ProductImportRow> {
  const names = new FirstSeen()
  return parseAll('products', table, mapping, (r) => {
    const name = r.required('nama', MAX_LENGTH.name)
    const serviceType = r.parsedRequired(
      'tipe_layanan',
      parseServiceType,
      'import.service_type_invalid',
    )
    const monthlyPrice = r.parsedRequired('harga', parsePrice, 'import.price_invalid')
    const prepaid = r.parsed('prabayar', parseYesNo, 'import.yes_no_invalid') ?? false
    const downloadMbps = r.parsed('unduh_mbps', parsePositiveNumber, 'import.number_invalid')
    const uploadMbps = r.parsed('unggah_mbps', parsePositiveNumber, 'import.number_invalid')
    const routerProfile = r.optional('profil_router', MAX_LENGTH.login)
    const dataCapGb = r.parsed('kuota_gb', parsePositiveNumber, 'import.number_invalid')
    const notes = r.optional('catatan', MAX_LENGTH.notes)
    // Package names are matched without regard to case when customers are imported.
    if (name !== null) duplicate(r, names, 'nama', lower(name), name)
    if (name === null || serviceType === null || monthlyPrice === null) return null
    return {
      name,
      serviceType,
      monthlyPrice,
      prepaid,
      downloadMbps,
      uploadMbps,
      routerProfile,
      dataCapGb,
      notes,
    }
  })
}

export function parseCustomers(
  table: ParseInput,
  mapping: Mapping<CustomerField>,
): ParseResult<CustomerImportRow> {
  const codes = new FirstSeen()
  const people = new FirstSeen()
  const logins = new FirstSeen()
  return parseAll('customers', table, mapping, (r) => {
    const code = r.optional('kode', MAX_LENGTH.code)?.toUpperCase() ?? null
    const name = r.required('nama', MAX_LENGTH.name)
    const phone = r.parsed('telepon', normalisePhone, 'import.phone_invalid')
    const email = r.parsed('email', keepEmail, 'import.email_invalid')
    const address = r.optional('alamat', MAX_LENGTH.address) ?? ''
    const areaCode = r.required('area', MAX_LENGTH.code)?.toUpperCase() ?? null
    // Most customers of an RT/RW-NET are households; an empty category means that.
    const category = r.parsed('kategori', parseCategory, 'import.category_invalid') ?? 'rumah'
    const nik = r.parsed('nik', parseNik, 'import.nik_invalid')
    const npwp = r.parsed('npwp', parseNpwp, 'import.npwp_invalid')
    const productName = r.required('paket', MAX_LENGTH.name)
    const priceOverride = r.parsed('harga', parsePrice, 'import.price_invalid')
    const activationDate = r.parsed('tanggal_aktif', parseDate, 'import.date_invalid')
    const billingSchedule = r.parsed(
      'jadwal_tagihan',
      parseBillingSchedule,
      'import.billing_schedule_invalid',
    )
    const status = r.parsed('status', parseStatus, 'import.status_invalid')
    const pppoeUsername = r.parsed('username_pppoe', keepLogin, 'import.pppoe_username_invalid')
    const pppoePassword = r.optional('password_pppoe', MAX_LENGTH.login)
    const staticIp = r.parsed('ip_statis', keepIp, 'import.ip_invalid')
    const routerName = r.optional('router', MAX_LENGTH.name)
    const notes = r.optional('catatan', MAX_LENGTH.notes)

    if (code !== null) duplicate(r, codes, 'kode', code, code)
    // The same name with the same phone is almost always a row pasted twice (a family shares a
    // phone, but not a name); a second connection of one person is added in the app afterwards.
    if (name !== null && phone !== null) {
      duplicate(r, people, 'telepon', `${phone}|${lower(name)}`, `${name} / ${phone}`)
    }
    if (pppoeUsername !== null) duplicate(r, logins, 'username_pppoe', pppoeUsername, pppoeUsername)

    if (name === null || areaCode === null || productName === null) return null
    return {
      code,
      name,
      phone,
      email,
      address,
      areaCode,
      category,
      nik,
      npwp,
      productName,
      priceOverride,
      activationDate,
      billingSchedule,
      status,
      pppoeUsername,
      pppoePassword,
      staticIp,
      routerName,
      notes,
    }
  })
}
