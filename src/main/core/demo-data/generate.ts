import type { BillingSchedule, CustomerCategory, ServiceStatus } from '@shared/catalog'
import { mulDivRoundHalfUp, rupiah } from '@shared/money'
import { addDays, addMonths, calendarDate, daysBetween, isCalendarDate } from '@shared/dates'
import type { AreaImportRow, CustomerImportRow, ProductImportRow } from '@shared/schemas/imports'
import { Identities } from './identity'
import { corporation, person, smallBusiness } from './people'
import { businessAddress, DEMO_AREAS, type DemoArea, homeAddress, OTHER_REGIONS } from './places'
import { DEMO_PRODUCTS, pickProduct } from './products'
import { createRandom, type Random, weighted } from './random'

export interface DemoDataOptions {
  customers: number
  seed: string | number
  /** YYYY-MM-DD: the day the data describes; no activation lies after it. */
  asOf: string
}

export interface DemoData {
  areas: AreaImportRow[]
  products: ProductImportRow[]
  customers: CustomerImportRow[]
}

export const MAX_DEMO_CUSTOMERS = 1_000_000

const pickCategory = weighted<CustomerCategory>([
  ['rumah', 91],
  ['bisnis', 8],
  ['corporate', 1],
])
const pickStatus = weighted<ServiceStatus>([
  ['aktif', 85],
  ['isolir', 5],
  ['putus', 8],
  ['registrasi', 1],
  ['instalasi', 1],
])
const pickSchedule = weighted<BillingSchedule>([
  [{ kind: 'fixed', day: 1 }, 70],
  [{ kind: 'fixed', day: 5 }, 4],
  [{ kind: 'fixed', day: 10 }, 5],
  [{ kind: 'fixed', day: 15 }, 4],
  [{ kind: 'fixed', day: 20 }, 3],
  [{ kind: 'anniversary' }, 14],
])
const NOTES = [
  'Rumah cat hijau, sebelah masjid.',
  'Telepon dulu sebelum teknisi datang.',
  'Kabel drop lewat rumah tetangga.',
  'Pindahan dari provider lain.',
  'Bayar lewat transfer BCA.',
  'Bayar tunai ke kolektor RT.',
  'Kunci pagar dititip ke warung depan.',
  'Router di lantai 2, tambah access point.',
  'Pemilik kos, 12 kamar.',
  'Sinyal sering drop saat hujan, cek konektor ODP.',
  'Minta tagihan via WhatsApp saja.',
]
const LEAVING = [
  'Berhenti: pindah rumah.',
  'Berhenti: pindah ke provider lain.',
  'Berhenti: rumah dijual.',
  'Berhenti: tidak sanggup bayar.',
]
/** Credentials go to services the router authenticates (PPPoE secrets, hotspot users). */
const WITH_LOGIN = new Set(['pppoe', 'static_ip', 'hotspot'])
const WITH_STATIC_IP = new Set(['static_ip', 'dedicated'])

/**
 * A believable RT/RW-NET customer base for demos, screenshots and benchmarks: the same options
 * always give the same rows, byte for byte (seeded PRNG, `asOf` instead of the clock).
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const { customers: count, seed, asOf } = options
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_DEMO_CUSTOMERS) {
    throw new RangeError(`customers must be a whole number 0–${MAX_DEMO_CUSTOMERS}: ${count}`)
  }
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf is not a YYYY-MM-DD date: ${asOf}`)

  const rng = createRandom(`loket-demo:${seed}`)
  const areas = DEMO_AREAS.slice(0, count < 500 ? 4 : count < 5000 ? 5 : 6)
  const pickArea = weighted(areas.map((area, index) => [index, area.weight] as const))
  const today = calendarDate(asOf)
  // The operator started three years ago.
  const span = daysBetween(addMonths(today, -36), today)
  const context: Context = {
    rng,
    ids: new Identities(rng, Number(asOf.slice(0, 4))),
    span,
    daysAgo: Array.from({ length: span + 1 }, (_, n) => addDays(today, -n)),
  }

  const rows: CustomerImportRow[] = []
  const ages: number[] = []
  for (let i = 0; i < count; i++) {
    const areaIndex = pickArea(rng)
    const status = pickStatus(rng)
    const ago = activationDaysAgo(context, status)
    rows.push(customer(context, { area: areas[areaIndex]!, areaIndex, status, ago }))
    ages.push(ago)
  }

  return {
    areas: areas.map(({ code, name }) => ({ code, name })),
    products: DEMO_PRODUCTS.map((product) => ({ ...product })),
    customers: oldestFirst(rows, ages, span),
  }
}

/**
 * Oldest activation first, not yet activated last, as an operator's list grew: codes generated
 * in row order then follow seniority. A counting sort on days-ago keeps it linear and stable.
 */
function oldestFirst<T>(rows: readonly T[], ages: readonly number[], span: number): T[] {
  // Bucket 0 is the oldest day (span days ago), bucket span + 1 holds "no activation" (-1).
  const bucket = (ago: number) => (ago < 0 ? span + 1 : span - ago)
  const starts = new Array<number>(span + 3).fill(0)
  for (const ago of ages) starts[bucket(ago) + 1]!++
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!
  const sorted = new Array<T>(rows.length)
  for (let i = 0; i < rows.length; i++) sorted[starts[bucket(ages[i]!)]!++] = rows[i]!
  return sorted
}

interface Context {
  rng: Random
  ids: Identities
  span: number
  /** `daysAgo[n]` is the date n days before asOf: date arithmetic once per day, not per row. */
  daysAgo: readonly string[]
}

interface Draw {
  area: DemoArea
  areaIndex: number
  status: ServiceStatus
  /** Days before asOf of the activation; -1 when not activated yet. */
  ago: number
}

function customer(ctx: Context, draw: Draw): CustomerImportRow {
  const { rng, ids } = ctx
  const { area, areaIndex, status, ago } = draw
  const category = pickCategory(rng)
  const product = pickProduct(rng, category)
  const region = rng.chance(0.85) ? area.region : rng.pick(OTHER_REGIONS)

  let name: string
  let words: readonly string[]
  let address: string
  let email: string | null = null
  let nik: string | null = null
  let npwp: string | null = null
  if (category === 'rumah') {
    const who = person(rng)
    ;({ name, words } = who)
    address = homeAddress(rng, area)
    if (rng.chance(0.72)) nik = ids.nik(region, who.gender, who.age)
    if (rng.chance(who.age < 35 ? 0.5 : 0.22)) email = ids.personalEmail(words)
  } else {
    const business = category === 'bisnis' ? smallBusiness(rng) : corporation(rng)
    ;({ name, words } = business)
    address = businessAddress(rng, area)
    const entity = category === 'corporate' || /^(CV|PT) /.test(name)
    if (!entity && rng.chance(0.55)) {
      nik = ids.nik(region, rng.chance(0.6) ? 'male' : 'female', rng.int(25, 60))
    }
    if (entity || rng.chance(0.6)) npwp = ids.npwp(entity, area.taxOffice)
    if (category === 'corporate' || rng.chance(0.6)) {
      email = ids.businessEmail(words, category === 'corporate')
    }
  }
  const phone = category !== 'corporate' && rng.chance(0.03) ? null : ids.phone()

  const registered = status !== 'registrasi'
  const login = registered && WITH_LOGIN.has(product.serviceType)
  const notes: string[] = []
  const priceOverride = rng.chance(0.03) ? override(rng, product, notes) : null
  if (status === 'putus' && rng.chance(0.5)) notes.push(rng.pick(LEAVING))
  if (rng.chance(0.08)) notes.push(rng.pick(NOTES))

  return {
    code: null,
    name,
    phone,
    email,
    address,
    areaCode: area.code,
    category,
    nik,
    npwp,
    productName: product.name,
    priceOverride,
    activationDate: ago < 0 ? null : (ctx.daysAgo[ago] as string),
    billingSchedule: registered ? pickSchedule(rng) : null,
    status,
    pppoeUsername: login ? ids.pppoeUsername(words) : null,
    pppoePassword: login ? ids.password() : null,
    staticIp:
      registered && WITH_STATIC_IP.has(product.serviceType) ? ids.staticIp(areaIndex) : null,
    // Which router serves an area is the operator's (--router-for), as for a spreadsheet.
    routerName: null,
    notes: notes.length > 0 ? notes.join(' ') : null,
  }
}

/**
 * Days before `asOf`, drawn so the customer base grows: density falls linearly with age, so the
 * last month brings about twice the average. Isolated customers have had an unpaid period;
 * terminated ones skew old. -1: not activated yet.
 */
function activationDaysAgo(ctx: Context, status: ServiceStatus): number {
  const { rng, span } = ctx
  let ago: number
  switch (status) {
    case 'registrasi':
      return -1
    case 'instalasi':
      ago = rng.int(0, 3)
      break
    case 'isolir':
      ago = 35 + Math.floor((span - 35) * (1 - Math.sqrt(rng.next())))
      break
    case 'putus':
      ago = 90 + Math.floor((span - 90) * Math.sqrt(rng.next()))
      break
    default:
      ago = Math.floor(span * (1 - Math.sqrt(rng.next())))
  }
  return ago
}

function override(rng: Random, product: ProductImportRow, notes: string[]): number {
  const price = product.monthlyPrice
  if (!product.prepaid) {
    notes.push('Harga kontrak tahunan.')
    // 10 % off, rounded to Rp5.000 as a negotiated price would be.
    return mulDivRoundHalfUp(rupiah(price), 9, 50_000) * 5000
  }
  if (price >= 200_000 && rng.chance(0.3)) {
    notes.push('Harga khusus pengurus RT.')
    return price - 50_000
  }
  notes.push('Diskon tetangga Rp25.000.')
  return price - 25_000
}
