import type { Gender } from './people'
import { type Random, weighted } from './random'

/**
 * Identifiers that must not repeat across the data set (phones, NIKs, NPWPs, e-mails, PPPoE
 * usernames, static IPs). Each kind keeps a Set, so 50,000 customers cost 50,000 look-ups.
 */
const pickPrefixes = weighted<readonly string[]>([
  ['0811 0812 0813 0821 0822 0823 0851 0852 0853'.split(' '), 45], // Telkomsel
  ['0814 0815 0816 0855 0856 0857 0858'.split(' '), 20], // Indosat
  ['0817 0818 0819 0859 0877 0878 0831 0832 0833 0838'.split(' '), 18], // XL, Axis
  ['0895 0896 0897 0898 0899'.split(' '), 12], // Tri
  ['0881 0882 0883 0884 0885 0886 0887 0888 0889'.split(' '), 5], // Smartfren
])
/** Local digits including the leading 0: most mobiles today have 12. */
const pickLength = weighted([
  [10, 3],
  [11, 17],
  [12, 55],
  [13, 25],
])
const pickMailDomain = weighted([
  ['gmail.com', 78],
  ['yahoo.com', 8],
  ['yahoo.co.id', 6],
  ['outlook.com', 4],
  ['hotmail.com', 4],
])
/** No 0/O, 1/l/I: the password is read aloud to the customer and typed into a modem. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

const two = (n: number) => String(n).padStart(2, '0')

/** Lowercase ASCII letters and digits only: "Ma'ruf" → "maruf", "Al-Hikmah" → "alhikmah". */
export function slug(word: string): string {
  let slugged = slugs.get(word)
  if (slugged === undefined) {
    slugged = word.toLowerCase().replace(/[^a-z0-9]/g, '')
    slugs.set(word, slugged)
  }
  return slugged
}
/** Names come from a small vocabulary, so each word is slugged once. */
const slugs = new Map<string, string>()

function luhnDigit(payload: string): number {
  let sum = 0
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i])
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export class Identities {
  private readonly phones = new Set<string>()
  private readonly niks = new Set<string>()
  private readonly npwps = new Set<string>()
  private readonly emails = new Set<string>()
  private readonly usernames = new Set<string>()
  private readonly ipsPerArea = new Map<number, number>()

  constructor(
    private readonly rng: Random,
    private readonly asOfYear: number,
  ) {}

  /** Normalised 62…, as the import row stores it. */
  phone(): string {
    for (;;) {
      const prefix = this.rng.pick(pickPrefixes(this.rng))
      const normalised = `62${prefix.slice(1)}${this.digits(pickLength(this.rng) - prefix.length)}`
      if (!this.phones.has(normalised)) {
        this.phones.add(normalised)
        return normalised
      }
    }
  }

  /** Region (6) + birth date DDMMYY, day + 40 for women (6) + serial (4): 16 digits. */
  nik(region: string, gender: Gender, age: number): string {
    const year = this.asOfYear - age - this.rng.int(0, 1)
    const month = this.rng.int(1, 12)
    const day = this.rng.int(1, month === 2 ? 28 : 30) + (gender === 'female' ? 40 : 0)
    const stem = `${region}${two(day)}${two(month)}${two(year % 100)}`
    for (let serial = this.rng.int(1, 400); ; serial++) {
      const nik = stem + String(serial).padStart(4, '0')
      if (!this.niks.has(nik)) {
        this.niks.add(nik)
        return nik
      }
    }
  }

  /** Old 15-digit form, digits only: type (2) + serial (6) + check (1) + tax office (3) + 000. */
  npwp(entity: boolean, taxOffice: string): string {
    for (;;) {
      const type = entity ? this.rng.pick(['01', '02', '03']) : this.rng.pick(['07', '08', '09'])
      const payload = type + this.digits(6)
      const npwp = `${payload}${luhnDigit(payload)}${taxOffice}000`
      if (!this.npwps.has(npwp)) {
        this.npwps.add(npwp)
        return npwp
      }
    }
  }

  personalEmail(words: readonly string[]): string {
    const parts = words.map(slug).filter(Boolean)
    const sep = this.rng.pick(['.', '', '_'])
    const base = (parts.length > 1 && this.rng.chance(0.3) ? [parts[0]!] : parts).join(sep)
    const suffix = this.rng.chance(0.6) ? String(this.rng.int(1, 99)) : ''
    return this.uniqueEmail(`${base}${suffix}`, pickMailDomain(this.rng))
  }

  businessEmail(words: readonly string[], corporate: boolean): string {
    const base = words.map(slug).join('')
    if (corporate)
      return this.uniqueEmail(this.rng.pick(['admin', 'it', 'finance', 'info']), `${base}.co.id`)
    return this.uniqueEmail(base, 'gmail.com')
  }

  private uniqueEmail(local: string, domain: string): string {
    let email = `${local}@${domain}`
    // More digits as a name gets crowded, so a popular first name never loops for long.
    for (let attempt = 0; this.emails.has(email); attempt++) {
      const digits = Math.min(2 + Math.floor(attempt / 3), 6)
      email = `${local}${this.rng.int(10 ** (digits - 1), 10 ** digits - 1)}@${domain}`
    }
    this.emails.add(email)
    return email
  }

  /** 'budi.santoso23': first and last word of the name and a number, more digits when crowded. */
  pppoeUsername(words: readonly string[]): string {
    const parts = words.map(slug).filter(Boolean)
    const first = (parts[0] ?? 'pelanggan').slice(0, 12)
    const base = parts.length > 1 ? `${first}.${parts[parts.length - 1]!.slice(0, 12)}` : first
    for (let attempt = 0; ; attempt++) {
      const digits = Math.min(2 + Math.floor(attempt / 3), 6)
      const username = base + this.rng.int(10 ** (digits - 1), 10 ** digits - 1)
      if (!this.usernames.has(username)) {
        this.usernames.add(username)
        return username
      }
    }
  }

  /** `count` (≤ 9) random decimal digits, leading zeros kept. */
  private digits(count: number): string {
    return String(this.rng.int(0, 10 ** count - 1)).padStart(count, '0')
  }

  password(): string {
    return this.rng.chars(8, PASSWORD_ALPHABET)
  }

  /** Handed out in order per area from 10.(100 + area).0.2, as an operator's IP plan would. */
  staticIp(areaIndex: number): string {
    const n = this.ipsPerArea.get(areaIndex) ?? 0
    this.ipsPerArea.set(areaIndex, n + 1)
    return `10.${100 + areaIndex}.${Math.floor(n / 250)}.${(n % 250) + 2}`
  }
}
