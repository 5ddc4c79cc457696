/**
 * The documented columns of each import, Indonesian first (what the template says) with the
 * English and colloquial headers people already have in their old spreadsheets.
 */
export type ImportKind = 'customers' | 'areas' | 'products'

interface ColumnDef {
  field: string
  aliases: readonly string[]
  required: boolean
}

const col = <F extends string>(field: F, aliases: string[], required = false) => ({
  field,
  aliases,
  required,
})

export const CUSTOMER_COLUMNS = [
  col('kode', ['code', 'customer_code', 'id_pelanggan', 'kode_pelanggan', 'customer_id']),
  col('nama', ['name', 'nama_pelanggan', 'customer_name', 'nama_lengkap', 'full_name'], true),
  col('telepon', [
    'phone',
    'hp',
    'no_hp',
    'nomor_hp',
    'telp',
    'no_telp',
    'no_telepon',
    'whatsapp',
    'wa',
    'no_wa',
    'phone_number',
  ]),
  col('email', ['surel', 'alamat_email']),
  col('alamat', ['address', 'alamat_lengkap']),
  col('area', ['area_code', 'kode_area', 'wilayah'], true),
  col('kategori', ['category', 'jenis_pelanggan']),
  col('nik', ['ktp', 'no_ktp', 'id_number']),
  col('npwp', ['tax_id']),
  col('paket', ['package', 'product', 'produk', 'nama_paket', 'package_name', 'layanan'], true),
  col('harga', ['price', 'tarif', 'biaya_bulanan', 'monthly_price']),
  col('tanggal_aktif', ['activation_date', 'tgl_aktif', 'tanggal_aktivasi', 'tgl_aktivasi']),
  col('jadwal_tagihan', ['billing_day', 'billing_schedule', 'tanggal_tagihan', 'tgl_tagihan']),
  col('status', ['status_layanan', 'service_status']),
  col('username_pppoe', ['pppoe_username', 'username', 'user_pppoe', 'pppoe_user']),
  col('password_pppoe', ['pppoe_password', 'password', 'pass_pppoe']),
  col('ip_statis', ['static_ip', 'ip', 'ip_address', 'alamat_ip']),
  col('router', ['router_name', 'nama_router', 'mikrotik']),
  col('catatan', ['notes', 'note', 'keterangan', 'ket']),
] as const satisfies readonly ColumnDef[]

export const AREA_COLUMNS = [
  col('kode', ['code', 'kode_area', 'area_code'], true),
  col('nama', ['name', 'nama_area', 'area_name', 'area'], true),
] as const satisfies readonly ColumnDef[]

export const PRODUCT_COLUMNS = [
  col('nama', ['name', 'nama_paket', 'paket', 'package', 'product', 'produk'], true),
  col('tipe_layanan', ['service_type', 'tipe', 'type', 'jenis_layanan'], true),
  col('harga', ['price', 'monthly_price', 'harga_bulanan', 'tarif'], true),
  col('prabayar', ['prepaid']),
  col('unduh_mbps', ['download_mbps', 'download', 'unduh', 'kecepatan_unduh']),
  col('unggah_mbps', ['upload_mbps', 'upload', 'unggah', 'kecepatan_unggah']),
  col('profil_router', ['router_profile', 'profile', 'profil', 'profil_pppoe']),
  col('kuota_gb', ['data_cap_gb', 'quota_gb', 'kuota', 'fup_gb']),
  col('catatan', ['notes', 'note', 'keterangan']),
] as const satisfies readonly ColumnDef[]

export type CustomerField = (typeof CUSTOMER_COLUMNS)[number]['field']
export type AreaField = (typeof AREA_COLUMNS)[number]['field']
export type ProductField = (typeof PRODUCT_COLUMNS)[number]['field']

/** Which header column (0-based) feeds each field; null when the file has no such column. */
export type ColumnMapping<F extends string = string> = Record<F, number | null>

export interface MappingResult<F extends string = string> {
  mapping: ColumnMapping<F>
  /** Headers no field uses, shown so the user can map them by hand. */
  unknownHeaders: string[]
  /** Required fields without a column: the import cannot go on until they are mapped. */
  missingRequired: F[]
  /** Headers that name a field another column already feeds (the first one wins). */
  duplicateHeaders: string[]
}

const COLUMNS: Record<ImportKind, readonly ColumnDef[]> = {
  customers: CUSTOMER_COLUMNS,
  areas: AREA_COLUMNS,
  products: PRODUCT_COLUMNS,
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/** "No. HP", "no_hp" and "NO HP" are one header. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '')
}

const LOOKUP: Record<ImportKind, Map<string, string>> = {
  customers: lookupFor(CUSTOMER_COLUMNS),
  areas: lookupFor(AREA_COLUMNS),
  products: lookupFor(PRODUCT_COLUMNS),
}

function lookupFor(columns: readonly ColumnDef[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const c of columns) {
    for (const name of [c.field, ...c.aliases]) {
      const key = headerKey(name)
      if (map.has(key)) throw new Error(`Header alias "${name}" is used twice`)
      map.set(key, c.field)
    }
  }
  return map
}

export function columnsOf(kind: ImportKind): readonly ColumnDef[] {
  return COLUMNS[kind]
}

export function autoMap(
  kind: 'customers',
  headers: string[],
  override?: Partial<ColumnMapping<CustomerField>>,
): MappingResult<CustomerField>
export function autoMap(
  kind: 'areas',
  headers: string[],
  override?: Partial<ColumnMapping<AreaField>>,
): MappingResult<AreaField>
export function autoMap(
  kind: 'products',
  headers: string[],
  override?: Partial<ColumnMapping<ProductField>>,
): MappingResult<ProductField>
/**
 * Matches headers to fields; `override` is the user's choice in the column-mapping step (field →
 * header index, or null to leave a field out) and wins over the guess.
 */
export function autoMap(
  kind: ImportKind,
  headers: string[],
  override: Partial<ColumnMapping> = {},
): MappingResult {
  const columns = COLUMNS[kind]
  const lookup = LOOKUP[kind]
  const mapping: ColumnMapping = {}
  for (const c of columns) mapping[c.field] = null
  const duplicates = new Set<number>()
  headers.forEach((header, index) => {
    const field = lookup.get(headerKey(header))
    if (field === undefined) return
    if (mapping[field] === null) mapping[field] = index
    else duplicates.add(index)
  })
  for (const [field, index] of Object.entries(override)) {
    if (!(field in mapping)) throw new RangeError(`Unknown ${kind} field "${field}"`)
    if (index === undefined) continue
    if (index !== null && !(Number.isInteger(index) && index >= 0 && index < headers.length)) {
      throw new RangeError(`Column ${index} of field "${field}" is not in the file`)
    }
    mapping[field] = index
  }
  const used = new Set(Object.values(mapping))
  const unused = (h: string, i: number) => !used.has(i) && h.trim() !== ''
  return {
    mapping,
    unknownHeaders: headers.filter((h, i) => unused(h, i) && !duplicates.has(i)),
    missingRequired: columns
      .filter((c) => c.required && mapping[c.field] === null)
      .map((c) => c.field),
    duplicateHeaders: headers.filter((h, i) => unused(h, i) && duplicates.has(i)),
  }
}
