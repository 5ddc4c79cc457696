import {
  type BillingSchedule,
  type CustomerCategory,
  type ServiceStatus,
  type ServiceType,
} from '@shared/catalog'
import { isCalendarDate } from '@shared/dates'
import { parseRupiah } from '@shared/money'

/**
 * Readers of single cell texts. Each takes a trimmed, non-empty text and returns the value, or
 * null when the text cannot mean anything valid (the row parser turns that into an error).
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/** "Rumah Tangga", "rumah_tangga" and "RUMAH-TANGGA" are one word. */
export function wordKey(text: string): string {
  return text.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '')
}

function synonyms<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>()
  for (const [value, words] of Object.entries(table) as [T, string[]][]) {
    map.set(wordKey(value), value)
    for (const w of words) map.set(wordKey(w), value)
  }
  return map
}

const CATEGORIES = synonyms<CustomerCategory>({
  rumah: ['rumah tangga', 'rumahan', 'home', 'residential', 'personal', 'pribadi'],
  bisnis: ['usaha', 'business', 'toko', 'ukm', 'umkm'],
  corporate: ['perusahaan', 'korporat', 'korporasi', 'company', 'enterprise'],
})

// English words come from other billing apps' exports; inactive and nonaktif mean the service
// was ended, which Loket calls putus.
const STATUSES = synonyms<ServiceStatus>({
  registrasi: ['registration', 'registered', 'daftar', 'pendaftaran'],
  survei: ['survey', 'survai'],
  instalasi: ['installation', 'install', 'pemasangan', 'pasang'],
  in_progress: ['in progress', 'proses', 'dalam proses'],
  aktif: ['active', 'berlangganan'],
  isolir: ['suspended', 'suspend', 'isolated', 'isolasi', 'diisolir', 'blokir', 'blocked'],
  putus: ['terminated', 'inactive', 'nonaktif', 'tidak aktif', 'berhenti', 'dismantle'],
})

const SERVICE_TYPES = synonyms<ServiceType>({
  pppoe: ['ppp'],
  hotspot: ['voucher', 'hotspot voucher'],
  static_ip: ['static', 'statis', 'ip statis', 'ip static'],
  cable_tv: ['tv kabel', 'catv', 'tv', 'cable tv', 'tv cable'],
  dedicated: ['dedicated internet', 'dedicated line'],
})

const YES = new Set(['ya', 'yes', 'y', '1', 'true', 'benar', 'iya'])
const NO = new Set(['tidak', 'no', 'n', '0', 'false', 'salah', 'tdk', 'bukan'])
const ANNIVERSARY = new Set(
  [
    'aktivasi',
    'anniversary',
    'tanggal aktivasi',
    'tgl aktivasi',
    'tanggal aktif',
    'ikut aktivasi',
  ].map(wordKey),
)

export const parseCategory = (text: string) => CATEGORIES.get(wordKey(text)) ?? null
export const parseStatus = (text: string) => STATUSES.get(wordKey(text)) ?? null
export const parseServiceType = (text: string) => SERVICE_TYPES.get(wordKey(text)) ?? null

export function parseYesNo(text: string): boolean | null {
  const key = wordKey(text)
  return YES.has(key) ? true : NO.has(key) ? false : null
}

// "Rp 150.000,-" and "150.000,00" are how amounts are written on Indonesian invoices.
const RUPIAH_TAIL = /(?:,-|\.-|,00)$/

/** Whole rupiah, zero or more. */
export function parsePrice(text: string): number | null {
  const value = parseRupiah(text.replace(RUPIAH_TAIL, ''))
  return value !== null && value >= 0 ? value : null
}

const DECIMAL = /^(\d+)(?:[.,](\d+))?$/
const UNIT = /\s*(mbps|gb|m|g)$/i

/** A positive amount such as a speed or a quota; "10 Mbps", "1,5" and "1.5" are read. */
export function parsePositiveNumber(text: string): number | null {
  const m = DECIMAL.exec(text.replace(UNIT, ''))
  if (!m) return null
  const value = Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`)
  return value > 0 && Number.isFinite(value) ? value : null
}

const TIME = String.raw`(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?`
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`)
// Day first, as Indonesia writes dates; a month-first US date is read as day-first or rejected.
const DMY = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`)

/** YYYY-MM-DD, from YYYY-MM-DD, DD/MM/YYYY, D/M/YYYY or DD-MM-YYYY; only real dates. */
export function parseDate(text: string): string | null {
  const ymd = YMD.exec(text)
  const dmy = ymd ? null : DMY.exec(text)
  const parts = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null
  if (!parts) return null
  const [y, m, d] = parts as [string, string, string]
  // A year like 0224 or 2924 is a typing slip, not a date.
  if (Number(y) < 1900 || Number(y) > 2100) return null
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  return isCalendarDate(date) ? date : null
}

const DAY = /^(?:tgl\.?|tanggal)?\s*(\d{1,2})$/i

/** A fixed billing day 1–28 (29–31 do not exist every month) or the activation anniversary. */
export function parseBillingSchedule(text: string): BillingSchedule | null {
  const m = DAY.exec(text)
  if (m) {
    const day = Number(m[1])
    return day >= 1 && day <= 28 ? { kind: 'fixed', day } : null
  }
  return ANNIVERSARY.has(wordKey(text)) ? { kind: 'anniversary' } : null
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/

export const isEmail = (text: string) => text.length <= 254 && EMAIL.test(text)

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** Dotted IPv4 without leading zeros (010 is octal to some tools, decimal to others). */
export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text)
  if (!m) return false
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!
    if (Number(part) > 255 || (part.length > 1 && part[0] === '0')) return false
  }
  return true
}

const ID_PUNCTUATION = /[\s.\-/]/g
const NIK = /^\d{16}$/
const NPWP = /^\d{15,16}$/

/** NIK: 16 digits; written with spaces or dots sometimes. */
export function parseNik(text: string): string | null {
  const digits = text.replace(ID_PUNCTUATION, '')
  return NIK.test(digits) ? digits : null
}

/** NPWP: 15 digits (01.234.567.8-901.000), or 16 since the NIK became the NPWP. */
export function parseNpwp(text: string): string | null {
  const digits = text.replace(ID_PUNCTUATION, '')
  return NPWP.test(digits) ? digits : null
}
